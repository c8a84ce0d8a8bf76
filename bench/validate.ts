/**
 * validateRecord on 10,000 generated records against ajv compiled from our own JSON Schema (shape
 * only), and the peak memory of streaming a 200 MB NDJSON file through the validator.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRecordShape, readNdjson, recordJsonSchema, toRecord, validateRecord } from '../src/validate/index.js';
import { dispatch, replay, type CaseEvent } from '../src/index.js';
import { measure, median, printTable, type BenchResult } from './harness.js';
import { lead, runScenario } from './scenario.js';

function records(count: number): unknown[] {
  const { events, state } = runScenario();
  const text = JSON.stringify(toRecord(events, state));
  // Distinct objects, as if parsed from distinct lines.
  return Array.from({ length: count }, () => JSON.parse(text) as unknown);
}

function benchRecords(): { results: BenchResult[]; line: string } {
  const batch = records(10_000);
  // Shape only: formats (date-time) are left unchecked, as ajv does without ajv-formats.
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const ajvCheck = ajv.compile(recordJsonSchema());
  let i = 0;
  const next = () => batch[i++ % batch.length];
  const results = [
    measure({ name: 'ajv, shape only (peer)', run: () => (ajvCheck(next()) ? 1 : 1) }),
    measure({ name: 'checkRecordShape (shape only)', run: () => (checkRecordShape(next()).length === 0 ? 1 : 1) }),
    measure({ name: 'validateRecord, full', run: () => (validateRecord(next()).valid ? 1 : 1) }),
  ];
  printTable(`Validate: 10,000 generated records of ${(batch[0] as { events: unknown[] }).events.length} events (target: shape-only ≥ 0.5× ajv)`, 'records', results, 'ajv, shape only (peer)');
  return { results, line: `${JSON.stringify(batch[0])}\n` };
}


/**
 * One legal record of 100,000 events (the standard course, then measurement after measurement,
 * each exactly the event the engine records), validated whole: DESIGN.md §10 asks for < 2 s.
 */
export function benchBigRecord(total = 100_000): void {
  const { events: course } = runScenario();
  const events: CaseEvent[] = course.slice(0, course.findIndex((e) => e.type === 'strategyStarted') + 1);
  const state = replay(events);
  const t0 = Date.parse(state.updatedAt);
  const r = dispatch(state, { type: 'recordMeasurement', measurementId: 'm-0', instrumentId: 'phq9', score: 9, source: 'clinician-rated' }, { actor: lead, now: () => new Date(t0 + 1000).toISOString() });
  if (!r.ok) throw r.error;
  const template = r.events[0] as Extract<CaseEvent, { type: 'measurementRecorded' }>;
  for (let k = 0; events.length < total; k++) {
    const at = new Date(t0 + 1000 * (k + 1)).toISOString();
    events.push({ ...template, seq: events.length + 1, at, data: { measurement: { ...template.data.measurement, id: `m-${k}`, score: 5 + (k % 15), band: template.data.measurement.band, takenAt: at } } });
  }
  // Each measurement's band follows its score: take the engine's own events for the scores used.
  const bands = new Map<number, string | null>();
  for (let score = 5; score < 20; score++) {
    const b = dispatch(state, { type: 'recordMeasurement', measurementId: 'm-b', instrumentId: 'phq9', score, source: 'clinician-rated' }, { actor: lead, now: () => new Date(t0 + 1000).toISOString() });
    if (!b.ok) throw b.error;
    bands.set(score, (b.events[0] as typeof template).data.measurement.band);
  }
  for (const e of events) if (e.type === 'measurementRecorded') (e.data.measurement as { band: string | null }).band = bands.get(e.data.measurement.score as number) ?? null;
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const result = validateRecord(toRecord(events), { maxEvents: total });
    times.push(performance.now() - start);
    if (!result.valid) throw new Error(`the 100,000-event record did not validate: ${JSON.stringify(result.issues.slice(0, 2))}`);
  }
  console.log(`\nValidate one legal record of ${events.length.toLocaleString('en')} events: ${(median(times) / 1000).toFixed(2)} s (median of 3; target < 2 s)`);
}

export async function benchValidate(): Promise<BenchResult[]> {
  // Streaming runs first, on a fresh heap, so its memory is its own.
  const line = `${JSON.stringify(records(1)[0])}\n`;
  await benchStreaming(line);
  benchBigRecord();
  return benchRecords().results;
}

async function benchStreaming(line: string): Promise<void> {
  // Streaming: write ~200 MB of NDJSON, then validate it line by line and watch the heap.
  const dir = mkdtempSync(join(tmpdir(), 'il-bench-'));
  const file = join(dir, 'records.ndjson');
  writeFileSync(file, '');
  const lines = Math.ceil((200 * 1024 * 1024) / line.length);
  const block = line.repeat(100);
  for (let k = 0; k < lines; k += 100) appendFileSync(file, block);
  const size = statSync(file).size;
  let peak = 0;
  let peakHeap = 0;
  let count = 0;
  const before = process.memoryUsage();
  const start = performance.now();
  for await (const l of readNdjson(createReadStream(file))) {
    if (l.ok && !validateRecord(l.value).valid) throw new Error('a generated record did not validate');
    count += 1;
    if (count % 200 === 0) {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\nStreaming: ${(size / 1024 / 1024).toFixed(0)} MB NDJSON, ${count} records, ${(count / seconds).toFixed(0)} records/s, ` +
      `peak resident memory ${(peak / 1024 / 1024).toFixed(0)} MB (${(before.rss / 1024 / 1024).toFixed(0)} MB before), peak heap ${(peakHeap / 1024 / 1024).toFixed(0)} MB`,
  );
}
