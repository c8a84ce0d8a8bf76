import { asOfInstant } from '../kernel/clock.js';
import { addDaysUtc, calendarDaysUtc } from '../case/rules/dates.js';
import type { CaseState } from '../case/model/state.js';
import type { Measurement } from '../case/model/measurement.js';
import { seriesOf } from '../case/store/series.js';
import { latestMeasurements } from '../case/store/series-tallies.js';

/** A measurement that is due and not taken. */
export interface OverdueMeasurement {
  readonly instrumentId: string | null;
  readonly indicator: string | null;
  /** The date it fell due. */
  readonly dueOn: string;
  readonly daysOverdue: number;
  /** When it was last taken (a valid measurement), or null. */
  readonly lastTakenAt: string | null;
}

const current = (state: CaseState): boolean => state.status !== 'closed' && state.status !== 'entered-in-error';
const monitored = (state: CaseState): boolean => current(state) && state.status !== 'on-hold';

/**
 * The date the case last came back from a pause (it left `on-hold`, or `closed` when reopened), or
 * null: monitoring restarts there, so the time a case spent on hold or closed is never counted as
 * overdue.
 */
function pausedUntil(state: CaseState): string | null {
  const history = state.statusHistory;
  for (let i = history.length - 1; i > 0; i--) {
    const before = (history[i - 1] as (typeof history)[number]).status;
    if (before === 'on-hold' || before === 'closed') return (history[i] as (typeof history)[number]).at.slice(0, 10);
  }
  return null;
}

/**
 * Measurements overdue against the case's monitoring schedules as of a date: each schedule is due
 * on its start date, then every N days after the last valid measurement taken since; a measure that
 * fell due while the case was on hold or closed is due on the day it came back instead. A case on
 * hold has none overdue: its monitoring is paused with its treatment.
 *
 * @example
 * ```ts
 * overdueMeasurements(state, '2026-03-01T00:00:00.000Z'); // [{ instrumentId: 'phq9', dueOn: '2026-02-21', daysOverdue: 8, … }]
 * ```
 */
export function overdueMeasurements(state: CaseState, asOf: string): OverdueMeasurement[] {
  asOf = asOfInstant(asOf);
  if (!monitored(state)) return [];
  const out: OverdueMeasurement[] = [];
  const latest = latestMeasurements(seriesOf<Measurement>(state, 'measurements')).byKind;
  const resumed = pausedUntil(state);
  for (const schedule of state.monitoring) {
    // The latest valid measurement of the schedule's kind counts if it was taken on or after the
    // start date; if it was not, none was (every other is no later).
    const newest = latest.get(schedule.instrumentId)?.get(schedule.indicator);
    const last = newest !== undefined && newest.takenAt.slice(0, 10) >= schedule.startDate ? newest.takenAt : null;
    const next = last === null ? schedule.startDate : addDaysUtc(last, schedule.everyDays);
    // Due during a pause: due when the case came back instead (YYYY-MM-DD dates compare as text).
    const dueOn = resumed !== null && next < resumed ? resumed : next;
    const daysOverdue = calendarDaysUtc(dueOn, asOf);
    if (daysOverdue > 0) out.push({ instrumentId: schedule.instrumentId, indicator: schedule.indicator, dueOn, daysOverdue, lastTakenAt: last });
  }
  return out;
}

/** A case whose review is due. */
export interface DueReview {
  readonly caseId: string;
  readonly dueBy: string;
  /** Days past the due date (0 on the day). */
  readonly daysOverdue: number;
}

/**
 * The date a case's next review is due, or null: its `reviewDueBy`, or, if that fell before the case
 * last came back from a hold, the day it came back (as for monitoring: the months on hold are not
 * counted as overdue).
 */
export function reviewDueOn(state: CaseState): string | null {
  const due = state.reviewDueBy;
  const resumed = due === null ? null : pausedUntil(state);
  return resumed !== null && (due as string) < resumed ? resumed : due;
}

/**
 * The cases among `states` whose next review is due on or before `asOf` (active cases only: a case
 * under review, on hold or closed is not waiting for one). A review that fell due before the case
 * last came back from a hold is due the day it came back.
 *
 * @example
 * ```ts
 * dueReviews(caseload, '2026-05-01T00:00:00.000Z').map((d) => d.caseId);
 * ```
 */
export function dueReviews(states: readonly CaseState[], asOf: string): DueReview[] {
  // A caseload, not one case: a single state passed from JavaScript would otherwise fail as "not iterable".
  if (typeof (states as Partial<Iterable<CaseState>> | null)?.[Symbol.iterator] !== 'function') throw new TypeError(`dueReviews(states, asOf) takes an array of case states (a caseload), not ${states === null ? 'null' : typeof states}`);
  asOf = asOfInstant(asOf);
  const out: DueReview[] = [];
  for (const s of states) {
    const dueBy = s.status === 'active' ? reviewDueOn(s) : null;
    if (dueBy === null) continue;
    const days = calendarDaysUtc(dueBy, asOf);
    if (days >= 0) out.push({ caseId: s.id, dueBy, daysOverdue: days });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
