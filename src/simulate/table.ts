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
  const counts = { recovered: 0, improved: 0, unchanged: 0, deteriorated: 0, harmed: 0 };
  let n = 0;
  let atCaseness = 0;
  for (const r of rows) {
    const o = r.instruments[instrument];
    if (o === undefined || o.category === null) continue;
    n++;
    counts[o.category]++;
    if (caseness !== undefined && o.first >= caseness) atCaseness++;
  }
  return { instrument, n, counts, recoveryRate: atCaseness === 0 ? null : { ...wilson(counts.recovered, atCaseness), of: atCaseness } };
}

/** The Wilson score interval of k successes in n (z = 1.96). */
export function wilson(k: number, n: number): { value: number; low: number; high: number } {
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
