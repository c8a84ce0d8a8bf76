/**
 * The long series of a case (measurements, sessions, notes) as dispatch keeps them: chunked vectors
 * whose unchanged chunks are shared between versions, so that a new entry costs the same in a case
 * of 100 entries and of 50,000 (DESIGN.md §2.7). Copying the whole array on each append, as
 * copy-on-write of a plain array must, cost 5 µs at 10,000 entries and 0.4 ms at 50,000, where the
 * copies no longer fit V8's young generation.
 *
 * To the outside the state stays plain JSON: in a state made by dispatch, each such series is an
 * own enumerable property whose getter gives a real, frozen-in-development array, built once per
 * version on first read (so `JSON.stringify`, `structuredClone`, deep equality and every query see
 * an ordinary array). The engine itself reads and writes the vector through {@link seriesOf} and
 * never builds the array. Replay, the validator and immer drafts keep plain arrays.
 */

/** Entries per chunk: an append copies at most one chunk and the list of chunks (n / 256 pointers). */
const CHUNK = 256;

/**
 * A series becomes a vector once it is this long. Shorter ones stay plain arrays: copying a
 * thousand pointers costs about half a microsecond, while a state whose series are vectors costs
 * about one microsecond more to make (V8 builds objects with accessor properties slowly).
 */
export const VECTOR_FROM = 1024;

/** Whether the engine keeps this series as a vector in the next version. */
export function asVector(series: Series<unknown>): boolean {
  return !Array.isArray(series) || series.length >= VECTOR_FROM;
}

/** A persistent vector: full chunks, then the last, maybe partial, chunk. */
export interface Vec<T> {
  readonly chunks: readonly (readonly T[])[];
  readonly length: number;
}

/** A series as the engine reads it: a plain array, or a vector. */
export type Series<T> = readonly T[] | Vec<T>;

/** The series kept as vectors in states made by dispatch. */
export type VecKey = 'measurements' | 'sessions' | 'notes';
export const VEC_KEYS: ReadonlySet<string> = new Set<VecKey>(['measurements', 'sessions', 'notes']);

/** A vector holding the entries of an array (done once, when a plain state first gets a new entry). */
export function vecFrom<T>(items: readonly T[]): Vec<T> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  return { chunks, length: items.length };
}

/** The entry at a position of a series. */
export function itemAt<T>(series: Series<T>, i: number): T | undefined {
  if (Array.isArray(series)) return (series as readonly T[])[i];
  return (series as Vec<T>).chunks[Math.floor(i / CHUNK)]?.[i % CHUNK];
}

/** A new vector with `value` at the end; the old one is unchanged. */
export function vecPush<T>(v: Vec<T>, value: T): Vec<T> {
  const chunks = v.chunks.slice();
  const last = chunks[chunks.length - 1];
  if (last !== undefined && last.length < CHUNK) {
    const grown = last.slice();
    grown.push(value);
    chunks[chunks.length - 1] = grown;
  } else {
    chunks.push([value]);
  }
  return { chunks, length: v.length + 1 };
}

/** A new vector with the entry at `i` replaced; the old one is unchanged. */
export function vecSet<T>(v: Vec<T>, i: number, value: T): Vec<T> {
  const chunks = v.chunks.slice();
  const c = Math.floor(i / CHUNK);
  const chunk = (chunks[c] as readonly T[]).slice();
  chunk[i % CHUNK] = value;
  chunks[c] = chunk;
  return { chunks, length: v.length };
}

// The vectors behind the series properties of states made by dispatch (beside the state, not in it).
const VECS = new WeakMap<object, Partial<Record<VecKey, Vec<unknown>>>>();
// Each vector's array, built once on first read.
const ARRAYS = new WeakMap<Vec<unknown>, readonly unknown[]>();

let freezeArrays = (): boolean => false;

/** Tells this module whether arrays it builds are frozen (draft.ts decides, from NODE_ENV). */
export function setArrayFreezing(decide: () => boolean): void {
  freezeArrays = decide;
}

function arrayOf(owner: object, key: VecKey): readonly unknown[] {
  const v = VECS.get(owner)?.[key];
  if (v === undefined) throw new TypeError(`The ${key} of this object belong to another case state`);
  let array = ARRAYS.get(v);
  if (array === undefined) {
    const built: unknown[] = [];
    for (const chunk of v.chunks) for (let i = 0; i < chunk.length; i++) built.push(chunk[i]);
    if (freezeArrays()) Object.freeze(built);
    array = built;
    ARRAYS.set(v, array);
  }
  return array;
}

const GETTERS: Readonly<Record<VecKey, () => readonly unknown[]>> = {
  measurements(this: object) {
    return arrayOf(this, 'measurements');
  },
  sessions(this: object) {
    return arrayOf(this, 'sessions');
  },
  notes(this: object) {
    return arrayOf(this, 'notes');
  },
};

/** A frozen stand-in the state copier writes where a series is a vector (then replaced by the getter). */
export const VECTOR_FIELD: readonly never[] = Object.freeze([]);

/**
 * A series of a state or draft as the engine reads it: the vector behind a dispatch-made state's
 * property, or the plain array. Never builds the array.
 */
export function seriesOf<T>(state: object, key: VecKey): Series<T> {
  const v = VECS.get(state)?.[key];
  return (v ?? (state as Record<VecKey, readonly T[]>)[key]) as Series<T>;
}

/** What the state copier writes for a series field: the stand-in where it is a vector, else the array. */
export function seriesField<T>(state: object, key: VecKey): readonly T[] {
  return VECS.get(state)?.[key] !== undefined ? (VECTOR_FIELD as readonly T[]) : (state as Record<VecKey, readonly T[]>)[key];
}

/** Makes `key` of `target` (not yet frozen) read from a vector. */
export function setVec(target: object, key: VecKey, v: Vec<unknown>): void {
  let vecs = VECS.get(target);
  if (vecs === undefined) {
    vecs = {};
    VECS.set(target, vecs);
  }
  if (vecs[key] === undefined) Object.defineProperty(target, key, { get: GETTERS[key], enumerable: true, configurable: true });
  vecs[key] = v;
}

/** Gives a fresh copy of a state (`to`, with no vectors yet) the vectors of the state it was copied from. */
export function carryVecs(vecs: Partial<Record<VecKey, Vec<unknown>>>, to: object): void {
  const own: Partial<Record<VecKey, Vec<unknown>>> = {};
  VECS.set(to, own);
  for (const key of VEC_KEYS as ReadonlySet<VecKey>) {
    const v = vecs[key];
    if (v === undefined) continue;
    Object.defineProperty(to, key, { get: GETTERS[key], enumerable: true, configurable: true });
    own[key] = v;
  }
}

/** The vectors of a state (for freezing what an edit made). */
export function vecsOf(state: object): Partial<Record<VecKey, Vec<unknown>>> | undefined {
  return VECS.get(state);
}
