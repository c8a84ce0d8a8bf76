import { messages } from '../../kernel/messages.js';
import { caseMessages } from '../model/messages.js';
import { LifecycleError, type ErrorCode } from '../../kernel/errors.js';
import type { AnyCommand, Machine } from '../../kernel/machine.js';
import { err, ok, type Result } from '../../kernel/result.js';
import { step } from '../../kernel/step.js';
import type { Env } from '../model/context.js';
import type { DraftOf, EventOf } from '../model/events.js';
import type { CaseState, Draft } from '../model/state.js';

/** What a decider answers: events of the map `M` to record, or why not. */
export type Decision<M> = Result<readonly DraftOf<M>[]>;

/** A refusal: a {@link Decision} of any map. */
export type Refusal = { readonly ok: false; readonly error: LifecycleError };

/** Decides one command type against a case, producing events of the map `M`. */
export type Decider<C, M> = (state: CaseState, command: C, env: Env) => Decision<M>;

/** Applies one event type of the map `M` to a mutable state. Never refuses: events are facts. */
export type Evolver<M, K extends keyof M & string> = (draft: Draft, event: EventOf<M, K>) => void;

/** The evolvers of every event of the map `M`. */
export type Evolvers<M> = { readonly [K in keyof M & string]: Evolver<M, K> };

/** A copy of an object without its `undefined` fields (zod's optional fields under exactOptionalPropertyTypes). */
export function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const value = (o as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** Accepts a command with these events. */
export function accept<M>(...events: DraftOf<M>[]): Decision<M> {
  return ok(events);
}

/**
 * Refuses a command by a rule checked outside a table, worded as the kernel words a guard's refusal
 * ("Cannot recordMeasurement for case c-1: …"), so every refusal reads alike.
 */
export function refuse(code: ErrorCode, rule: string, about: { readonly command: string; readonly entity: string; readonly id: string }, reason: string): Refusal {
  const message = messages.GUARD_FAILED({ machine: about.entity, entityId: about.id, command: about.command, guard: rule, reason });
  return err(new LifecycleError(code, message, { rule, issues: [{ path: [], code: rule, message }] }));
}

/** Refuses a command that names an entity the case does not hold. */
export function notFound(entity: string, id: string, caseId: string, path: string): Refusal {
  const message = caseMessages.NOT_FOUND({ entity, id, caseId });
  return err(new LifecycleError('NOT_FOUND', message, { issues: [{ path: [path], code: 'NOT_FOUND', message }] }));
}

/** Refuses a creating command whose id is already used in the case. */
export function idTaken(entity: string, id: string, caseId: string, path: string): Refusal {
  const message = caseMessages.uniqueId({ entity, id, caseId });
  return err(new LifecycleError('GUARD_FAILED', message, { rule: 'uniqueId', issues: [{ path: [path], code: 'uniqueId', message }] }));
}

/**
 * Runs an entity machine's step and turns a refusal into a {@link Decision}; `undefined` means the
 * step is allowed.
 */
export function stepEntity<S extends string, C extends AnyCommand, X>(
  machine: Machine<S, C, X>,
  status: S | null,
  command: C,
  context: X,
  entityId: string,
): { refusal: Refusal } | { target: S } {
  const r = step(machine, status, command, context, { entityId });
  return r.ok ? { target: r.value } : { refusal: err(r.error) };
}
