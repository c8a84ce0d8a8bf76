/**
 * Calendar arithmetic in UTC. Local-time arithmetic would make results depend on the machine's time
 * zone, and the engine promises the same output for the same input everywhere.
 */

const DAY_MS = 86_400_000;

/** The calendar date (YYYY-MM-DD, UTC) of an instant or date, plus `days`. */
export function addDaysUtc(instantOrDate: string, days: number): string {
  return new Date(Date.parse(instantOrDate.length === 10 ? `${instantOrDate}T00:00:00Z` : instantOrDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole UTC calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysUtc(from: string, to: string): number {
  const day = (s: string): number => Math.floor(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s) / DAY_MS);
  return day(to) - day(from);
}
