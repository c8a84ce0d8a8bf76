/** The outcome table as CSV, and its summary (categories, and the recovery rate with a 95% interval). */
import type { OutcomeRow } from './outcomes.js';

type Category = 'recovered' | 'improved' | 'unchanged' | 'deteriorated' | 'harmed';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The instruments that appear in any row, in first-seen order. */
export function instrumentsOf(rows: Iterable<OutcomeRow>): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const id of Object.keys(r.instruments)) seen.add(id);
  return [...seen];
}

/**
 * The CSV header for a table over these instruments.
 *
 * @example
 * ```ts
 * csvHeader(['phq9']); // 'caseId,clientId,…,phq9_first,phq9_last,phq9_change,phq9_category,…'
 * ```
 */
export function csvHeader(instruments: readonly string[]): string {
  const perInstrument = instruments.flatMap((i) => [`${i}_first`, `${i}_last`, `${i}_change`, `${i}_category`]);
  return [
    'caseId', 'clientId', 'referredAt', 'firstTreatmentAt', 'waitDays', 'sessionsAttended', 'sessionsMissed', 'didNotAttendRate',
    ...perInstrument,
    'tt_finishedCourse', 'tt_caseness', 'tt_recovery', 'tt_reliableImprovement', 'tt_reliableDeterioration', 'tt_reliableRecovery',
    'gasTScore', 'closureReason',
  ].join(',');
}

/**
 * One row as a CSV line (RFC 4180 quoting), under {@link csvHeader} of the same instruments.
 *
 * @example
 * ```ts
 * csvLine(row, ['phq9', 'gad7']);
 * ```
 */
export function csvLine(row: OutcomeRow, instruments: readonly string[]): string {
  const t = row.talkingTherapies;
  const cells: unknown[] = [
    row.caseId, row.clientId, row.referredAt, row.firstTreatmentAt, row.waitDays, row.sessionsAttended, row.sessionsMissed, row.didNotAttendRate,
    ...instruments.flatMap((i): unknown[] => {
      const o = row.instruments[i];
      return o === undefined ? ['', '', '', ''] : [o.first, o.last, o.change, o.category];
    }),
    t?.finishedCourse, t?.caseness, t?.recovery, t?.reliableImprovement, t?.reliableDeterioration, t?.reliableRecovery,
    row.gasTScore, row.closureReason,
  ];
  return cells.map(cell).join(',');
}

/** A cohort's outcome on one instrument. */
export interface OutcomeSummary {
  readonly instrument: string;
  /** Rows with a first and a last score on the instrument. */
  readonly n: number;
  readonly counts: Readonly<Record<Category, number>>;
  /** Recovered among those at caseness at the start, with a Wilson 95% interval; null when none were. */
  readonly recoveryRate: { readonly value: number; readonly low: number; readonly high: number; readonly of: number } | null;
}

/**
 * Counts each change category on an instrument, and the recovery rate among clients who started at
 * caseness, with a Wilson score 95% interval.
 *
 * @example
 * ```ts
 * summarise(rows, 'phq9').recoveryRate?.value; // 0.46
 * ```
 */
export function summarise(rows: Iterable<OutcomeRow>, instrument: string, caseness: number | undefined): OutcomeSummary {
  const t = emptyTally();
  for (const r of rows) tallyRow(t, r, instrument, caseness);
  return summaryOf(t, instrument);
}

/**
 * What {@link summarise} counts, kept as it goes: a run tallies its rows a block at a time (in the
 * worker that made them) and adds the blocks' tallies up, rather than holding every row until the end.
 */
export interface Tally {
  /** Rows tallied, whether or not they have two scores on the instrument. */
  rows: number;
  /** Rows with a first and a last score on the instrument. */
  n: number;
  readonly counts: Record<Category, number>;
  atCaseness: number;
  recoveredFromCaseness: number;
}

/**
 * A tally of no rows.
 *
 * @example
 * ```ts
 * const t = emptyTally();
 * for (const r of rows) tallyRow(t, r, 'phq9', 10);
 * summaryOf(t, 'phq9'); // as summarise(rows, 'phq9', 10)
 * ```
 */
export function emptyTally(): Tally {
  return { rows: 0, n: 0, counts: { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0, harmed: 0 }, atCaseness: 0, recoveredFromCaseness: 0 };
}

/**
 * Counts one row into a tally.
 *
 * @example
 * ```ts
 * tallyRow(t, row, 'phq9', 10);
 * ```
 */
export function tallyRow(t: Tally, r: OutcomeRow, instrument: string, caseness: number | undefined): void {
  t.rows++;
  const o = r.instruments[instrument];
  if (o === undefined || o.category === null) return;
  t.n++;
  t.counts[o.category]++;
  // The rate's numerator and denominator are the same clients: those who started at caseness.
  if (caseness !== undefined && o.first >= caseness) {
    t.atCaseness++;
    if (o.category === 'recovered') t.recoveredFromCaseness++;
  }
}

/**
 * Adds one tally's counts to another's (blocks of a run, in any order: the sums do not depend on it).
 *
 * @example
 * ```ts
 * addTally(total, blockTally);
 * ```
 */
export function addTally(into: Tally, from: Tally): void {
  into.rows += from.rows;
  into.n += from.n;
  for (const k of Object.keys(into.counts) as Category[]) into.counts[k] += from.counts[k];
  into.atCaseness += from.atCaseness;
  into.recoveredFromCaseness += from.recoveredFromCaseness;
}

/**
 * The summary of a tally, as {@link summarise} gives it for the rows tallied.
 *
 * @example
 * ```ts
 * summaryOf(t, 'phq9').counts.recovered;
 * ```
 */
export function summaryOf(t: Tally, instrument: string): OutcomeSummary {
  const counts = { ...t.counts };
  const rate = t.atCaseness === 0 ? null : { ...wilson(t.recoveredFromCaseness, t.atCaseness), of: t.atCaseness };
  return { instrument, n: t.n, counts, recoveryRate: rate };
}

/**
 * The Wilson score 95% interval of k successes in n trials (z = qnorm(0.975)).
 *
 * @throws {RangeError} unless n is a whole number above 0 and k a whole number from 0 to n.
 * @example
 * ```ts
 * wilson(46, 100); // { value: 0.46, low: 0.3656…, high: 0.5573… }
 * ```
 */
export function wilson(k: number, n: number): { value: number; low: number; high: number } {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`wilson(k, n) needs n, the number of trials, to be a whole number above 0, not ${String(n)}`);
  if (!Number.isSafeInteger(k) || k < 0 || k > n) throw new RangeError(`wilson(k, n) needs k, the successes, to be a whole number from 0 to ${n}, not ${String(k)}`);
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  // At 0 of n and n of n the bound is exactly 0 or 1; rounding would leave 1e-18 or 0.9999999999999999.
  return { value: p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}
