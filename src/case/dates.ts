import { UTCDate } from '@date-fns/utc';
import { addMilliseconds, differenceInCalendarDays } from 'date-fns';

/**
 * Calendar arithmetic with date-fns, in UTC (UTCDate). Local-time arithmetic would make results
 * depend on the machine's time zone, and the engine promises the same output everywhere.
 */

function utc(instantOrDate: string): UTCDate {
  return new UTCDate(instantOrDate.length === 10 ? `${instantOrDate}T00:00:00Z` : instantOrDate);
}

/**
 * The calendar date (YYYY-MM-DD, UTC) of an instant or date, plus `days`. A UTC day is always
 * 86,400,000 ms (no daylight saving), so adding milliseconds is exact here — and several times
 * cheaper than date-fns' `addDays` on a `UTCDate`, which the review date of every plan activation
 * paid for.
 */
export function addDaysUtc(instantOrDate: string, days: number): string {
  const start = new Date(instantOrDate.length === 10 ? `${instantOrDate}T00:00:00Z` : instantOrDate);
  return utcDate(addMilliseconds(start, days * DAY_MS));
}

const DAY_MS = 86_400_000;

// YYYY-MM-DD of a Date in UTC, from its UTC fields: `toISOString` costs about 1.2 µs on Node 20.
function utcDate(d: Date): string {
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return d.toISOString().slice(0, 10);
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysUtc(from: string, to: string): number {
  return differenceInCalendarDays(utc(to), utc(from));
}
