/**
 * A client's true scores over time and what an instrument observes of them. Each step of treatment
 * moves the true score toward its start plus a change drawn for the client (responder or not),
 * approaching it exponentially with the scenario's time constant; an observation adds measurement
 * error whose SD follows from the instrument's reliability, then rounds and clamps to its range.
 */
import { getInstrument } from '../measures/instruments/registry.js';
import type { Random } from './random.js';
import type { Scenario } from './scenario.js';

const WEEK = 7 * 86_400_000;

interface Segment {
  readonly from: number;
  readonly start: number;
  readonly change: number;
}

/** The measurement error SD of an instrument: the scenario's, or reference SD × √(1 − reliability). */
export function measurementErrorSd(scenario: Scenario, instrumentId: string): number {
  const given = scenario.measurementError[instrumentId as 'phq9'];
  if (given !== undefined) return given;
  const instrument = getInstrument(instrumentId);
  const sd = instrument?.norms?.[0]?.sd;
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
      this.segments.set(id, { from: 0, start: clamp(rnd.normal(b.mean, b.sd), range), change: 0 });
    }
  }

  /** The true score at `at`. */
  truth(id: string, at: number): number {
    const s = this.segments.get(id) as Segment;
    const weeks = Math.max(0, (at - s.from) / WEEK);
    return s.start + s.change * (1 - Math.exp(-weeks / this.scenario.weeksToEffect));
  }

  /** Starts a step at `at`: each instrument's change for this client, as a responder or not. */
  beginStep(step: Scenario['pathways'][number]['steps'][number], at: number, rnd: Random): void {
    const responder = rnd.chance(step.responders);
    for (const id of this.segments.keys()) {
      const c = (responder ? step.responder : step.nonResponder)[id as 'phq9'] ?? { mean: 0, sd: 0 };
      this.segments.set(id, { from: at, start: this.truth(id, at), change: rnd.normal(c.mean, c.sd) });
    }
  }

  /** An observed score at `at`: the true score plus measurement error, rounded into the range. */
  observe(id: string, at: number, rnd: Random): number {
    return Math.round(clamp(this.truth(id, at) + rnd.normal(0, this.error.get(id) ?? 0), this.range.get(id) as { min: number; max: number }));
  }
}

function clamp(x: number, range: { readonly min: number; readonly max: number }): number {
  return Math.min(range.max, Math.max(range.min, x));
}
