import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, policyFor, simulateCohort } from '../../src/simulate/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';

const example = JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')) as Record<string, unknown>;
const WEEK = 7 * 86_400_000;

// A follow-up shorter than some clients' wait (a 12-week study, a long waiting list) used to crash
// the run: the goal's target date (the follow-up's end) fell before its start (the first treatment).
describe('simulateCohort, a follow-up that ends before treatment', () => {
  it('leaves a client still waiting with an open case, valid, and nothing recorded after the horizon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 60 }), fc.nat(1000), (weeks, mean, sd, seed) => {
        const r = parseScenario({ ...example, weeks, waitDays: { mean, sd } });
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        for (const c of simulateCohort(r.scenario, { seed, clients: 12 })) {
          const v = validateRecord(toRecord(c.events, c.state), { policy: policyFor(r.scenario) });
          expect(v.issues).toEqual([]);
          if (c.state.status === 'closed') continue;
          // Open only when still waiting: for the assessment (referred) or for treatment (planning).
          expect(['referred', 'planning']).toContain(c.state.status);
          const end = Date.parse(c.events[0]?.at ?? '') + weeks * WEEK;
          expect(Date.parse(c.events[c.events.length - 1]?.at ?? '')).toBeLessThan(end);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a 12-week follow-up with a 28-day wait runs 2,000 clients (client 1,032 of seed 5 crashed it)', () => {
    const r = parseScenario({ ...example, weeks: 12 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const statuses = new Set<string>();
    for (const c of simulateCohort(r.scenario, { seed: 5, clients: 2000 })) statuses.add(c.state.status);
    expect(statuses.has('closed')).toBe(true);
  });
});
