import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/measures/normal.js';
import { outcomeRows, parseScenario, simulateCohort, type Scenario } from '../../src/simulate/index.js';
import { measurementErrorSd } from '../../src/simulate/trajectory.js';

// Scenarios of known effect: the simulated shares must fall within their sampling interval of the
// values computed analytically from the scenario.

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const N = 2000;
const within = (observed: number, expected: number, n: number, extra = 0.005): void => {
  const se = Math.sqrt((expected * (1 - expected)) / n);
  expect(Math.abs(observed - expected), `observed ${observed.toFixed(4)}, expected ${expected.toFixed(4)} ± ${(4 * se + extra).toFixed(4)}`).toBeLessThanOrEqual(4 * se + extra);
};

describe('calibration', () => {
  it('the share reliably improved on PHQ-9 matches the analytic value for a mean change of −6 (SD 5)', () => {
    const s = scenario({
      weeks: 20,
      baseline: { phq9: { mean: 20, sd: 2 } },
      weeksToEffect: 0.01,
      monitoring: { instruments: ['phq9'], everyWeeks: 1 },
      pathways: [{ steps: [{ modality: 'cbt', sessions: 8, responders: 1, responder: { phq9: { mean: -6, sd: 5 } } }] }],
      didNotAttend: 0,
      dropoutPerWeek: 0,
      crisisPerWeek: 0,
      researchConsent: 1,
    });
    let improved = 0;
    let n = 0;
    for (const c of simulateCohort(s, { seed: 11, clients: N })) {
      const row = outcomeRows(c.state)[0];
      const o = row?.instruments.phq9;
      if (o === undefined) continue;
      n++;
      if (o.change === 'improved') improved++;
    }
    // Jacobson–Truax with the catalogue's reference SD and reliability: reliable when the change is
    // below −1.96·SD·√(2(1 − r)); with integer scores, a change of −6 or less. Observed change =
    // true change + two measurement errors + two roundings (a continuity correction of ½).
    const sem = measurementErrorSd(s, 'phq9');
    const sdChange = Math.sqrt(5 ** 2 + 2 * sem ** 2 + 2 / 12);
    const mrc = 1.959963984540054 * 5.5 * Math.sqrt(2 * (1 - 0.89));
    const threshold = -Math.ceil(mrc) + 0.5;
    const expected = normalCdf((threshold - -6) / sdChange);
    expect(n).toBe(N);
    within(improved / n, expected, n);
  });

  it('a missed session moves no score: half the sessions missed, half the clients get the effect of their one session', () => {
    // One session ("once"), an effect in full from the first attended session (weeksToEffect tiny):
    // a client who missed it keeps the baseline's true score, so only measurement error can make
    // them reliably improved (about 2.5%); one who attended is improved as in the test above.
    const s = scenario({
      weeks: 20,
      baseline: { phq9: { mean: 20, sd: 2 } },
      weeksToEffect: 0.01,
      monitoring: { instruments: ['phq9'], everyWeeks: 1 },
      pathways: [{ steps: [{ modality: 'cbt', sessions: 1, frequency: 'once', responders: 1, responder: { phq9: { mean: -6, sd: 5 } } }] }],
      didNotAttend: 0.5,
      dropoutPerWeek: 0,
      crisisPerWeek: 0,
      researchConsent: 1,
    });
    let improved = 0;
    let n = 0;
    for (const c of simulateCohort(s, { seed: 13, clients: N })) {
      const o = outcomeRows(c.state)[0]?.instruments.phq9;
      if (o === undefined) continue;
      n++;
      if (o.change === 'improved') improved++;
    }
    const sem = measurementErrorSd(s, 'phq9');
    const threshold = -Math.ceil(1.959963984540054 * 5.5 * Math.sqrt(2 * (1 - 0.89))) + 0.5;
    const treated = normalCdf((threshold - -6) / Math.sqrt(5 ** 2 + 2 * sem ** 2 + 2 / 12));
    const untreated = normalCdf(threshold / Math.sqrt(2 * sem ** 2 + 2 / 12));
    expect(n).toBe(N);
    within(improved / n, 0.5 * treated + 0.5 * untreated, n);
  });

  it('a client who attends no session keeps their baseline score, whatever the response drawn', () => {
    const s = scenario({
      measurementError: { phq9: 0, gad7: 0 },
      pathways: [{ steps: [{ modality: 'cbt', sessions: 6, responders: 1, responder: { phq9: { mean: -8, sd: 0 }, gad7: { mean: -6, sd: 0 } } }] }],
      didNotAttend: 1,
    });
    for (const c of simulateCohort(s, { seed: 17, clients: 50 })) {
      const [first, ...rest] = c.state.measurements.filter((m) => m.instrumentId === 'phq9').map((m) => m.score);
      for (const score of rest) expect(score).toBe(first);
    }
  });

  const course = (extra: Record<string, unknown>) =>
    scenario({ weeks: 30, monitoring: { instruments: ['phq9'], everyWeeks: 5 }, pathways: [{ steps: [{ modality: 'cbt', sessions: 10 }] }], reviewEveryWeeks: 52, ...extra });

  it('the did-not-attend and dropout rates match the scenario', () => {
    const s = course({ didNotAttend: 0.15, dropoutPerWeek: 0.04, crisisPerWeek: 0 });
    let attended = 0;
    let missed = 0;
    let droppedOut = 0;
    for (const c of simulateCohort(s, { seed: 5, clients: N })) {
      for (const v of c.state.sessions) {
        if (v.status === 'attended') attended++;
        if (v.status === 'did-not-attend') missed++;
      }
      if (c.state.closure?.reason === 'disengaged') droppedOut++;
    }
    within(missed / (attended + missed), 0.15, attended + missed);
    // One dropout draw a week over the ten weeks of the course.
    within(droppedOut / N, 1 - (1 - 0.04) ** 10, N);
  });

  it('the crisis rate matches the scenario', () => {
    const p = 0.05;
    const s = course({ dropoutPerWeek: 0, crisisPerWeek: p });
    let crises = 0;
    for (const c of simulateCohort(s, { seed: 9, clients: N })) {
      crises += c.events.filter((e) => e.type === 'riskLevelRecorded' && (e.data as { opensCrisis: boolean }).opensCrisis).length;
    }
    // A crisis is drawn in a week that starts without one, and resolves the week after it opens:
    // a(1) = 1, a(w + 1) = 1 − p·a(w) is the chance week w starts calm; E = p·Σ a(w) over ten weeks.
    let a = 1;
    let expected = 0;
    for (let w = 0; w < 10; w++) {
      expected += p * a;
      a = 1 - p * a;
    }
    const perClient = crises / N;
    expect(Math.abs(perClient - expected), `observed ${perClient}, expected ${expected}`).toBeLessThanOrEqual(4 * Math.sqrt(expected / N) + 0.005);
  });
});
