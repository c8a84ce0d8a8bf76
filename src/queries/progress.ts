import { goalSeries } from '../case/rules/achievement.js';
import type { Achievement } from '../case/model/goal.js';
import { own } from '../case/store/lookup.js';
import type { CaseState } from '../case/model/state.js';
import { LifecycleError } from '../kernel/errors.js';

/** A goal's progress from baseline to target, with the measurements behind it. */
export interface GoalProgress {
  readonly goalId: string;
  readonly baseline: number;
  readonly target: number;
  readonly direction: 'decrease' | 'increase';
  /** The latest valid value, or null before any. */
  readonly latest: number | null;
  /** How far from baseline to target the latest value is: 0 at baseline, 1 at target (can pass 1 or fall below 0). */
  readonly fraction: number | null;
  readonly achievement: Achievement;
  readonly series: readonly { readonly measurementId: string; readonly takenAt: string; readonly value: number }[];
}

/**
 * Progress on a goal from its valid measurements (entered-in-error ones never count).
 *
 * @throws {LifecycleError} `NOT_FOUND` when the case has no such goal.
 * @example
 * ```ts
 * goalProgress(state, 'g-mood'); // { baseline: 17, target: 9, latest: 11, fraction: 0.75, achievement: 'improving', … }
 * ```
 */
export function goalProgress(state: CaseState, goalId: string): GoalProgress {
  const goal = own(state.goals, goalId);
  if (goal === undefined) throw new LifecycleError('NOT_FOUND', `No goal ${goalId} in case ${state.id}`);
  const series = goalSeries(state, goal).map((m) => ({ measurementId: m.id, takenAt: m.takenAt, value: m.score as number }));
  const latest = series.length === 0 ? null : (series[series.length - 1]?.value ?? null);
  const span = goal.measure.target - goal.measure.baseline;
  return {
    goalId,
    baseline: goal.measure.baseline,
    target: goal.measure.target,
    direction: goal.measure.direction,
    latest,
    fraction: latest === null || span === 0 ? null : (latest - goal.measure.baseline) / span,
    achievement: goal.achievement,
    series,
  };
}
