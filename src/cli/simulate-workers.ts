/**
 * `simulate --workers N`: clients in blocks of 32, block b simulated by worker b mod N, written in
 * block order, so the output is byte for byte that of one worker. Each worker runs at most eight
 * blocks ahead of the writer (credits), so memory stays bounded whatever the cohort's size (eight
 * blocks are about 6 MB of records). Two blocks ahead left a worker idle whenever the other was
 * briefly slower: 12,000 clients took 7.4 s against 6.9 s with eight (medians of six, interleaved).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { simulateClient } from '../simulate/client.js';
import { policyFor } from '../simulate/policy.js';
import { outcomeRows, type OutcomeRow } from '../simulate/outcomes.js';
import { tableOf, type BlockTable, type RecordsSink, type TableWants } from './block-table.js';
import { scenarioOf, type Scenario } from '../simulate/scenario.js';
import { checkArrivals } from '../simulate/arrivals.js';
import { setFreezesStates } from '../case/store/freezing.js';
import { NdjsonBlock } from './ndjson-block.js';
import { recordText } from '../simulate/record-text.js';

const BLOCK = 32;
const AHEAD = 8;
const KIND = 'intervention-lifecycle/simulate';

interface Job {
  readonly kind: typeof KIND;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly clients: number;
  readonly shard: { readonly index: number; readonly count: number };
  readonly worker: number;
  readonly workers: number;
  /** What to make of each client's outcome rows (the summary or --outcomes needs them); null: none. */
  readonly table: TableWants | null;
}

interface Block {
  readonly block: number;
  /** The block's records as NDJSON, UTF-8 (transferred, not copied). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The block's CSV lines and tally, made here so that no row crosses to the main thread. */
  readonly table: BlockTable | null;
  readonly events: number;
  readonly clients: number;
}

/** The client indices of block `b` of a shard. */
function blockClients(job: Pick<Job, 'clients' | 'shard'>, b: number): number[] {
  const out: number[] = [];
  for (let j = b * BLOCK; j < (b + 1) * BLOCK; j++) {
    const i = job.shard.index + j * job.shard.count;
    if (i >= job.clients) break;
    out.push(i);
  }
  return out;
}

function blockCount(job: Pick<Job, 'clients' | 'shard'>): number {
  const inShard = job.shard.index < job.clients ? Math.ceil((job.clients - job.shard.index) / job.shard.count) : 0;
  return Math.ceil(inShard / BLOCK);
}

/** Simulates with `o.workers` threads, handing each block's records and table to `onRecords` in order. */
export async function runWorkers(
  o: { readonly seed: number; readonly clients: number; readonly shard: { readonly index: number; readonly count: number }; readonly workers: number; readonly table: TableWants | null },
  parsed: Scenario,
  onRecords: RecordsSink,
): Promise<void> {
  checkArrivals(parsed, o.clients);
  const total = blockCount({ clients: o.clients, shard: o.shard });
  const workers: Worker[] = [];
  const pending = new Map<number, Block>();
  let nextBlock = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const url = new URL(import.meta.url);
  // Run from the TypeScript sources (tests, tsx), a worker registers tsx's loader before it reads this file.
  const fromSources = url.pathname.endsWith('.ts');
  const entry = fromSources ? `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })` : url;
  for (let w = 0; w < Math.min(o.workers, Math.max(total, 1)); w++) {
    const job: Job = { kind: KIND, scenario: parsed, seed: o.seed, clients: o.clients, shard: o.shard, worker: w, workers: Math.min(o.workers, Math.max(total, 1)), table: o.table };
    const worker = new Worker(entry, { workerData: job, eval: fromSources });
    worker.on('message', (m: Block) => {
      pending.set(m.block, m);
      wake?.();
    });
    worker.on('error', (e) => {
      failure = e;
      wake?.();
    });
    workers.push(worker);
  }
  try {
    while (nextBlock < total) {
      const block = pending.get(nextBlock);
      if (block === undefined) {
        if (failure !== null) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      pending.delete(nextBlock);
      await onRecords(block.bytes, block.table, block.events, block.clients);
      // Written: its buffer goes back to the worker (a credit, and memory it fills again).
      workers[nextBlock % workers.length]?.postMessage(block.bytes.buffer, [block.bytes.buffer]);
      nextBlock++;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

async function workerMain(job: Job): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  // As in the main thread (simulate.ts): the states are this worker's own, so none is frozen.
  setFreezesStates(false);
  // The scenario came as a copy (structured clone), which the simulator would check again for every
  // client: checked once here, its copy is one the simulator takes as it is.
  const scenario = scenarioOf(job.scenario, 'simulate');
  const policy = policyFor(scenario);
  let credits = AHEAD;
  let wake: (() => void) | null = null;
  const buffers: ArrayBuffer[] = [];
  port.on('message', (written: ArrayBuffer) => {
    buffers.push(written);
    credits++;
    wake?.();
  });
  const total = blockCount(job);
  let expected = 1 << 20;
  for (let b = job.worker; b < total; b += job.workers) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    const block = new NdjsonBlock(expected, buffers.pop());
    const rows: OutcomeRow[] = [];
    let events = 0;
    const clients = blockClients(job, b);
    for (const i of clients) {
      const c = simulateClient(scenario, job.seed, i, policy);
      block.add(recordText(c.record));
      if (job.table !== null) for (const r of outcomeRows(c.state)) rows.push(r);
      events += c.events.length;
    }
    const bytes = block.view();
    expected = Math.ceil(block.size * 1.25);
    const table = job.table === null ? null : tableOf(rows, job.table);
    port.postMessage({ block: b, bytes, table, events, clients: clients.length } satisfies Block, [bytes.buffer]);
  }
  port.close();
}

// In a worker started by runWorkers (this module, or the bundle it is part of), run the job.
if (!isMainThread && (workerData as Job | undefined)?.kind === KIND) void workerMain(workerData as Job);
