/**
 * Simulation at scale (DESIGN.md §10): the example scenario (26 weeks a client) for N clients, every
 * command through dispatch, records streamed as NDJSON (to /dev/null), on one and on two worker
 * threads, each run in a process of its own so its peak resident memory is its own. The target is
 * 100,000 clients in under 10 s with two workers and under 1 GB, measured directly, in interleaved
 * rounds (SIM_ROUNDS, 3 by default: about a minute and a half). `SIM_CLIENTS=20000 npm run bench
 * simulate` projects it from fewer, but a short run carries the workers' start and warm-up (each
 * compiles its own optimised code), so its projection is high.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePeer } from './simulate-peer.js';
import { median } from './harness.js';

interface Run {
  readonly code: number;
  readonly ms: number;
  readonly rssMB: number;
}

/** The built CLI, when it is newer than every source file (else the run would measure old code). */
function builtCli(): string | null {
  const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  if (!existsSync(cli)) return null;
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const newest = readdirSync(src, { recursive: true, encoding: 'utf8' }).reduce((t, f) => Math.max(t, statSync(join(src, f)).mtimeMs), 0);
  return statSync(cli).mtimeMs >= newest ? cli : null;
}

/**
 * One whole run in a process of its own, timed from its start to its exit (node's own start
 * included, as a researcher's run includes it). The built CLI runs in a plain process: its workers
 * inherit the process's flags, and the TypeScript loader the sources need would be registered in
 * each of them too (measured: up to half a second slower, 60 MB more).
 */
function run(clients: number, workers: number, cli: string | null): Run {
  const script = fileURLToPath(new URL(cli === null ? './simulate-run.ts' : './simulate-run-built.mjs', import.meta.url));
  const args = cli === null ? [...process.execArgv, script, String(clients), String(workers)] : [script, String(clients), String(workers), cli];
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`simulate run failed: ${r.stderr}`);
  const printed = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Run;
  return { code: printed.code, ms, rssMB: printed.rssMB };
}

export function benchSimulate(): void {
  const clients = Number(process.env.SIM_CLIENTS ?? 100_000);
  console.log(`\nSimulation: the stepped-care example, ${clients.toLocaleString('en')} clients × 26 weeks, records to NDJSON (target for 100,000: < 10 s with 2 workers, < 1 GB)`);
  const peer = comparePeer(Number(process.env.SIM_PEER_CLIENTS ?? 6_000));
  console.log(`  per client, one thread (median of blocks of 32, interleaved; ${(peer.bytes / 1024).toFixed(1)} KB of NDJSON a client):`);
  console.log(`    through dispatch (this library)   ${peer.dispatchMs.toFixed(3)} ms`);
  console.log(`    through replay only (the peer)    ${peer.replayMs.toFixed(3)} ms   → dispatch costs ${(peer.dispatchMs / peer.replayMs).toFixed(2)}× the peer`);
  console.log(`    the peer's 100,000 on one thread  ${(peer.replayMs * 100).toFixed(1)} s; ours ${(peer.dispatchMs * 100).toFixed(1)} s`);
  const cli = builtCli();
  console.log(`  the whole run, ${cli === null ? 'from the sources (run `npm run build` first to measure the built CLI)' : 'with the built CLI (dist/cli/main.js)'}:`);
  // Whole runs interleaved (one thread, two, one, two, …): this machine's speed drifts by a fifth
  // over a day, so one run of each says little; the median of the rounds counts, and the range shows.
  const rounds = Number(process.env.SIM_ROUNDS ?? 3);
  const runs = new Map<number, Run[]>([[1, []], [2, []]]);
  for (let round = 0; round < rounds; round++) for (const workers of [1, 2]) runs.get(workers)?.push(run(clients, workers, cli));
  console.log(`  workers    seconds: median of ${rounds} (range)   clients/s   ${clients === 100_000 ? ' measured 100k' : 'projected 100k'}   peak RSS`);
  for (const [workers, list] of runs) {
    const seconds = list.map((r) => r.ms / 1000);
    const mid = median(seconds);
    const perSecond = clients / mid;
    const range = `${Math.min(...seconds).toFixed(1)}–${Math.max(...seconds).toFixed(1)}`;
    console.log(`  ${String(workers).padEnd(9)}  ${`${mid.toFixed(1).padStart(7)} (${range})`.padEnd(30)}  ${Math.round(perSecond).toLocaleString('en').padStart(11)}  ${(100_000 / perSecond).toFixed(0).padStart(13)} s  ${Math.max(...list.map((r) => r.rssMB)).toFixed(0).padStart(6)} MB`);
  }
}
