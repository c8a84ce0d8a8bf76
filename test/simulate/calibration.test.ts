import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/measures/normal.js';
import { outcomeRows, parseScenario, simulateCohort, type Scenario } from '../../src/simulate/index.js';
import { measurementErrorSd } from '../../src/simulate/trajectory.js';
import { getInstrument } from '../../src/measures/instruments/registry.js';
import { referenceNorm } from '../../src/measures/instruments/reference-norm.js';
import { jacobsonTruax } from '../../src/measures/jacobson-truax.js';
import { criticalValue } from '../../src/measures/reliable-change.js';

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

// A PHQ-9 step of known effect: every client a responder with a true change of −6 (SD 5), in full
// from the first session attended (weeksToEffect tiny), nothing else happening.
const knownEffect = (step: Record<string, unknown>, didNotAttend: number): Scenario =>
  scenario({
    weeks: 20,
    baseline: { phq9: { mean: 20, sd: 2 } },
    weeksToEffect: 0.01,
    monitoring: { instruments: ['phq9'], everyWeeks: 1 },
    pathways: [{ steps: [{ modality: 'cbt', responders: 1, responder: { phq9: { mean: -6, sd: 5 } }, ...step }] }],
    didNotAttend,
    dropoutPerWeek: 0,
    crisisPerWeek: 0,
    researchConsent: 1,
  });

/** The clients with a first and last PHQ-9, and how many of them were reliably improved. */
function reliablyImproved(s: Scenario, seed: number): { improved: number; n: number } {
  let improved = 0;
  let n = 0;
  for (const c of simulateCohort(s, { seed, clients: N })) {
    const o = outcomeRows(c.state)[0]?.instruments.phq9;
    if (o === undefined) continue;
    n++;
    if (o.change === 'improved') improved++;
  }
  return { improved, n };
}

// Jacobson–Truax with the catalogue's reference SD and reliability: reliable when the change is
// below −1.96·SD·√(2(1 − r)); with integer scores, a change of −6 or less. Observed change = true
// change + two measurement errors + two roundings (a continuity correction of ½).
const THRESHOLD = -Math.ceil(1.959963984540054 * 5.5 * Math.sqrt(2 * (1 - 0.89))) + 0.5;
/** The SD of an observed change whose true change has SD `trueSd`. */
const observedSd = (s: Scenario, trueSd: number): number => Math.sqrt(trueSd ** 2 + 2 * measurementErrorSd(s, 'phq9') ** 2 + 2 / 12);

describe('calibration', () => {
  it('the share reliably improved on PHQ-9 matches the analytic value for a mean change of −6 (SD 5)', () => {
    const s = knownEffect({ sessions: 8 }, 0);
    const { improved, n } = reliablyImproved(s, 11);
    expect(n).toBe(N);
    within(improved / n, normalCdf((THRESHOLD - -6) / observedSd(s, 5)), n);
  });

  it('a missed session moves no score: half the sessions missed, half the clients get the effect of their one session', () => {
    // One session ("once"): a client who missed it keeps the baseline's true score, so only
    // measurement error can make them reliably improved (about 2.5%); one who attended is improved
    // as in the test above.
    const s = knownEffect({ sessions: 1, frequency: 'once' }, 0.5);
    const { improved, n } = reliablyImproved(s, 13);
    const treated = normalCdf((THRESHOLD - -6) / observedSd(s, 5));
    const untreated = normalCdf(THRESHOLD / observedSd(s, 0));
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

describe('the simulated measurement error', () => {
  it("is, by default, the standard error the engine's reliable change assumes, for every monitored instrument (GAD-7's was the general population's)", () => {
    const s = scenario({});
    for (const id of ['phq9', 'gad7'] as const) {
      // The engine's minimum reliable change is z × √2 × SE: the SE it assumes, recovered.
      const instrument = getInstrument(id);
      const norm = instrument && referenceNorm(instrument);
      if (!instrument?.reliability || !norm) throw new Error(`no reliability or norm for ${id}`);
      const engineSe = jacobsonTruax(0, 1, instrument.betterIs, instrument.reliability.value, norm.sd).minimumReliableChange / (criticalValue('JT') * Math.SQRT2);
      expect(measurementErrorSd(s, id)).toBeCloseTo(engineSe, 12);
    }
    // GAD-7: the NHS Talking Therapies completers' SD 4.5, not the general population's 3.5.
    expect(measurementErrorSd(s, 'gad7')).toBeCloseTo(4.5 * Math.sqrt(0.11), 12);
    expect(measurementErrorSd(scenario({ measurementError: { gad7: 2 } }), 'gad7')).toBe(2);
  });
});

