/**
 * `intervention-lifecycle simulate <scenario.json>`: a seeded cohort through the engine, its records
 * as NDJSON, its outcome table as CSV, and a summary on stderr.
 */
import { readFileSync } from 'node:fs';
import { getInstrument } from '../measures/instruments/registry.js';
import { parseScenario, type Scenario } from '../simulate/scenario.js';
import { simulateCohort } from '../simulate/cohort.js';
import { outcomeRows, type OutcomeRow } from '../simulate/outcomes.js';
import { addTally, csvHeader, emptyTally, summaryOf, type Tally } from '../simulate/table.js';
import { tableOf, type BlockTable, type TableWants } from './block-table.js';
import { printable, readFailure } from './printable.js';
import { runWorkers } from './simulate-workers.js';
import { NdjsonBlock } from './ndjson-block.js';
import { Output, openOutput } from './output.js';
import { setFreezesStates } from '../case/store/freezing.js';
import { readFlags } from './flags.js';
import { writeGroups } from './simulate-groups.js';
import { checkGroups } from '../simulate/programme.js';
import { clash } from './same-file.js';
import { recordText } from '../simulate/record-text.js';

/** The options of `simulate`, checked. */
export interface SimulateOptions {
  readonly scenarioFile: string;
  readonly seed: number;
  readonly clients: number;
  readonly out: string | null;
  readonly outcomes: string | null;
  readonly shard: { readonly index: number; readonly count: number };
  readonly workers: number;
  /** How many groups of the scenario's programme to run after the cohort (0: none). */
  readonly groups: number;
  readonly quiet: boolean;
}

function whole(name: string, v: string | undefined, fallback: number, min: number): number | string {
  if (v === undefined) return fallback;
  return /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) && Number(v) >= min ? Number(v) : `${name} needs a whole number of at least ${min}, not "${v}"`;
}

/** Parses the arguments after `simulate`; a string is a usage error. */
export function parseSimulateArgs(args: readonly string[]): SimulateOptions | 'help' | string {
  const flags = readFlags(args, {
    seed: { type: 'string' }, clients: { type: 'string' }, out: { type: 'string' }, outcomes: { type: 'string' },
    shard: { type: 'string' }, workers: { type: 'string' }, groups: { type: 'string' }, quiet: { type: 'boolean' },
  });
  if (typeof flags === 'string') return flags;
  const { values, positionals } = flags;
  if (positionals.length !== 1) return positionals.length === 0 ? 'name a scenario file (JSON), or - for standard input' : `one scenario file, not ${positionals.length}`;
  const seed = whole('--seed', values.seed as string | undefined, 1, 0);
  const clients = whole('--clients', values.clients as string | undefined, 1000, 0);
  const workers = whole('--workers', values.workers as string | undefined, 1, 1);
  const groups = whole('--groups', values.groups as string | undefined, 0, 0);
  for (const v of [seed, clients, workers, groups]) if (typeof v === 'string') return v;
  let shard = { index: 0, count: 1 };
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard as string);
    if (m === null || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) return `--shard takes i/n with 0 ≤ i < n (for example 3/8), not "${String(values.shard)}"`;
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  return { scenarioFile: positionals[0] as string, seed: seed as number, clients: clients as number, out: (values.out as string | undefined) ?? null, outcomes: (values.outcomes as string | undefined) ?? null, shard, workers: workers as number, groups: groups as number, quiet: values.quiet === true };
}

/** Reads and checks a scenario file (`-`: standard input); a string is what is wrong with it. */
export function readScenario(file: string): Scenario | string {
  const name = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return readFailure(file, e);
  }
  let input: unknown;
  try {
    input = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // JSON.parse quotes the text it stopped at, line breaks and all: kept on one line.
    return `${name} is not JSON: ${printable((e as Error).message)}`;
  }
  const r = parseScenario(input);
  return r.ok ? r.scenario : `${name} is not a valid scenario:\n${r.issues.map((i) => `  ${i.path || '/'}: ${i.message}`).join('\n')}`;
}

/** Runs `simulate`; resolves to the exit code. */
export async function runSimulate(o: SimulateOptions): Promise<number> {
  const conflict = clash([['the scenario file', o.scenarioFile]], [['--out', o.out], ['--outcomes', o.outcomes]]);
  if (conflict !== undefined) {
    process.stderr.write(`intervention-lifecycle simulate: ${printable(conflict)}\n`);
    return 2;
  }
  const scenario = readScenario(o.scenarioFile);
  if (typeof scenario === 'string') {
    process.stderr.write(`intervention-lifecycle simulate: ${scenario.split('\n').map(printable).join('\n')}\n`);
    return 2;
  }
  if (o.groups > 0 && scenario.programme === undefined) {
    process.stderr.write(`intervention-lifecycle simulate: --groups runs the scenario's group programme, and ${printable(o.scenarioFile)} has none (add "programme": {} to take every default)\n`);
    return 2;
  }
  try {
    // Said before the cohort runs, not after it.
    checkGroups(scenario, o.groups);
  } catch (e) {
    process.stderr.write(`intervention-lifecycle simulate: ${printable((e as Error).message)}\n`);
    return 2;
  }
  // The CLI keeps no state it simulates (records are written, states only give outcome rows), so
  // none is frozen: freezing is a guard for apps that hold states, and here it would cost a tenth.
  setFreezesStates(false);
  // Both files are opened before any client is simulated: a path that cannot be written is said at once.
  let records: Output;
  let outcomes: Output | null;
  try {
    records = o.out === null ? Output.stdout() : await openOutput(o.out);
    outcomes = o.outcomes === null ? null : await openOutput(o.outcomes);
  } catch (e) {
    process.stderr.write(`intervention-lifecycle simulate: ${printable((e as Error).message)}\n`);
    return 2;
  }
  let events = 0;
  let clients = 0;
  const progress = !o.quiet && process.stderr.isTTY === true;
  const main = scenario.monitoring.instruments[0] as string;
  const instruments = scenario.monitoring.instruments;
  // Outcome rows feed the summary and --outcomes: a quiet run that writes no table needs none. Each
  // block's rows become its CSV lines and tally where they are made (block-table.ts): none is kept.
  const wants: TableWants | null = o.outcomes !== null || !o.quiet ? { csv: o.outcomes !== null, instruments, main, caseness: getInstrument(main)?.caseness } : null;
  const tally = emptyTally();
  const started = Date.now();
  let ran: { groups: number; members: number } | null = null;
  // Records are written a block of clients at a time: one write per block, not per record; the
  // block's outcome lines follow in the other file, so both grow in step.
  const onRecords = async (ndjson: string | Uint8Array, table: BlockTable | null, eventCount: number, blockClients: number): Promise<void> => {
    await records.write(ndjson);
    if (table !== null) {
      if (outcomes !== null && table.csv !== '') await outcomes.write(table.csv);
      addTally(tally, table.tally);
    }
    events += eventCount;
    clients += blockClients;
    if (progress) process.stderr.write(`\rsimulated ${clients} clients, ${events} events`);
  };
  try {
    if (outcomes !== null) await outcomes.write(`${csvHeader(instruments)}\n`);
    if (o.workers > 1) {
      await runWorkers({ ...o, table: wants }, scenario, onRecords);
    } else {
      let block = new NdjsonBlock(1 << 20);
      let blockRows: OutcomeRow[] = [];
      let blockEvents = 0;
      let inBlock = 0;
      for (const c of simulateCohort(scenario, { seed: o.seed, clients: o.clients, shard: o.shard })) {
        block.add(recordText(c.record));
        if (wants !== null) for (const r of outcomeRows(c.state)) blockRows.push(r);
        blockEvents += c.events.length;
        if (++inBlock === 32) {
          await onRecords(block.view(), wants === null ? null : tableOf(blockRows, wants), blockEvents, inBlock);
          // Written (records.write resolves once it is): its buffer is filled again.
          block = new NdjsonBlock(Math.ceil(block.size * 1.25), block.view().buffer);
          blockRows = [];
          blockEvents = 0;
          inBlock = 0;
        }
      }
      if (inBlock > 0) await onRecords(block.view(), wants === null ? null : tableOf(blockRows, wants), blockEvents, inBlock);
    }
    if (o.groups > 0) ran = await writeGroups(scenario, o, wants, onRecords);
    await records.end();
    if (outcomes !== null) await outcomes.end();
  } catch (e) {
    process.stderr.write(`${progress ? '\n' : ''}intervention-lifecycle simulate: ${printable((e as Error).message)}\n`);
    return 2;
  }
  if (progress) process.stderr.write('\r');
  if (!o.quiet) process.stderr.write(summaryText(scenario, clients, events, tally, Date.now() - started, ran));
  return 0;
}

/** The summary printed at the end: clients, events, categories and the recovery rate. */
export function summaryText(scenario: Scenario, clients: number, events: number, tally: Tally, ms: number, ran: { groups: number; members: number } | null = null): string {
  const main = scenario.monitoring.instruments[0] as string;
  const s = summaryOf(tally, main);
  const c = s.counts;
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const rate = s.recoveryRate === null ? 'no client at caseness' : `${pct(s.recoveryRate.value)} (95% CI ${pct(s.recoveryRate.low)}–${pct(s.recoveryRate.high)}, of ${s.recoveryRate.of} at caseness)`;
  return [
    `${scenario.name}: ${clients} clients${groupsText(scenario, ran)}, ${events} events in ${(ms / 1000).toFixed(1)} s; ${tally.rows} with research consent`,
    `${main}: recovered ${c.recovered}, improved ${c.improved}, unchanged ${c.unchanged}, deteriorated ${c.deteriorated}, harmed ${c.harmed} (of ${s.n} with two scores)`,
    `recovery rate ${rate}`,
    '',
  ].join('\n');
}

// Whether the scenario's programme ran, and if not that it could have: a scenario that describes
// one and a run that silently left it out would read as if it were in the table.
function groupsText(scenario: Scenario, ran: { groups: number; members: number } | null): string {
  if (ran !== null) return ` (${ran.members} of them members of ${ran.groups} groups of the programme)`;
  return scenario.programme === undefined ? '' : ' (the programme not run: --groups N runs N groups)';
}
