import { OPEN_GOAL_STATUSES, type Achievement, type Goal } from '../model/goal.js';
import type { Measurement } from '../model/measurement.js';
import { editEntry } from '../store/draft.js';
import type { Draft, CaseState } from '../model/state.js';
import { INDEX_FROM, goalPairs } from '../store/series-index.js';
import { itemAt, seriesOf, type Series } from '../store/series.js';

/** Whether a measurement counts toward a goal: a valid score that {@link bearsOn} it. */
export function measuresGoal(m: Measurement, goal: Goal): boolean {
  if (m.status === 'entered-in-error' || m.score === null) return false;
  return bearsOn(m, goal);
}

/**
 * Whether a measurement is about a goal, whatever its score and status: it names the goal, or names
 * no goal and measures what the goal measures. An amendment or a voiding changes whether it counts,
 * never what it is about.
 */
function bearsOn(m: Measurement, goal: Goal): boolean {
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
  return achievementOf(goal, series[series.length - 2], series[series.length - 1]);
}

/** {@link deriveAchievement} from the last two measurements themselves (no array on the hot path). */
function achievementOf(goal: Goal, previous: Measurement | undefined, latest: Measurement | undefined): Achievement {
  const sign = goal.measure.direction === 'decrease' ? -1 : 1;
  const target = sign * goal.measure.target;
  if (latest === undefined) return 'in-progress';
  if (sign * (latest.score as number) >= target) return previous !== undefined && sign * (previous.score as number) >= target ? 'sustaining' : 'achieved';
  if (previous === undefined) return 'in-progress';
  const change = sign * ((latest.score as number) - (previous.score as number));
  return change > 0 ? 'improving' : change < 0 ? 'worsening' : 'no-change';
}

const OPEN: ReadonlySet<string> = new Set(OPEN_GOAL_STATUSES);

/**
 * The positions of the last two valid measurements of a goal by time taken (the later one in the
 * list wins a tie; -1 for none), without sorting the series.
 */
function lastTwoPositions(measurements: Series<Measurement>, goal: Goal): [number, number] {
  let latest: Measurement | undefined;
  let previous: Measurement | undefined;
  let l = -1;
  let p = -1;
  for (let i = 0; i < measurements.length; i++) {
    const m = itemAt(measurements, i) as Measurement;
    if (!measuresGoal(m, goal)) continue;
    if (latest === undefined || m.takenAt >= latest.takenAt) {
      previous = latest;
      p = l;
      latest = m;
      l = i;
    } else if (previous === undefined || m.takenAt >= previous.takenAt) {
      previous = m;
      p = i;
    }
  }
  return [p, l];
}

/** The last two valid measurements of a goal by time taken (see {@link lastTwoPositions}). */
function lastTwo(measurements: Series<Measurement>, goal: Goal): [Measurement | undefined, Measurement | undefined] {
  const [p, l] = lastTwoPositions(measurements, goal);
  return [p === -1 ? undefined : itemAt(measurements, p), l === -1 ? undefined : itemAt(measurements, l)];
}

/**
 * Computes a goal's achievement from the measurements already in the case: a goal proposed (or a
 * revision made) after monitoring began starts from what was measured, not from "in progress".
 */
export function refreshAchievement(d: Draft, goalId: string): void {
  const goal = d.goals[goalId];
  const series = seriesOf<Measurement>(d, 'measurements');
  if (goal === undefined || series.length === 0) return;
  const [previous, latest] = lastTwo(series, goal);
  const next = achievementOf(goal, latest === undefined ? undefined : previous, latest);
  if (goal.achievement !== next) (editEntry(d, 'goals', goalId) as { achievement: Achievement }).achievement = next;
}

/**
 * The last two positions of a goal after `changed` was appended at the end: from the cached pair of
 * the series before it, in constant time, as {@link lastTwo} would find them (later in the list wins
 * a tie). Undefined when there is no trustworthy cached pair.
 */
function pairAfterAppend(list: Series<Measurement>, cached: readonly [number, number] | undefined, goal: Goal): [number, number] | undefined {
  if (cached === undefined) return undefined;
  const [p, l] = cached;
  const end = list.length - 1;
  // The cache speaks of the series before the append: its positions lie below the new entry.
  if (p >= end || l >= end) return undefined;
  const latest = l === -1 ? undefined : itemAt(list, l);
  const previous = p === -1 ? undefined : itemAt(list, p);
  if ((latest !== undefined && !measuresGoal(latest, goal)) || (previous !== undefined && !measuresGoal(previous, goal))) return undefined;
  const m = itemAt(list, end) as Measurement;
  if (!measuresGoal(m, goal)) return [p, l];
  if (latest === undefined || m.takenAt >= latest.takenAt) return [l, end];
  if (previous === undefined || m.takenAt >= previous.takenAt) return [end, l];
  return [p, l];
}

/**
 * Recomputes the achievement of the open goals a measurement bears on, after it was recorded,
 * amended or voided (`changed` is that measurement as it is now, already in `d.measurements`). A
 * measurement just recorded updates each goal's cached last two in constant time; an amendment or a
 * voiding (rare) re-reads the series for the goals it bears on.
 */
export function refreshAchievements(d: Draft, changed: Measurement): void {
  const list = seriesOf<Measurement>(d, 'measurements');
  const appended = changed.status === 'final' && changed.history.length === 0 && itemAt(list, list.length - 1)?.id === changed.id;
  // Short series are read whole (cheaper than a cache kept for every version); long ones use it.
  const pairs = list.length >= INDEX_FROM ? goalPairs(list) : undefined;
  for (const id in d.goals) {
    const goal = d.goals[id];
    if (goal === undefined || !OPEN.has(goal.status)) continue;
    // Every goal the measurement is about: one it counted for may have lost it (voided, or amended
    // to answers too incomplete to score), and one it did not count for may have gained it.
    if (!bearsOn(changed, goal)) continue;
    const fast = appended && pairs !== undefined ? pairAfterAppend(list, pairs.get(id), goal) : undefined;
    const pair = fast ?? lastTwoPositions(list, goal);
    pairs?.set(id, pair);
    const previous = pair[0] === -1 ? undefined : itemAt(list, pair[0]);
    const latest = pair[1] === -1 ? undefined : itemAt(list, pair[1]);
    const next = achievementOf(goal, previous, latest);
    if (goal.achievement !== next) (editEntry(d, 'goals', id) as { achievement: Achievement }).achievement = next;
  }
}
