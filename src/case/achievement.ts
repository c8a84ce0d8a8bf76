import { OPEN_GOAL_STATUSES, type Achievement, type Goal } from './goal-schema.js';
import type { Measurement } from './measurement.js';
import { editEntry, type Draft } from './draft.js';
import type { CaseState } from './state.js';

/** Whether a measurement counts toward a goal: it names the goal, or names no goal and measures what the goal measures. */
export function measuresGoal(m: Measurement, goal: Goal): boolean {
  if (m.status === 'entered-in-error' || m.score === null) return false;
  if (m.goalIds.length > 0) return m.goalIds.includes(goal.id);
  return goal.measure.instrumentId !== undefined && goal.measure.instrumentId !== null
    ? m.instrumentId === goal.measure.instrumentId
    : goal.measure.indicator !== undefined && m.indicator === goal.measure.indicator;
}

/** The valid, scored measurements of a goal, oldest first (by the time they were taken). */
export function goalSeries(state: CaseState, goal: Goal): Measurement[] {
  return state.measurements.filter((m) => measuresGoal(m, goal)).sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
}

/**
 * A goal's FHIR achievementStatus from its valid measurements: in-progress with none (or one short of
 * the target); achieved when the latest reaches the target, sustaining when the one before did too;
 * otherwise improving, worsening or no-change against the one before, in the goal's direction.
 */
export function deriveAchievement(goal: Goal, series: readonly Measurement[]): Achievement {
  const sign = goal.measure.direction === 'decrease' ? -1 : 1;
  const target = sign * goal.measure.target;
  const latest = series[series.length - 1];
  if (latest === undefined) return 'in-progress';
  const previous = series[series.length - 2];
  if (sign * (latest.score as number) >= target) return previous !== undefined && sign * (previous.score as number) >= target ? 'sustaining' : 'achieved';
  if (previous === undefined) return 'in-progress';
  const change = sign * ((latest.score as number) - (previous.score as number));
  return change > 0 ? 'improving' : change < 0 ? 'worsening' : 'no-change';
}

const OPEN: ReadonlySet<string> = new Set(OPEN_GOAL_STATUSES);

/**
 * The last two valid measurements of a goal by time taken (the later one in the list wins a tie),
 * without sorting the series.
 */
function lastTwo(measurements: readonly Measurement[], goal: Goal): [Measurement | undefined, Measurement | undefined] {
  let latest: Measurement | undefined;
  let previous: Measurement | undefined;
  for (let i = 0; i < measurements.length; i++) {
    const m = measurements[i] as Measurement;
    if (!measuresGoal(m, goal)) continue;
    if (latest === undefined || m.takenAt >= latest.takenAt) {
      previous = latest;
      latest = m;
    } else if (previous === undefined || m.takenAt >= previous.takenAt) {
      previous = m;
    }
  }
  return [previous, latest];
}

/**
 * Computes a goal's achievement from the measurements already in the case: a goal proposed (or a
 * revision made) after monitoring began starts from what was measured, not from "in progress".
 */
export function refreshAchievement(d: Draft, goalId: string): void {
  const goal = d.goals[goalId];
  if (goal === undefined || d.measurements.length === 0) return;
  const [previous, latest] = lastTwo(d.measurements, goal);
  const next = deriveAchievement(goal, previous === undefined ? (latest === undefined ? [] : [latest]) : [previous, latest as Measurement]);
  if (goal.achievement !== next) (editEntry(d, 'goals', goalId) as { achievement: Achievement }).achievement = next;
}

/**
 * Recomputes the achievement of the open goals a measurement bears on, after it was recorded,
 * amended or voided (`changed` is that measurement as it is now, already in `d.measurements`).
 */
export function refreshAchievements(d: Draft, changed: Measurement): void {
  const asRecorded: Measurement = changed.status === 'entered-in-error' ? Object.assign({}, changed, { status: 'final' as const }) : changed;
  for (const id in d.goals) {
    const goal = d.goals[id];
    if (goal === undefined || !OPEN.has(goal.status)) continue;
    if (changed.goalIds.length > 0 ? !changed.goalIds.includes(id) : !measuresGoal(asRecorded, goal)) continue;
    const [previous, latest] = lastTwo(d.measurements, goal);
    const next = deriveAchievement(goal, previous === undefined ? (latest === undefined ? [] : [latest]) : [previous, latest as Measurement]);
    if (goal.achievement !== next) (editEntry(d, 'goals', id) as { achievement: Achievement }).achievement = next;
  }
}
