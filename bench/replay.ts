/**
 * replay over a 1,000,000-event log (many standard cases back to back) against the same mutators
 * applied to a mutable copy without replay's frame checks (the limit).
 */
import { replay, type CaseEvent } from '../src/index.js';
import { applyEvent, createFrom } from '../src/case/evolve.js';
import type { Draft } from '../src/case/draft.js';
import { measure, printTable, type BenchResult } from './harness.js';
import { runScenario } from './scenario.js';

export function benchReplay(total = 1_000_000): BenchResult[] {
  const log = runScenario().events;
  const copies = Math.ceil(total / log.length);
  const events = copies * log.length;
  const results = [
    measure(
      {
        name: `replay (${(events / 1e6).toFixed(2)} M events)`,
        run: () => {
          for (let i = 0; i < copies; i++) replay(log);
          return events;
        },
      },
      3,
      500,
    ),
    measure(
      {
        name: 'bare mutators (limit)',
        run: () => {
          for (let i = 0; i < copies; i++) {
            const state: Draft = createFrom(log[0] as Extract<CaseEvent, { type: 'caseOpened' }>);
            for (let j = 1; j < log.length; j++) applyEvent(state, log[j] as CaseEvent);
          }
          return events;
        },
      },
      3,
      500,
    ),
  ];
  printTable('Replay: fold a 1,000,000-event log (target: ≥ 1,000,000 events/s, ≤ 10× the limit)', 'events', results, 'bare mutators (limit)');
  return results;
}
