/**
 * Positions by id in a case's ordered series (measurements, sessions, notes, safety plans), so that
 * finding one entry does not scan the series: a case of 50,000 measurements took 50,000 steps to
 * check that a new measurement's id was free, and replay and validation grew with the square of
 * the log. The index lives beside the state, not in it: the state stays plain JSON.
 *
 * Series only grow at the end, and an entry is only ever replaced by one with the same id, so an
 * index built for a series stays right for every later version of it. Versions share one map
 * (copy-on-write hands it to each copy, see {@link shareIndex}); each version records how far it
 * has indexed and catches up its own tail lazily. Two versions that grew apart may have written
 * different positions for one id: a position is trusted only after checking the entry there, and
 * a mismatch falls back to a scan, so a shared map can make a lookup slower, never wrong.
 */

import { itemAt, type Series as SeriesOf } from './series.js';
import { shareTallies } from './series-tallies.js';

interface Index {
  /** id → position, shared by the versions of one series. */
  readonly positions: Map<string, number>;
  /** Entries of this version below this position are in the map. */
  upTo: number;
}

type Series = SeriesOf<{ readonly id: string }>;

const INDEXES = new WeakMap<object, Index>();

/** Series shorter than this are scanned, not indexed (and their goals' last two are not cached). */
export const INDEX_FROM = 256;

/**
 * The position of the entry with this id in a series, or -1.
 *
 * @example
 * ```ts
 * positionOf(state.measurements, 'ms-12'); // 11
 * ```
 */
export function positionOf(series: Series, id: string): number {
  // A short series is scanned: cheaper than keeping an index for every version of it.
  if (series.length < INDEX_FROM) {
    for (let i = 0; i < series.length; i++) if ((itemAt(series, i) as { id: string }).id === id) return i;
    return -1;
  }
  let index = INDEXES.get(series);
  if (index === undefined) {
    index = { positions: new Map(), upTo: 0 };
    INDEXES.set(series, index);
  }
  const { positions } = index;
  for (let i = index.upTo; i < series.length; i++) positions.set((itemAt(series, i) as { id: string }).id, i);
  index.upTo = series.length;
  const at = positions.get(id);
  if (at === undefined) return -1;
  if (at < series.length && (itemAt(series, at) as { id: string }).id === id) return at;
  // Another version wrote this id's position: look for it here the slow way.
  for (let i = 0; i < series.length; i++) if ((itemAt(series, i) as { id: string }).id === id) return i;
  return -1;
}

/** Per goal, the positions of its previous and latest measurement (-1 for none), for one series version. */
export type GoalPairs = Map<string, readonly [previous: number, latest: number]>;

const PAIRS = new WeakMap<object, GoalPairs>();

/**
 * The cached last-two positions of each goal in this measurement series (see achievement.ts), made
 * on first use. Unlike the id index it is copied, not shared, to each new version: it is small (one
 * entry per goal), and a version's pairs must never be another's.
 */
export function goalPairs(series: Series): GoalPairs {
  let pairs = PAIRS.get(series);
  if (pairs === undefined) {
    pairs = new Map();
    PAIRS.set(series, pairs);
  }
  return pairs;
}

/**
 * Hands a series' index (shared), goal pairs and tallies (copied, series-tallies.ts) to its copy:
 * copy-on-write made `copy` from `original`, and the copy should not index its entries again.
 */
export function shareIndex(original: object, copy: object): void {
  // A short series has neither (positionOf scans it, achievement.ts keeps no pairs for it): no lookups.
  if ((original as Series).length >= INDEX_FROM) {
    const index = INDEXES.get(original);
    if (index !== undefined) INDEXES.set(copy, { positions: index.positions, upTo: Math.min(index.upTo, (copy as Series).length) });
    const pairs = PAIRS.get(original);
    if (pairs !== undefined) PAIRS.set(copy, new Map(pairs));
  }
  shareTallies(original, copy);
}
