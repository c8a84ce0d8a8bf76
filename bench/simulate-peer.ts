/**
 * DESIGN.md §10's peer for simulation: the same cohort "through replay only". Each block of clients
 * is simulated through dispatch (as the CLI does it: records to NDJSON, outcome rows), then the very
 * events it produced are folded again by `replay` alone, written as NDJSON and given outcome rows —
 * what a simulator that skipped the engine's decisions (parsing, permissions, tables, guards) and
 * its copy-on-write would pay at best. The two alternate block by block, on one thread, so both meet
 * the same machine; the median of the blocks' per-client times counts. The peer even gets its
 * events hot in cache, just made. Both write their records as the CLI does (recordText: the very
 * events, so the peer gets the same writer).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { replay } from '../src/index.js';
import { setFreezesStates } from '../src/case/store/freezing.js';
import { outcomeRows, parseScenario, policyFor, simulateClient, type SimulatedCase } from '../src/simulate/index.js';
import { recordText } from '../src/simulate/record-text.js';
import { toRecord } from '../src/validate/index.js';
import { median } from './harness.js';

const BLOCK = 32;

/** Per-client milliseconds through dispatch and through replay only, over `clients` clients. */
export function comparePeer(clients: number): { readonly dispatchMs: number; readonly replayMs: number; readonly bytes: number } {
  const parsed = parseScenario(JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')));
  if (!parsed.ok) throw new Error(`The example scenario is invalid: ${JSON.stringify(parsed.issues)}`);
  const scenario = parsed.scenario;
  const policy = policyFor(scenario);
  setFreezesStates(false); // as the CLI runs (simulate.ts): no state leaves it
  const ours: number[] = [];
  const peer: number[] = [];
  let bytes = 0;
  let sink = 0;
  // Seed 7 for a warm-up of 2,000 clients, seed 1 for the measured ones: distinct inputs throughout.
  for (const [seed, n, timed] of [[7, 2000, false], [1, clients, true]] as const) {
    for (let first = 0; first < n; first += BLOCK) {
      const block: SimulatedCase[] = [];
      let t = performance.now();
      let text = '';
      for (let i = first; i < Math.min(n, first + BLOCK); i++) {
        const c = simulateClient(scenario, seed, i, policy);
        text += `${recordText(c.record)}\n`;
        sink += outcomeRows(c.state).length;
        block.push(c);
      }
      const dispatched = (performance.now() - t) / block.length;
      bytes += text.length;
      t = performance.now();
      text = '';
      for (const c of block) {
        const state = replay(c.events);
        text += `${recordText(toRecord(c.events))}\n`;
        sink += outcomeRows(state).length;
      }
      const replayed = (performance.now() - t) / block.length;
      sink += text.length;
      if (timed) {
        ours.push(dispatched);
        peer.push(replayed);
      }
    }
  }
  if (sink < 0) console.log(sink);
  return { dispatchMs: median(ours), replayMs: median(peer), bytes: bytes / (clients + 2000) };
}
