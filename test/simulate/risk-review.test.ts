import { describe, expect, it } from 'vitest';
import { parseScenario, simulateCohort, simulateProgrammes, type Scenario } from '../../src/simulate/index.js';
import { alerts, replay, type CaseEvent } from '../../src/index.js';
import { validateRecord } from '../../src/validate/index.js';

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

// A PHQ-9 of 25 or more entered alone raises the urgent risk alert (item 9 was above 0, or blank):
// the simulated clinician acts on it at once, as a service would, so no simulated case carries it.
const severe = { baseline: { phq9: { mean: 25, sd: 2 }, gad7: { mean: 15, sd: 3 } }, weeks: 10, dropoutPerWeek: 0 };

function checkReviewed(events: readonly CaseEvent[]): number {
  let reviewed = 0;
  events.forEach((e, i) => {
    if (e.type !== 'measurementRecorded' || e.data.measurement.instrumentId !== 'phq9' || (e.data.measurement.score ?? 0) < 25) return;
    const next = events[i + 1];
    expect(next).toMatchObject({ type: 'riskLevelRecorded', actor: { role: 'lead-practitioner' }, data: { level: 'moderate' } });
    reviewed++;
  });
  // And never otherwise: a review follows only such a score.
  expect(events.filter((e) => e.type === 'riskLevelRecorded' && (e.data.factors as string[]).some((f) => f.includes('asked directly'))).length).toBe(reviewed);
  return reviewed;
}

describe('a simulated score that implies a risk item is reviewed at once', () => {
  it('in a course of care: each PHQ-9 of 25 or more is followed by a risk review, and no open case is left with the alert', () => {
    let reviewed = 0;
    for (const c of simulateCohort(scenario(severe), { seed: 5, clients: 30 })) {
      expect(validateRecord(c.record).valid).toBe(true);
      reviewed += checkReviewed(c.events);
      // Every version of the case, not only the last: the alert never outlives the measurement's own minute.
      for (let n = 1; n <= c.events.length; n++) {
        const e = c.events[n - 1] as CaseEvent;
        if (e.type === 'measurementRecorded') continue;
        const state = replay(c.events.slice(0, n));
        expect(alerts(state, state.updatedAt).filter((a) => a.code === 'risk-item')).toEqual([]);
      }
    }
    expect(reviewed).toBeGreaterThan(20);
  });

  it('in a group programme: each member\'s PHQ-9 of 25 or more likewise', () => {
    let reviewed = 0;
    for (const g of simulateProgrammes(scenario({ ...severe, programme: { capacity: 6, weeks: 6 } }), { seed: 2, groups: 2 })) {
      for (const c of g.cases) reviewed += checkReviewed(c.events);
    }
    expect(reviewed).toBeGreaterThan(5);
  });
});
