import { UTCDate } from '@date-fns/utc';
import { addDays, differenceInCalendarDays } from 'date-fns';

/**
 * Calendar arithmetic with date-fns, in UTC (UTCDate). Local-time arithmetic would make results
 * depend on the machine's time zone, and the engine promises the same output everywhere.
 */

function utc(instantOrDate: string): UTCDate {
  return new UTCDate(instantOrDate.length === 10 ? `${instantOrDate}T00:00:00Z` : instantOrDate);
}

/** The calendar date (YYYY-MM-DD, UTC) of an instant or date, plus `days`. */
export function addDaysUtc(instantOrDate: string, days: number): string {
  return addDays(utc(instantOrDate), days).toISOString().slice(0, 10);
}

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysUtc(from: string, to: string): number {
  return differenceInCalendarDays(utc(to), utc(from));
}
