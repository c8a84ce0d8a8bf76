/**
 * Summaries of a case's long series that commands read, kept beside each series version and
 * brought up to date from where they were left, so that reading one does not scan the series
 * (DESIGN.md §2.7). An evaluation records every instrument's first and latest score and the
 * sessions attended; on a case of 50,000 measurements grouping and sorting them took 10 ms a command.
 *
 * - {@link instrumentEnds}: each instrument's first and latest valid, scored measurement by time
 *   taken, as a stable sort by `takenAt` would order them (list order breaks ties), and how many.
 * - {@link attendedCount}: how many sessions are attended.
 *
 * Series grow at the end; an entry is replaced only through `editItem` (draft.ts), which tells this
 * module ({@link entryReplaced}) before the entry changes. Appends are caught up on the next read;
 * a replaced measurement drops that version's ends (amendments and voidings are rare), a replaced
 * session is re-read on the next count. Copy-on-write hands each new version a copy of the
 * summaries (see series-index.ts, `shareIndex`). Short series are read whole: cheaper than a
 * summary for every version.
 */
import type { Measurement } from '../model/measurement.js';
import type { Session } from '../model/session.js';
import { itemAt, type Series } from './series.js';

/** An instrument's first and latest valid scored measurement, and how many it has. */
export interface InstrumentEnd {
  readonly first: Measurement & { readonly score: number };
  readonly last: Measurement & { readonly score: number };
  readonly count: number;
}

interface Ends {
  readonly byInstrument: Map<string, InstrumentEnd>;
  upTo: number;
}

interface Attended {
  count: number;
  upTo: number;
  /** Positions below `upTo` not counted yet: scheduled when read, or replaced since. */
  readonly pending: number[];
}

/** Series shorter than this are read whole, with no summary kept (as series-index.ts does). */
const TALLY_FROM = 256;

const ENDS = new WeakMap<object, Ends>();
const ATTENDED = new WeakMap<object, Attended>();

function addMeasurement(byInstrument: Map<string, InstrumentEnd>, m: Measurement): void {
  if (m.status === 'entered-in-error' || m.instrumentId === null || m.score === null) return;
  const scored = m as InstrumentEnd['first'];
  const end = byInstrument.get(m.instrumentId);
  if (end === undefined) {
    byInstrument.set(m.instrumentId, { first: scored, last: scored, count: 1 });
    return;
  }
  // A stable sort keeps list order among equal times: the first stays first, a later one is last.
  byInstrument.set(m.instrumentId, {
    first: m.takenAt < end.first.takenAt ? scored : end.first,
    last: m.takenAt >= end.last.takenAt ? scored : end.last,
    count: end.count + 1,
  });
}

/**
 * Each instrument's first and latest valid, scored measurement (by time taken; among equal times,
 * the earlier in the list is first and the later is latest) and its number of such measurements.
 *
 * @example
 * ```ts
 * instrumentEnds(seriesOf(state, 'measurements')).get('phq9')?.last.score; // 8
 * ```
 */
export function instrumentEnds(series: Series<Measurement>): ReadonlyMap<string, InstrumentEnd> {
  let ends = ENDS.get(series);
  if (ends === undefined) {
    ends = { byInstrument: new Map(), upTo: 0 };
    if (series.length >= TALLY_FROM) ENDS.set(series, ends);
  }
  for (let i = ends.upTo; i < series.length; i++) addMeasurement(ends.byInstrument, itemAt(series, i) as Measurement);
  ends.upTo = series.length;
  return ends.byInstrument;
}

/**
 * How many sessions of a series are attended.
 *
 * @example
 * ```ts
 * attendedCount(seriesOf(state, 'sessions')); // 6
 * ```
 */
export function attendedCount(series: Series<Session>): number {
  let tally = ATTENDED.get(series);
  if (tally === undefined) {
    tally = { count: 0, upTo: 0, pending: [] };
    if (series.length >= TALLY_FROM) ATTENDED.set(series, tally);
  }
  const { pending } = tally;
  // Sessions left pending are read again; those that reached an end need no further look.
  let kept = 0;
  for (let k = 0; k < pending.length; k++) {
    const i = pending[k] as number;
    const status = (itemAt(series, i) as Session).status;
    if (status === 'attended') tally.count += 1;
    if (status === 'scheduled') pending[kept++] = i;
  }
  pending.length = kept;
  for (let i = tally.upTo; i < series.length; i++) {
    const status = (itemAt(series, i) as Session).status;
    if (status === 'attended') tally.count += 1;
    else if (status === 'scheduled') pending.push(i);
  }
  tally.upTo = series.length;
  return tally.count;
}

/**
 * Called by `editItem` before the entry at position `i` of `series` (this very version) is changed:
 * a measurement's ends are dropped for this version, a session is taken out of the count until read again.
 */
export function entryReplaced(series: object, i: number, before: unknown): void {
  ENDS.delete(series);
  const tally = ATTENDED.get(series);
  if (tally === undefined || i >= tally.upTo || tally.pending.includes(i)) return;
  if ((before as Session).status === 'attended') tally.count -= 1;
  tally.pending.push(i);
}

/** Gives a series' copy (made by copy-on-write) copies of the original's summaries. */
export function shareTallies(original: object, copy: object): void {
  const ends = ENDS.get(original);
  if (ends !== undefined) ENDS.set(copy, { byInstrument: new Map(ends.byInstrument), upTo: ends.upTo });
  const tally = ATTENDED.get(original);
  if (tally !== undefined) ATTENDED.set(copy, { count: tally.count, upTo: tally.upTo, pending: [...tally.pending] });
}
