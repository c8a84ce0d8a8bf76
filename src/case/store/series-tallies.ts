/**
 * Summaries of a case's long series that commands read, kept beside each series version and
 * brought up to date from where they were left, so that reading one does not scan the series
 * (DESIGN.md §2.7). An evaluation records every instrument's first and latest score and the
 * sessions attended; on a case of 50,000 measurements grouping and sorting them took 10 ms a command.
 *
 * - {@link instrumentEnds}: each instrument's first and latest valid, scored measurement by time
 *   taken, as a stable sort by `takenAt` would order them (list order breaks ties), and how many.
 * - {@link attendedCount}: how many sessions are attended.
 * - {@link latestMeasurements}: the latest valid measurement of each instrument, of each kind
 *   (instrument and indicator), and answering each response position (what `alerts` reads).
 *
 * Series grow at the end; an entry is replaced only through `editItem` (draft.ts), which tells this
 * module ({@link entryReplaced}) before the entry changes. Appends are caught up on the next read;
 * a replaced measurement drops that version's summaries (amendments and voidings are rare), a replaced
 * session is re-read on the next count. Copy-on-write hands each new version a copy of the
 * summaries (see series-index.ts, `shareIndex`). Short series are read whole: cheaper than a
 * summary for every version.
 */
import type { Measurement } from '../model/measurement.js';
import type { Session } from '../model/session.js';
import { itemAt, type Series } from './series.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { impliedAbove } from '../../measures/instruments/implied.js';
import type { Instrument } from '../../measures/instruments/types.js';

/** An instrument's first and latest valid scored measurement, and how many it has. */
export interface InstrumentEnd {
  readonly first: Measurement & { readonly score: number };
  readonly last: Measurement & { readonly score: number };
  readonly count: number;
}

/** An {@link InstrumentEnd} as this module keeps it: changed in place, copied for each new version. */
interface KeptEnd {
  first: InstrumentEnd['first'];
  last: InstrumentEnd['last'];
  count: number;
}

interface Ends {
  readonly byInstrument: Map<string, KeptEnd>;
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

/** A series version's summaries, each made on first read. */
interface Tallies {
  ends?: Ends | undefined;
  attended?: Attended | undefined;
  latest?: Latest | undefined;
}

// One table for all three: copy-on-write hands tallies on at every append (shareTallies), so the
// common case (a series with none) costs one lookup there.
const TALLIES = new WeakMap<object, Tallies>();

/** The tallies kept for a series, made when it is long enough to keep any. */
function talliesOf(series: Series<unknown>): Tallies | undefined {
  let t = TALLIES.get(series);
  if (t === undefined && series.length >= TALLY_FROM) {
    t = {};
    TALLIES.set(series, t);
  }
  return t;
}

function addMeasurement(byInstrument: Map<string, KeptEnd>, m: Measurement): void {
  if (m.status === 'entered-in-error' || m.instrumentId === null || m.score === null) return;
  const scored = m as InstrumentEnd['first'];
  const end = byInstrument.get(m.instrumentId);
  if (end === undefined) {
    byInstrument.set(m.instrumentId, { first: scored, last: scored, count: 1 });
    return;
  }
  // A stable sort keeps list order among equal times: the first stays first, a later one is last.
  if (m.takenAt < end.first.takenAt) end.first = scored;
  if (m.takenAt >= end.last.takenAt) end.last = scored;
  end.count += 1;
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
  const kept = talliesOf(series);
  let ends = kept?.ends;
  if (ends === undefined) {
    ends = { byInstrument: new Map(), upTo: 0 };
    if (kept !== undefined) kept.ends = ends;
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
  const kept = talliesOf(series);
  let tally = kept?.attended;
  if (tally === undefined) {
    tally = { count: 0, upTo: 0, pending: [] };
    if (kept !== undefined) kept.attended = tally;
  }
  const { pending } = tally;
  // Sessions left pending are read again; those that reached an end need no further look.
  let still = 0;
  for (let k = 0; k < pending.length; k++) {
    const i = pending[k] as number;
    const status = (itemAt(series, i) as Session).status;
    if (status === 'attended') tally.count += 1;
    if (status === 'scheduled') pending[still++] = i;
  }
  pending.length = still;
  for (let i = tally.upTo; i < series.length; i++) {
    const status = (itemAt(series, i) as Session).status;
    if (status === 'attended') tally.count += 1;
    else if (status === 'scheduled') pending.push(i);
  }
  tally.upTo = series.length;
  return tally.count;
}

/** The latest valid measurements of a series, by what they measure (see {@link latestMeasurements}). */
export interface LatestMeasurements {
  /** Per instrument: its latest valid measurement, scored or not (instruments in order of first appearance). */
  readonly byInstrument: ReadonlyMap<string, Measurement>;
  /** Per instrument id (or null), then per indicator (or null): the latest valid measurement of that kind. */
  readonly byKind: ReadonlyMap<string | null, ReadonlyMap<string | null, Measurement>>;
  /**
   * Per instrument, at each response position: the latest valid measurement that answers it (not
   * null) or, at a risk item's, a total entered alone that implies it above its threshold (a PHQ-9
   * of 25 or more: the other items cannot reach it).
   */
  readonly answering: ReadonlyMap<string, readonly (Measurement | undefined)[]>;
}

interface Latest {
  readonly byInstrument: Map<string, Measurement>;
  readonly byKind: Map<string | null, Map<string | null, Measurement>>;
  readonly answering: Map<string, (Measurement | undefined)[]>;
  upTo: number;
}

// "Latest" as a stable sort by time taken would leave it last: a later entry wins a tie.
const later = (m: Measurement, than: Measurement | undefined): boolean => than === undefined || m.takenAt >= than.takenAt;

function addLatest(latest: Latest, m: Measurement): void {
  if (m.status === 'entered-in-error') return;
  let kinds = latest.byKind.get(m.instrumentId);
  if (kinds === undefined) {
    kinds = new Map();
    latest.byKind.set(m.instrumentId, kinds);
  }
  if (later(m, kinds.get(m.indicator))) kinds.set(m.indicator, m);
  if (m.instrumentId === null) return;
  if (later(m, latest.byInstrument.get(m.instrumentId))) latest.byInstrument.set(m.instrumentId, m);
  let answers = latest.answering.get(m.instrumentId);
  if (answers === undefined) latest.answering.set(m.instrumentId, (answers = []));
  if (m.responses === null) {
    // A total the other items cannot reach needs the risk item above its threshold (implied.ts).
    const instrument = getInstrument(m.instrumentId);
    for (const r of instrument?.riskItems ?? []) {
      if ((m.score ?? 0) > impliedAbove(instrument as Instrument, r) && later(m, answers[r.item - 1])) answers[r.item - 1] = m;
    }
    return;
  }
  for (let k = 0; k < m.responses.length; k++) {
    const response = m.responses[k];
    if (response !== null && response !== undefined && later(m, answers[k])) answers[k] = m;
  }
}

/**
 * The latest valid (not entered-in-error) measurement of each instrument, of each kind, and
 * answering each response position, by time taken (a later entry wins a tie).
 *
 * @example
 * ```ts
 * latestMeasurements(seriesOf(state, 'measurements')).answering.get('phq9')?.[8]?.takenAt; // when item 9 was last answered
 * ```
 */
export function latestMeasurements(series: Series<Measurement>): LatestMeasurements {
  const kept = talliesOf(series);
  let latest = kept?.latest;
  if (latest === undefined) {
    latest = { byInstrument: new Map(), byKind: new Map(), answering: new Map(), upTo: 0 };
    if (kept !== undefined) kept.latest = latest;
  }
  for (let i = latest.upTo; i < series.length; i++) addLatest(latest, itemAt(series, i) as Measurement);
  latest.upTo = series.length;
  return latest;
}

/**
 * Called by `editItem` before the entry at position `i` of `series` (this very version) is changed:
 * a measurement's ends and latest are dropped for this version, a session is taken out of the count
 * until read again.
 */
export function entryReplaced(series: object, i: number, before: unknown): void {
  const kept = TALLIES.get(series);
  if (kept === undefined) return;
  kept.ends = undefined;
  kept.latest = undefined;
  const tally = kept.attended;
  if (tally === undefined || i >= tally.upTo || tally.pending.includes(i)) return;
  if ((before as Session).status === 'attended') tally.count -= 1;
  tally.pending.push(i);
}

/** Gives a series' copy (made by copy-on-write) copies of the original's summaries. */
export function shareTallies(original: object, copy: object): void {
  const kept = TALLIES.get(original);
  if (kept === undefined) return;
  const { ends, attended, latest } = kept;
  TALLIES.set(copy, {
    ...(ends === undefined ? {} : { ends: { byInstrument: new Map([...ends.byInstrument].map(([id, e]) => [id, { ...e }])), upTo: ends.upTo } }),
    ...(attended === undefined ? {} : { attended: { count: attended.count, upTo: attended.upTo, pending: [...attended.pending] } }),
    ...(latest === undefined
      ? {}
      : {
          latest: {
            byInstrument: new Map(latest.byInstrument),
            byKind: new Map([...latest.byKind].map(([id, kinds]) => [id, new Map(kinds)])),
            answering: new Map([...latest.answering].map(([id, answers]) => [id, answers.slice()])),
            upTo: latest.upTo,
          },
        }),
  });
}
