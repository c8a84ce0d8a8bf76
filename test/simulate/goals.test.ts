import { describe, expect, it } from 'vitest';
import { outcomeRows, parseScenario, simulateCohort, type Scenario } from '../../src/simulate/index.js';
import { validateRecord } from '../../src/validate/index.js';
import { gasScale } from '../../src/simulate/findings.js';

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

// Kiresuk and Sherman's T-score with the customary inter-goal correlation of 0.3, written out here
// rather than taken from the library, for goals of equal weight.
function tScore(levels: readonly number[]): number {
  const n = levels.length;
  return 50 + (10 * levels.reduce((a, b) => a + b, 0)) / Math.sqrt(0.7 * n + 0.3 * n * n);
}

describe('the goals of a simulated client', () => {
  it('has one goal, on the first instrument, by default', () => {
    for (const c of simulateCohort(scenario({}), { seed: 4, clients: 20 })) {
      const goals = Object.values(c.state.goals);
      if (goals.length === 0) continue;
      expect(goals.map((g) => g.measure.instrumentId)).toEqual(['phq9']);
    }
  });

  it("with goal.instruments 'all', sets a goal on each monitored instrument, every strategy serves both, and the T-score combines them", () => {
    const s = scenario({ researchConsent: 1, dropoutPerWeek: 0, goal: { instruments: 'all' } });
    let scored = 0;
    for (const c of simulateCohort(s, { seed: 11, clients: 40 })) {
      expect(validateRecord(c.record).issues.filter((i) => i.severity === 'error')).toEqual([]);
      const goals = Object.values(c.state.goals);
      if (goals.length === 0) continue;
      expect(goals.map((g) => [g.id, g.measure.instrumentId])).toEqual([['g-1', 'phq9'], ['g-2', 'gad7']]);
      for (const strategy of Object.values(c.state.strategies)) expect(strategy.goalIds).toEqual(['g-1', 'g-2']);
      // Each instrument's monitored scores are evidence for its own goal.
      for (const m of c.state.measurements) if (m.goalIds.length > 0) expect(m.goalIds).toEqual([m.instrumentId === 'phq9' ? 'g-1' : 'g-2']);
      if (c.state.closure?.reason !== 'completed') continue;
      const levels = goals.map((g) => {
        const last = c.state.measurements.filter((m) => m.instrumentId === g.measure.instrumentId).at(-1)?.score as number;
        return gasScale(g.measure.instrumentId ?? '', g.measure.baseline, g.measure.target, 0).levelOf(last);
      });
      expect(outcomeRows(c.state)[0]?.gasTScore).toBeCloseTo(tScore(levels), 9);
      for (const g of goals) expect(['achieved', 'partially-achieved', 'not-achieved']).toContain(g.status);
      scored++;
    }
    expect(scored).toBeGreaterThan(10);
  });

  it('refuses an instrument monitored twice (each score would be recorded twice, and a second goal on it would have no evidence)', () => {
    const r = parseScenario({ monitoring: { instruments: ['phq9', 'phq9'] }, goal: { instruments: 'all' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([{ path: '/monitoring/instruments/1', message: 'phq9 is already monitored; list each instrument once' }]);
  });

  it('refuses an unknown choice of instruments, naming the path', () => {
    const r = parseScenario({ goal: { instruments: 'some' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain('/goal/instruments');
  });
});
