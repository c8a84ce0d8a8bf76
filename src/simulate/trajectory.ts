/**
 * A client's true scores over time and what an instrument observes of them. Each step of treatment
 * moves the true score toward its start plus a change drawn for the client (responder or not),
 * approaching it exponentially with the scenario's time constant, counted in treatment received:
 * each session attended adds the interval its frequency gives (a week for weekly sessions), and a
 * missed one adds nothing, so a client who misses sessions improves more slowly, and one who attends
 * none does not change at all. An observation adds measurement error whose SD follows from the
 * instrument's reliability, then rounds and clamps to its range.
 */
import { getInstrument } from '../measures/instruments/registry.js';
import { referenceNorm } from '../measures/instruments/reference-norm.js';
import type { Random } from './random.js';
import { portableExp } from './portable-math.js';
import type { Scenario } from './scenario.js';

interface Segment {
  readonly start: number;
  readonly change: number;
  /** Weeks of treatment received in this step: the attended sessions' intervals. */
  weeks: number;
}

/**
 * The measurement error SD of an instrument: the scenario's, or reference SD × √(1 − reliability),
 * the reference SD being the one the engine's reliable change uses (the clinical norm's): the error
 * simulated is the standard error the engine assumes.
 */
export function measurementErrorSd(scenario: Scenario, instrumentId: string): number {
  const given = scenario.measurementError[instrumentId as 'phq9'];
  if (given !== undefined) return given;
  const instrument = getInstrument(instrumentId);
  const sd = instrument && referenceNorm(instrument)?.sd;
  const r = instrument?.reliability?.value;
  return sd === undefined || r === undefined ? 0 : sd * Math.sqrt(1 - r);
}

export class Trajectory {
  private readonly segments = new Map<string, Segment>();
  private readonly error = new Map<string, number>();
  private readonly range = new Map<string, { min: number; max: number }>();

  constructor(
    private readonly scenario: Scenario,
    rnd: Random,
  ) {
    for (const id of scenario.monitoring.instruments) {
      const b = scenario.baseline[id] ?? { mean: 0, sd: 0 };
      const range = getInstrument(id)?.range ?? { min: 0, max: Number.MAX_SAFE_INTEGER };
      this.range.set(id, range);
      this.error.set(id, measurementErrorSd(scenario, id));
      this.segments.set(id, { start: clamp(rnd.normal(b.mean, b.sd), range), change: 0, weeks: 0 });
    }
  }

  /** The true score now. */
  truth(id: string): number {
    const s = this.segments.get(id) as Segment;
    return s.start + s.change * (1 - portableExp(-s.weeks / this.scenario.weeksToEffect));
  }

  /** Starts a step: each instrument's change for this client, as a responder or not. */
  beginStep(step: Pick<Scenario['pathways'][number]['steps'][number], 'responders' | 'responder' | 'nonResponder'>, rnd: Random): void {
    const responder = rnd.chance(step.responders);
    for (const id of this.segments.keys()) {
      const c = (responder ? step.responder : step.nonResponder)[id as 'phq9'] ?? { mean: 0, sd: 0 };
      this.segments.set(id, { start: this.truth(id), change: rnd.normal(c.mean, c.sd), weeks: 0 });
    }
  }

  /** A session of the current step attended: `weeks` more of treatment received. */
  attended(weeks: number): void {
    for (const s of this.segments.values()) s.weeks += weeks;
  }

  /** An observed score now: the true score plus measurement error, rounded into the range. */
  observe(id: string, rnd: Random): number {
    return Math.round(clamp(this.truth(id) + rnd.normal(0, this.error.get(id) ?? 0), this.range.get(id) as { min: number; max: number }));
  }
}

function clamp(x: number, range: { readonly min: number; readonly max: number }): number {
  return Math.min(range.max, Math.max(range.min, x));
}
