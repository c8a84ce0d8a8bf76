import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulateCohort } from '../../src/simulate/index.js';
import { arrivalWeek } from '../../src/simulate/arrivals.js';

describe('arrivals over time', () => {
  it('a rate for each week refers that many clients in that week, the last rate carrying on', () => {
    const rates = [3, 0, 5, 2];
    const weeks = Array.from({ length: 20 }, (_, i) => Math.floor(arrivalWeek(rates, i).week));
    // 3 in week 0, none in week 1, 5 in week 2, 2 in week 3, then 2 a week.
    expect(weeks).toEqual([0, 0, 0, 2, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8]);
  });

  it('one rate, or a list of that rate, refers every client at the same instant', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.nat(100_000), (rate, i) => {
        expect(arrivalWeek([rate], i).week).toBeCloseTo(arrivalWeek(rate, i).week, 6);
      }),
    );
  });

  it('clients arrive in order, whatever the schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0.1, max: 50, noNaN: true }), (head, last) => {
        const rates = [...head, last];
        let previous = -1;
        for (let i = 0; i < 200; i++) {
          const { week, rate } = arrivalWeek(rates, i);
          expect(rate).toBeGreaterThan(0);
          expect(week).toBeGreaterThanOrEqual(previous - 1e-9);
          previous = week;
        }
      }),
    );
  });

  it('a scenario takes a schedule, and refuses one whose last rate is zero', () => {
    const r = parseScenario({ arrivalsPerWeek: [10, 40], weeks: 12 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const referred = [...simulateCohort(r.scenario, { seed: 1, clients: 30 })].map((c) => c.state.referral.receivedAt.slice(0, 10));
    // 10 clients in the week of 5 January, then 40 a week from 12 January.
    expect(referred.filter((d) => d < '2026-01-12')).toHaveLength(10);
    const refused = parseScenario({ arrivalsPerWeek: [10, 0] });
    expect(refused.ok ? [] : refused.issues.map((i) => i.path)).toEqual(['/arrivalsPerWeek']);
  });
});

describe('a run that would reach past the year 9998', () => {
  it('is refused before the first client, naming what to change', () => {
    const r = parseScenario({ arrivalsPerWeek: 0.01 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // 100,000 clients, one every hundred weeks: the last would be referred some 190,000 years on.
    const run = simulateCohort(r.scenario, { seed: 1, clients: 100_000 });
    expect(() => run.next()).toThrow(/client 100000 would be followed past the year 9998 .*simulate fewer clients/);
    expect([...simulateCohort(r.scenario, { seed: 1, clients: 3 })]).toHaveLength(3);
    const tiny = parseScenario({ arrivalsPerWeek: 1e-300 });
    expect(tiny.ok ? [] : tiny.issues.map((i) => i.path)).toEqual(['/arrivalsPerWeek']);
  });
});
