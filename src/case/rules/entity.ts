import type { z } from 'zod';
import type { AnyCommand, AnyMachine, Rule } from '../../kernel/machine.js';
import type { CaseStatus } from '../model/case.js';
import type { CaseGuardContext } from '../model/context.js';
import type { EventOf } from '../model/events.js';
import type { Role } from '../model/primitives.js';
import type { CaseState } from '../model/state.js';
import type { Decider, Evolvers } from './decision.js';

/** A command's zod schema: a strict object whose `type` is its literal name (what the command union discriminates on). */
export type CommandSchema<C extends AnyCommand> = z.ZodType<C> & { readonly shape: { readonly type: z.ZodLiteral<C['type']> } };

/** What the engine needs of one command besides its decider. */
export interface CommandSpec<C extends AnyCommand> {
  /** Its schema. */
  readonly schema: CommandSchema<C>;
  /** The roles the default matrix (DESIGN.md §5) lets issue it. */
  readonly roles: readonly Role[];
  /**
   * Its row in the case table: the case statuses it is allowed in, and for the commands that move the
   * case, the target and the checks (the case machine is assembled from these rows).
   */
  readonly case: Rule<CaseStatus, C, CaseGuardContext>;
}

/**
 * One entity of the case, as one object: its commands (schema, roles, case-table row), its own
 * lifecycle table, the deciders of its commands and the evolvers of its events. (Beside it, in the
 * same file, each entity exports its {@link CommandOfMap}: kept out of this object so that an app's
 * bundle, which never re-decides a recorded event, does not carry it.) `C` is the entity's command
 * union, `M` the events it owns (and evolves), `E` the events its deciders may emit (its own, and
 * any of another entity's it causes, such as a withdrawn consent suspending a strategy).
 *
 * Every key is required: a command without a schema, roles, a case row or a decider, or an event
 * without an evolver, is a compile error (and one without an inverse, in src/validate/command-of.ts).
 */
export interface EntityModule<C extends AnyCommand, M, E = M> {
  /** The entity's name (`machines` lists its lifecycle under it). */
  readonly name: string;
  /** Its own lifecycle table, or null when the case table alone governs it. */
  readonly machine: AnyMachine | null;
  /**
   * The statuses (in its machine) of the entities a case holds now, so `allowedCommands` offers a
   * command on an entity only while one can take it; null without a machine.
   */
  readonly statuses: ((state: CaseState, at: string) => ReadonlySet<string>) | null;
  readonly commands: { readonly [K in C['type']]: CommandSpec<Extract<C, { type: K }>> };
  readonly deciders: { readonly [K in C['type']]: Decider<Extract<C, { type: K }>, E> };
  /** The evolvers of its events (a case's first event, `caseOpened`, creates the state instead). */
  readonly evolvers: Evolvers<Omit<M, 'caseOpened'>>;
}

/**
 * For each event of an entity, the command that recorded it (creating commands carry the recorded
 * ids): the inverse of its deciders, which the record validator re-decides and compares.
 */
export type CommandOfMap<M> = { readonly [K in keyof M & string]: (event: EventOf<M, K>) => Record<string, unknown> };

/**
 * Declares an entity module, checked against its command union and event maps (given as type
 * arguments; the second call infers nothing wider than they allow).
 *
 * @example
 * ```ts
 * export const note = defineEntity<NoteCommand, NoteEvents>()({ name: 'note', machine: null, statuses: null, commands, deciders, evolvers });
 * ```
 */
/** An entity module of any commands and events, as the registry lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is generic over every entity
export type AnyEntityModule = EntityModule<any, any, any>;

/** The statuses of a collection of entities (for {@link EntityModule.statuses}). */
export function statusesOf(entities: Iterable<{ readonly status: string }>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const e of entities) out.add(e.status);
  return out;
}

export function defineEntity<C extends AnyCommand, M, E = M>(): (module: EntityModule<C, M, E>) => EntityModule<C, M, E> {
  return (module) => Object.freeze(module);
}
