/**
 * validateRecord on 10,000 generated records against ajv compiled from our own JSON Schema (shape
 * only), and the peak memory of streaming a 200 MB NDJSON file through the validator.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRecordShape, readNdjson, recordJsonSchema, toRecord, validateRecord } from '../src/validate/index.js';
import { measure, printTable, type BenchResult } from './harness.js';
import { runScenario } from './scenario.js';

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


export async function benchValidate(): Promise<BenchResult[]> {
  // Streaming runs first, on a fresh heap, so its memory is its own.
  const line = `${JSON.stringify(records(1)[0])}\n`;
  await benchStreaming(line);
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
