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
 * States are frozen in development and tests, and not when NODE_ENV is "production" (as React
 * freezes props only in development): V8 in Node 20 reads frozen arrays far more slowly — an
 * index loop 2.4×, `for…of` 6×, `filter`, `find` and `slice` 20 to 60× (measured) — which would tax
 * every query an app runs, and freezing was a third of dispatch's time. Copy-on-write never relies
 * on freezing: it tracks the copies it made.
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
import type { CaseState } from './state.js';
import { LifecycleError } from '../kernel/errors.js';
import { ID_PATTERN } from './primitives.js';
import { positionOf, shareIndex } from './series-index.js';

/** The state as evolvers change it: top-level fields are assignable; nested values go through {@link writable}. */
export type Draft = { -readonly [K in keyof CaseState]: CaseState[K] };

/** One level of mutability: an array whose slots can be set, or an object whose fields can. */
export type Writable<T> = T extends readonly (infer U)[] ? U[] : { -readonly [K in keyof T]: T[K] };

/** Entity collections keyed by id. */
type RecordKey = 'goals' | 'strategies' | 'team' | 'consents' | 'evaluations';
/** Entity collections kept in order (time series and histories of entities with an id). */
type ListKey = 'sessions' | 'measurements' | 'assessments' | 'notes' | 'safetyPlans';

interface Made {
  /** The value the copy was made from. */
  readonly original: object;
  /** Finds the values in the copy that are not the original's. */
  readonly changed: Copier<never>['changed'];
}

/**
 * The copies an edit made, each with what it was copied from. An edit makes a handful, so a scan
 * of a small array finds one faster than a Map (which must first give every new object an identity
 * hash); past a few dozen, a Map takes over so that large edits stay linear.
 */
class Copies {
  private readonly copies: object[] = [];
  // What each copy was made from, kept only when the edit will freeze (freezing walks from them).
  private readonly made: Made[] | null;
  private index: Map<object, Made | null> | null = null;

  constructor(keepOriginals: boolean) {
    this.made = keepOriginals ? [] : null;
  }

  add(copy: object, original: object, changed: Made['changed']): void {
    const made = this.made === null ? null : { original, changed };
    if (this.index !== null) {
      this.index.set(copy, made);
      return;
    }
    this.copies.push(copy);
    if (made !== null) this.made?.push(made);
    if (this.copies.length > 32) this.index = new Map(this.copies.map((c, i) => [c, this.made?.[i] ?? null]));
  }

  has(value: object): boolean {
    return this.index !== null ? this.index.has(value) : this.copies.indexOf(value) >= 0;
  }

  /** What a copy was made from (when originals are kept). */
  get(value: object): Made | undefined {
    if (this.index !== null) return this.index.get(value) ?? undefined;
    const i = this.copies.indexOf(value);
    return i < 0 ? undefined : this.made?.[i];
  }
}

// The copies of the edit under way (safe to change in place); null when changing in place is always
// safe (replay's private copy, an immer draft). Edits are synchronous and never nest.
let fresh: Copies | null = null;

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
 * `parent[key]`, ready to be changed in place: within an {@link edit} a value shared with the
 * previous state is replaced by a copy first (once per edit), made by `copier` when given (see
 * copies.ts for why) or a plain shallow copy. `parent` must itself be writable: the draft, or a
 * value this function returned.
 */
export function writable<P extends object, K extends keyof P>(parent: P, key: K, copier?: Copier<NonNullable<P[K]>>): Writable<NonNullable<P[K]>> {
  const value = parent[key] as NonNullable<P[K]> & object;
  if (fresh === null || fresh.has(value)) return value as Writable<NonNullable<P[K]>>;
  if (typeof value !== 'object' || value === null) throw new TypeError(`Cannot edit ${String(key)}: it holds ${String(value)}`);
  const how = (copier ?? (Array.isArray(value) ? arrayCopier : objectCopier)) as unknown as Copier<object>;
  const next = how.copy(value) as Writable<NonNullable<P[K]>> & object;
  if (Array.isArray(value)) shareIndex(value, next);
  fresh.add(next, value, how.changed as Made['changed']);
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
  const entries = writable(d, key) as Record<string, object>;
  return writable(entries, id, COPIERS[key] as Copier<object> | undefined) as Writable<CaseState[K][string]>;
}

/** The entity with this id in an ordered collection, ready to change; undefined when there is none. */
export function editItem<K extends ListKey>(d: Draft, key: K, id: string): Writable<CaseState[K][number]> | undefined {
  const i = positionOf(d[key] as readonly { readonly id: string }[], id);
  if (i === -1) return undefined;
  const items = writable(d, key) as object[];
  return writable(items, i, COPIERS[key] as Copier<object> | undefined) as Writable<CaseState[K][number]>;
}

// Whether edits freeze what they make: decided once, on first use (see the module comment).
let frozenStates: boolean | undefined;

function inProduction(): boolean {
  try {
    // Written out in full so that bundlers replace it; where no `process` exists, it throws.
    return process.env.NODE_ENV === 'production';
  } catch {
    return false;
  }
}

/** Whether new states are frozen: true unless NODE_ENV is "production". */
export function freezesStates(): boolean {
  frozenStates ??= !inProduction();
  return frozenStates;
}

/** Overrides {@link freezesStates} (tests exercise both ways); `undefined` goes back to NODE_ENV. */
export function setFreezesStates(on: boolean | undefined): void {
  frozenStates = on;
}

// Stands for "no original": every field of a new entity differs from it, so `changed` visits them all.
const NONE: object = Object.freeze({});

/**
 * Freezes a new entity of a known kind now, through its copier's list of object fields (walking
 * the keys of an object is the slow part of a generic deep freeze). Only within an edit: replay
 * changes its values in place afterwards.
 */
function freezeEntity(key: string, value: object): void {
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
  freezeEntity(key, value);
  (writable(d, key) as unknown[]).push(value);
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
  freezeEntity(key, value);
  (writable(d, key) as Record<string, unknown>)[id] = value;
}

/**
 * Freezes a value and everything below it that is not frozen yet. Only this library freezes state,
 * and it freezes whole subtrees, so a value that cannot be extended is taken as frozen all the way
 * down (the check is cheaper than `Object.isFrozen`).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || !Object.isExtensible(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  } else {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const field = (value as Record<string, unknown>)[keys[i] as string];
      if (typeof field === 'object' && field !== null) deepFreeze(field);
    }
  }
  return value;
}

/**
 * Freezes what an edit made: a copy is frozen and only its fields that differ from the value it was
 * copied from are visited (what it shares is frozen already); a value the edit built from scratch
 * is frozen whole.
 */
function freezeNew(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const how = (freezingCopies as Copies).get(value);
  if (how === undefined) {
    deepFreeze(value);
    return;
  }
  Object.freeze(value);
  how.changed(value as never, how.original as never, freezeNew);
}

// The copies of the edit being frozen (set only while edit() freezes, so freezeNew needs no closure).
let freezingCopies: Copies | null = null;

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
  const made = new Copies(freeze);
  made.add(draft, base, stateCopier.changed as Made['changed']);
  const previous = fresh;
  fresh = made;
  try {
    change(draft);
  } finally {
    fresh = previous;
  }
  if (!freeze) return draft as CaseState;
  freezingCopies = made;
  try {
    freezeNew(draft);
  } finally {
    freezingCopies = null;
  }
  return draft as CaseState;
}
