import { UTCDate } from '@date-fns/utc';
// By subpath: the package root loads all of date-fns' ~250 modules in Node (80–120 ms at every
// start of the CLI and of each worker), where these two load in about 10. Bundlers see no difference.
import { addMilliseconds } from 'date-fns/addMilliseconds';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatInstant } from '../../kernel/clock.js';

/**
 * Calendar arithmetic with date-fns, in UTC (UTCDate). Local-time arithmetic would make results
 * depend on the machine's time zone, and the engine promises the same output everywhere.
 */

/** An instant as given, or a calendar date as its UTC midnight. */
function instantOf(instantOrDate: string): string {
  return instantOrDate.length === 10 ? `${instantOrDate}T00:00:00Z` : instantOrDate;
}

function utc(instantOrDate: string): UTCDate {
  return new UTCDate(instantOf(instantOrDate));
}

/**
 * The calendar date (YYYY-MM-DD, UTC) of an instant or date, plus `days`. A UTC day is always
 * 86,400,000 ms (no daylight saving), so adding milliseconds is exact here — and several times
 * cheaper than date-fns' `addDays` on a `UTCDate`, which the review date of every plan activation
 * paid for.
 */
export function addDaysUtc(instantOrDate: string, days: number): string {
  const start = new Date(instantOf(instantOrDate));
  return formatInstant(addMilliseconds(start, days * DAY_MS).getTime()).slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysUtc(from: string, to: string): number {
  return differenceInCalendarDays(utc(to), utc(from));
}
