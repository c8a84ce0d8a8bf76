import { LifecycleError, isLifecycleError } from '../kernel/errors.js';
import type { Context } from './context.js';
import { decide } from './decide.js';
import type { CaseEvent } from './events.js';
import { applyEvent, createFrom } from './apply-event.js';
import type { OpenCase } from '../case/case.js';
import type { CaseState } from '../case/model/state.js';
import { deepFreeze, freezesStates } from '../case/store/freezing.js';
import { edit } from '../case/store/draft.js';
import { canonicalAt } from '../kernel/canonical-event.js';
import { ownedState } from './owned-state.js';

/** The outcome of {@link dispatch}: the new state and the events recorded, or why not. */
export type DispatchResult =
  | { readonly ok: true; readonly state: CaseState; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly error: LifecycleError };

function applyAll(state: CaseState | null, events: readonly CaseEvent[]): CaseState {
  let current: CaseState;
  let rest = events;
  if (state === null) {
    const [first, ...others] = events;
    if (first?.type !== 'caseOpened') throw new LifecycleError('INVALID_LOG', 'A case starts with a caseOpened event');
    const created = createFrom(first) as CaseState;
    current = freezesStates() ? deepFreeze(created) : created;
    rest = others;
  } else {
    current = state;
  }
  if (rest.length === 0) return current;
  // The state of a dispatchInPlace call (in-place.ts) is changed in place, as replay changes its
  // copy, unless it is frozen; any other is copied on write.
  if (current === ownedState() && Object.isExtensible(current)) {
    for (const event of rest) applyEvent(current, event);
    return current;
  }
  return edit(current, (draft) => {
    for (const event of rest) applyEvent(draft, event);
  });
}

/**
 * Applies one event to a state and returns the new state (structurally shared; frozen outside production). Never
 * refuses: events are facts already decided. Pass `null` with a `caseOpened` event to create a case.
 * Instants written with an offset (by a store that handed them back in its own zone) are stored
 * canonical, as `replay` stores them.
 *
 * @throws {LifecycleError} `INVALID_LOG` for an unknown event type, a first event that does not open the case,
 * or data the event's type cannot have (an instant that is not one, say).
 * @example
 * ```ts
 * const next = evolve(state, event);
 * next.version === event.seq; // true
 * ```
 */
export function evolve(state: CaseState | null, event: CaseEvent): CaseState {
  if (typeof event !== 'object' || event === null) throw logError(`An event must be an object, not ${event === null ? 'null' : typeof event}`, 0);
  try {
    return applyAll(state, [canonicalAt(event)]);
  } catch (e) {
    if (isLifecycleError(e)) throw e;
    throw logError(`The ${String(event.type)} event could not be applied: ${(e as Error)?.message ?? String(e)}`, 0);
  }
}

/**
 * Decides a command and, if it is accepted, applies its events: `{ ok: true, state, events }`. A
 * refused command returns `{ ok: false, error }` and the input state is untouched (the same object).
 *
 * @example
 * ```ts
 * const r = dispatch(state, { type: 'holdCase', reason: 'Client in hospital' }, { actor: lead });
 * if (r.ok) r.state.status; // 'on-hold'
 * else console.log(r.error.code, r.error.message);
 * ```
 */
export function dispatch(state: CaseState | null, command: unknown, ctx: Context): DispatchResult {
  const decided = decide(state, command, ctx);
  if (!decided.ok) return decided;
  return { ok: true, state: applyAll(state, decided.events), events: decided.events };
}

/**
 * {@link dispatch} that throws the refusal instead of returning it.
 *
 * @throws {LifecycleError} when the command is refused.
 * @example
 * ```ts
 * const { state: next, events } = dispatchOrThrow(state, { type: 'startReview' }, { actor: lead });
 * ```
 */
export function dispatchOrThrow(state: CaseState | null, command: unknown, ctx: Context): { state: CaseState; events: readonly CaseEvent[] } {
  const r = dispatch(state, command, ctx);
  if (!r.ok) throw r.error;
  return { state: r.state, events: r.events };
}

/**
 * Opens a case: sugar for `dispatch(null, { type: 'openCase', ...input }, ctx)`.
 *
 * @example
 * ```ts
 * const r = openCase({
 *   clientId: 'client-7',
 *   referral: { source: 'GP', reason: 'Low mood for six months', urgency: 'routine', receivedAt: '2026-01-05T09:00:00.000Z' },
 *   setting: 'clinic',
 * }, { actor: { id: 'p-ana', role: 'lead-practitioner' } });
 * ```
 */
export function openCase(input: Omit<OpenCase, 'type'>, ctx: Context): DispatchResult {
  return dispatch(null, Object.assign({}, input, { type: 'openCase' }), ctx);
}

function logError(message: string, index: number): LifecycleError {
  return new LifecycleError('INVALID_LOG', message, { issues: [{ path: [index], code: 'INVALID_LOG', message }] });
}

/**
 * Folds an event log into the state it records, fast: one private mutable copy, no proxies, no
 * freezing. It checks the log's frame (a first `caseOpened`, one case id, consecutive `seq` from 1,
 * known types); judging whether each step was legal is the record validator's job. Instants the
 * log wrote with an offset (`at`, a measurement's `takenAt`, a session's `scheduledFor`, …) are
 * stored canonical, so a log whose store rewrote its timestamps in another zone folds to the same
 * state, and queries that order instants as text stay right.
 *
 * @throws {LifecycleError} `INVALID_LOG` naming the first bad event.
 * @example
 * ```ts
 * const restored = replay(storedEvents);
 * ```
 */
export function replay(events: readonly CaseEvent[]): CaseState {
  if (!Array.isArray(events) || events.length === 0) throw logError('An event log needs at least the caseOpened event', 0);
  const first = events[0] as CaseEvent;
  if (typeof first !== 'object' || first === null) throw logError(`The first event must be an object, not ${first === null ? 'null' : typeof first}`, 0);
  if (first.type !== 'caseOpened') throw logError(`The first event must be caseOpened, not ${String(first.type)}`, 0);
  if (first.seq !== 1) throw logError(`The first event must have seq 1, not ${String(first.seq)}`, 0);
  let i = 0;
  try {
    const state = createFrom(canonicalAt(first));
    for (i = 1; i < events.length; i++) {
      const given = events[i] as CaseEvent;
      if (typeof given !== 'object' || given === null) throw logError(`Event ${i} must be an object, not ${given === null ? 'null' : typeof given}`, i);
      // What the engine wrote is canonical (24 characters, Z): only a store that rewrote it costs a copy.
      const at: unknown = given.at;
      const event = typeof at === 'string' && at.length === 24 && at.charCodeAt(23) === 90 ? given : canonicalAt(given);
      if (event.seq !== i + 1) throw logError(`Event ${i} has seq ${String(event.seq)}; expected ${i + 1}`, i);
      if (event.caseId !== state.id) throw logError(`Event ${i} belongs to case ${String(event.caseId)}, not ${state.id}`, i);
      if (event.type === 'caseOpened') throw logError(`Event ${i} opens the case a second time`, i);
      applyEvent(state, event);
    }
    return state as CaseState;
  } catch (e) {
    // Events are trusted by evolvers; a malformed one (missing data) still ends as an INVALID_LOG.
    if (isLifecycleError(e)) throw e;
    throw logError(`Event ${i} could not be applied: ${(e as Error)?.message ?? String(e)}`, i);
  }
}
