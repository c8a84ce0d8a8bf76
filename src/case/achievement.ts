import type { Achievement, Goal } from './goal.js';
import type { Measurement } from './measurement.js';
import type { CaseState, Draft } from './state.js';

/** Whether a measurement counts toward a goal: it names the goal, or names no goal and measures what the goal measures. */
export function measuresGoal(m: Measurement, goal: Goal): boolean {
  if (m.status === 'entered-in-error') return false;
  if (m.goalIds.length > 0) return m.goalIds.includes(goal.id);
  return goal.measure.instrumentId !== undefined && goal.measure.instrumentId !== null
    ? m.instrumentId === goal.measure.instrumentId
    : goal.measure.indicator !== undefined && m.indicator === goal.measure.indicator;
}

/** The valid measurements of a goal, oldest first (by the time they were taken). */
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
  const reached = (v: number): boolean => sign * v >= sign * goal.measure.target;
  const latest = series[series.length - 1];
  if (latest === undefined) return 'in-progress';
  const previous = series[series.length - 2];
  if (reached(latest.score)) return previous !== undefined && reached(previous.score) ? 'sustaining' : 'achieved';
  if (previous === undefined) return 'in-progress';
  const change = sign * (latest.score - previous.score);
  return change > 0 ? 'improving' : change < 0 ? 'worsening' : 'no-change';
}

const OPEN = new Set(['agreed', 'active', 'on-hold', 'proposed']);

/** Recomputes the achievement of every open goal (after a measurement changes). */
export function refreshAchievements(d: Draft): void {
  for (const id of Object.keys(d.goals)) {
    const goal = d.goals[id];
    if (goal === undefined || !OPEN.has(goal.status)) continue;
    const next = deriveAchievement(goal as Goal, goalSeries(d as CaseState, goal as Goal));
    if (goal.achievement !== next) goal.achievement = next;
  }
}
