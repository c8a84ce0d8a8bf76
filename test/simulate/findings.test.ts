import { describe, expect, it } from 'vitest';
import { outcomeRows, parseScenario, simulateCohort, type Scenario } from '../../src/simulate/index.js';
import { gasScale } from '../../src/simulate/findings.js';

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('assessment findings in a scenario', () => {
  it('finds each need in its share of clients, and the goal addresses the first found', () => {
    const s = scenario({
      assessment: {
        needs: [
          { domain: 'emotional', description: 'Low mood', share: 1 },
          { domain: 'housing', description: 'Rent arrears', share: 0.3, severity: 4 },
        ],
      },
    });
    const n = 1500;
    let housing = 0;
    let assessed = 0;
    for (const c of simulateCohort(s, { seed: 21, clients: n })) {
      const needs = c.state.assessments[0]?.needs ?? [];
      if (needs.length === 0) continue;
      assessed++;
      expect(needs[0]?.domain).toBe('emotional');
      const rent = needs.find((x) => x.domain === 'housing');
      if (rent !== undefined) {
        housing++;
        expect(rent.severity).toBe(4);
      }
      expect(c.state.goals['g-1']?.addressesNeedIds).toEqual(['n-1']);
    }
    const p = housing / assessed;
    expect(Math.abs(p - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / assessed));
  });

  it('a client found at high risk gets a safety plan before the plan starts, and the crisis is resolved', () => {
    const s = scenario({ assessment: { riskScreen: { high: 1 } }, crisisPerWeek: 0 });
    for (const c of simulateCohort(s, { seed: 4, clients: 40 })) {
      const types = c.events.map((e) => e.type);
      if (!types.includes('planActivated')) continue;
      expect(types.indexOf('safetyPlanRecorded')).toBeLessThan(types.indexOf('planActivated'));
      expect(c.state.crisis).toBeNull();
    }
  });
});

describe('Goal Attainment Scaling of the simulated goal', () => {
  it('scales a goal from baseline 17 to target 9 in bands of 4 below the target', () => {
    const scale = gasScale('phq9', 17, 9, 0);
    expect([20, 17, 16, 10, 9, 6, 5, 2, 1, 0].map((x) => scale.levelOf(x))).toEqual([-2, -2, -1, -1, 0, 0, 1, 1, 2, 2]);
    expect(scale.levels).toEqual({
      '-2': 'phq9 17 or more: no better than at assessment',
      '-1': 'phq9 10 to 16: better, short of the target',
      '0': 'phq9 6 to 9: the target',
      '1': 'phq9 2 to 5: better than the target',
      '2': 'phq9 1 or less: much better than the target',
    });
  });

  it('says which levels no score can reach when the target is near the floor', () => {
    const scale = gasScale('phq9', 2, 1, 0);
    expect(scale.levels['-1']).toMatch(/no phq9 score lies between/);
    expect(scale.levels['2']).toMatch(/not reachable/);
    expect([2, 1, 0].map((x) => scale.levelOf(x))).toEqual([-2, 0, 1]);
  });

  it('gives a completed course a GAS T-score, 50 + 10 × the level its last score attains; none with gas off', () => {
    const base = { researchConsent: 1, dropoutPerWeek: 0 };
    let scored = 0;
    for (const c of simulateCohort(scenario(base), { seed: 8, clients: 30 })) {
      const row = outcomeRows(c.state)[0];
      const goal = c.state.goals['g-1'];
      if (row === undefined || goal === undefined || c.state.closure?.reason !== 'completed') continue;
      const last = c.state.measurements.filter((m) => m.instrumentId === goal.measure.instrumentId).at(-1)?.score as number;
      expect(row.gasTScore).toBeCloseTo(50 + 10 * gasScale('phq9', goal.measure.baseline, goal.measure.target, 0).levelOf(last), 9);
      scored++;
    }
    expect(scored).toBeGreaterThan(10);
    for (const c of simulateCohort(scenario({ ...base, goal: { gas: false } }), { seed: 8, clients: 10 })) expect(outcomeRows(c.state)[0]?.gasTScore ?? null).toBeNull();
  });
});
