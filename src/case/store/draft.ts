import type { Writable, Draft, CaseState } from '../model/state.js';
/**
 * Copy-on-write editing of a case state. Evolvers change a {@link Draft} in place, but they reach
 * anything below the top level through {@link writable} (or the helpers built on it), which copies a
 * shared value the first time it is written in an edit. The same evolver code therefore runs:
 *
 * - in {@link edit}, which dispatch uses: only the path to what changed is copied, the rest is shared
 *   with the previous state (structural sharing, as immer gives), and outside production the result
 *   is frozen;
 * - on replay's private mutable copy, where nothing is copied;
 * - under immer's `produce`, where `writable` hands back immer's own child draft.
 *
 * Why not immer's `produce` in dispatch: on this state shape `produce` alone costs about 3.5 µs per
 * call (proxies, finalising, freezing), the whole budget DESIGN.md §10 allows a validated command.
 *
 * Long series (measurements, sessions, notes) grow as chunked vectors within an edit (series.ts).
 * States are frozen outside production only (freezing.ts says why); copy-on-write never relies on
 * freezing: it tracks the copies it made.
 */
import {
  assessmentCopier,
  consentCopier,
  goalCopier,
  measurementCopier,
  sessionCopier,
  stateCopier,
  strategyCopier,
  teamMemberCopier,
  type Copier,
} from './copies.js';
import { Copies, type Made } from './edit-copies.js';
import { deepFreeze, freezesStates } from './freezing.js';

export { deepFreeze, freezesStates, setFreezesStates } from './freezing.js';
import { LifecycleError } from '../../kernel/errors.js';
import { ID_PATTERN } from '../model/primitives.js';
import { positionOf, shareIndex } from './series-index.js';
import { entryReplaced } from './series-tallies.js';
import { VEC_KEYS, asVector, itemAt, seriesOf, setArrayFreezing, setVec, vecFrom, vecPush, vecSet, vecsOf, type Vec, type VecKey } from './series.js';

/** Entity collections keyed by id. */
type RecordKey = 'goals' | 'strategies' | 'team' | 'consents' | 'evaluations';
/** Entity collections kept in order (time series and histories of entities with an id). */
type ListKey = 'sessions' | 'measurements' | 'assessments' | 'notes' | 'safetyPlans';

/** One edit under way: its draft, the copies it made (safe to change in place), the vector entries it copied. */
interface Session {
  readonly draft: object;
  readonly copies: Copies;
  readonly editedItems: object[];
  /** The edit this one runs inside, if any (an app dispatching from within a change). */
  readonly outer: Session | null;
}

// The edits running, innermost first (a chain through `outer`). Whether a write copies is decided by
// the draft it goes through: a running edit's draft (and what it copied) is copied on write, for that
// edit; any other object — replay's private copy, an immer draft, a state whose edit has ended — is
// changed in place. Edits are synchronous, so between commands the chain is empty. (A weak table from
// draft to edit did the same and cost a tenth of dispatch's speed.)
let running: Session | null = null;

function sessionOf(d: object): Session | null {
  for (let s = running; s !== null; s = s.outer) if (s.draft === d) return s;
  return null;
}

function changedItems(copy: readonly unknown[], original: readonly unknown[], visit: (value: unknown) => void): void {
  for (let i = 0; i < copy.length; i++) if (copy[i] !== original[i]) visit(copy[i]);
}

// For a plain object of no known kind (a keyed collection, say): slower, as it walks the keys.
function changedFields(copy: Record<string, unknown>, original: Record<string, unknown>, visit: (value: unknown) => void): void {
  const keys = Object.keys(copy);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (copy[key] !== original[key]) visit(copy[key]);
  }
}

const arrayCopier: Copier<unknown[]> = { copy: (a) => [...a], changed: changedItems };
const objectCopier: Copier<Record<string, unknown>> = { copy: (o) => ({ ...o }), changed: changedFields };

/**
 * `parent[key]`, ready to be changed in place: within an {@link edit} of `d` a value shared with the
 * previous state is replaced by a copy first (once per edit), made by `copier` when given (see
 * copies.ts for why) or a plain shallow copy. `parent` must itself be writable: the draft, or a
 * value this function returned for the same draft. Outside an edit (replay's private copy, an immer
 * draft) the value is returned as it is.
 */
export function writable<P extends object, K extends keyof P>(d: Draft, parent: P, key: K, copier?: Copier<NonNullable<P[K]>>): Writable<NonNullable<P[K]>> {
  return writableIn(sessionOf(d), parent, key, copier);
}

function writableIn<P extends object, K extends keyof P>(fresh: Session | null, parent: P, key: K, copier?: Copier<NonNullable<P[K]>>): Writable<NonNullable<P[K]>> {
  const value = parent[key] as NonNullable<P[K]> & object;
  if (fresh === null || fresh.copies.has(value)) return value as Writable<NonNullable<P[K]>>;
  if (typeof value !== 'object' || value === null) throw new TypeError(`Cannot edit ${String(key)}: it holds ${String(value)}`);
  const how = (copier ?? (Array.isArray(value) ? arrayCopier : objectCopier)) as unknown as Copier<object>;
  const next = how.copy(value) as Writable<NonNullable<P[K]>> & object;
  if (Array.isArray(value)) shareIndex(value, next);
  fresh.copies.add(next, value, how.changed as Made['changed']);
  (parent as Record<PropertyKey, unknown>)[key as PropertyKey] = next;
  return next;
}

// How each kind of entity is copied when first changed in an edit.
type Entity<K> = K extends RecordKey ? CaseState[K][string] : K extends ListKey ? CaseState[K][number] : never;

const COPIERS: { readonly [K in RecordKey | ListKey]?: Copier<Entity<K>> } = {
  assessments: assessmentCopier,
  goals: goalCopier,
  strategies: strategyCopier,
  sessions: sessionCopier,
  team: teamMemberCopier,
  consents: consentCopier,
  measurements: measurementCopier,
};

/** The entity with this id in a keyed collection, ready to change; undefined when there is none. */
export function editEntry<K extends RecordKey>(d: Draft, key: K, id: string): Writable<CaseState[K][string]> | undefined {
  if (!Object.prototype.hasOwnProperty.call(d[key], id)) return undefined;
  const fresh = sessionOf(d);
  const entries = writableIn(fresh, d, key) as Record<string, object>;
  return writableIn(fresh, entries, id, COPIERS[key] as Copier<object> | undefined) as Writable<CaseState[K][string]>;
}

/** The entity with this id in an ordered collection, ready to change; undefined when there is none. */
export function editItem<K extends ListKey>(d: Draft, key: K, id: string): Writable<CaseState[K][number]> | undefined {
  const fresh = sessionOf(d);
  if (fresh !== null && VEC_KEYS.has(key) && asVector(seriesOf(d, key as VecKey))) return editVecItem(fresh, d, key as VecKey, id) as Writable<CaseState[K][number]> | undefined;
  const i = positionOf(d[key] as readonly { readonly id: string }[], id);
  if (i === -1) return undefined;
  const items = writableIn(fresh, d, key) as object[];
  // Before the entry changes (in place, or replaced by a copy): the series' tallies must know.
  entryReplaced(items, i, items[i]);
  return writableIn(fresh, items, i, COPIERS[key] as Copier<object> | undefined) as Writable<CaseState[K][number]>;
}

// Stands for "no original": every field of a new entity differs from it, so `changed` visits them all.
const NONE: object = Object.freeze({});

/**
 * Freezes a new entity of a known kind now, through its copier's list of object fields (walking
 * the keys of an object is the slow part of a generic deep freeze). Only within an edit: replay
 * changes its values in place afterwards.
 */
function freezeEntity(fresh: Session | null, key: string, value: object): void {
  if (fresh === null || !freezesStates()) return;
  const copier = (COPIERS as Readonly<Record<string, Copier<object>>>)[key];
  if (copier === undefined) {
    deepFreeze(value);
    return;
  }
  Object.freeze(value);
  copier.changed(value, NONE, deepFreeze);
}

/** Adds a new value at the end of an ordered part of the state. */
export function append<K extends { [P in keyof CaseState]: CaseState[P] extends readonly unknown[] ? P : never }[keyof CaseState]>(
  d: Draft,
  key: K,
  value: CaseState[K][number],
): void {
  const fresh = sessionOf(d);
  freezeEntity(fresh, key, value);
  if (fresh !== null && VEC_KEYS.has(key) && asVector(seriesOf(d, key as VecKey))) {
    // Within an edit a long series grows as a vector: one chunk is copied, not the whole series.
    const vec = vecOfDraft(d, key as VecKey);
    const next = vecPush(vec, value);
    shareIndex(vec, next);
    setVec(d, key as VecKey, next);
    return;
  }
  (writableIn(fresh, d, key) as unknown[]).push(value);
}

/** The draft's series as a vector (made from a plain array once, sharing its index). */
function vecOfDraft(d: Draft, key: VecKey): Vec<unknown> {
  const series = seriesOf<unknown>(d, key);
  if (!Array.isArray(series)) return series as Vec<unknown>;
  const vec = vecFrom(series as readonly unknown[]);
  shareIndex(series, vec);
  return vec;
}

/** {@link editItem} on a vector series: the entry is copied, and only its chunk with it. */
function editVecItem(fresh: Session, d: Draft, key: VecKey, id: string): object | undefined {
  const vec = vecOfDraft(d, key);
  const i = positionOf(vec as Vec<{ readonly id: string }>, id);
  if (i === -1) return undefined;
  const item = itemAt(vec, i) as object;
  if (fresh.copies.has(item)) return item;
  const copier = COPIERS[key] as Copier<object> | undefined;
  const copy = copier === undefined ? { ...item } : copier.copy(item);
  fresh.copies.add(copy, item, (copier?.changed ?? changedFields) as Made['changed']);
  const next = vecSet(vec, i, copy);
  shareIndex(vec, next);
  entryReplaced(next, i, item);
  setVec(d, key, next);
  fresh.editedItems.push(copy);
  return copy;
}

/**
 * Sets (adds or replaces) the entity with this id in a keyed collection, checking the id where it becomes a key:
 * a replayed log skipped the command schemas, and `__proto__` would replace the collection's prototype.
 */
export function put<K extends RecordKey>(d: Draft, key: K, id: string, value: CaseState[K][string]): void {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    const message = `${String(key)} cannot hold an entry with id ${JSON.stringify(id) ?? String(id)}: not an id`;
    throw new LifecycleError('INVALID_LOG', message, { issues: [{ path: [key, String(id)], code: 'INVALID_LOG', message }] });
  }
  const fresh = sessionOf(d);
  freezeEntity(fresh, key, value);
  (writableIn(fresh, d, key) as Record<string, unknown>)[id] = value;
}

/**
 * Freezes what an edit made: a copy is frozen and only its fields that differ from the value it was
 * copied from are visited (what it shares is frozen already); a value the edit built from scratch
 * is frozen whole.
 */
function freezeNew(made: Copies, value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const how = made.get(value);
  if (how === undefined) {
    deepFreeze(value);
    return;
  }
  Object.freeze(value);
  how.changed(value as never, how.original as never, (v) => freezeNew(made, v));
}

/** Freezes the vectors of a new state: their chunk lists and the chunks not frozen yet (the new ones). */
function freezeVecs(state: object): void {
  const vecs = vecsOf(state);
  if (vecs === undefined) return;
  for (const v of Object.values(vecs)) {
    if (v === undefined || !Object.isExtensible(v)) continue;
    Object.freeze(v);
    Object.freeze(v.chunks);
    for (const chunk of v.chunks) if (Object.isExtensible(chunk)) Object.freeze(chunk);
  }
}


/**
 * Applies `change` to a copy of `base` and returns the new state: values the change did not reach
 * are shared with `base`. Where states are frozen ({@link freezesStates}), the new state is frozen
 * all the way down, and a `base` that is not frozen yet (read from storage, or replayed) is frozen
 * first.
 *
 * @example
 * ```ts
 * const next = edit(state, (d) => { d.version += 1; });
 * ```
 */
export function edit(base: CaseState, change: (draft: Draft) => void): CaseState {
  const freeze = freezesStates();
  if (freeze) deepFreeze(base);
  const draft = stateCopier.copy(base) as Draft;
  setArrayFreezing(freezesStates);
  const made = new Copies(freeze);
  made.add(draft, base, stateCopier.changed as Made['changed']);
  const session: Session = { draft, copies: made, editedItems: [], outer: running };
  running = session;
  try {
    change(draft);
  } finally {
    // Once the edit ends its draft is a plain value again: nothing copies on its account.
    running = session.outer;
  }
  if (!freeze) return draft as CaseState;
  freezeNew(made, draft);
  for (const item of session.editedItems) freezeNew(made, item);
  freezeVecs(draft);
  return draft as CaseState;
}
