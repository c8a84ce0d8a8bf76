import type { ErrorCode } from './errors.js';

/** The smallest shape a command has: a string discriminant `type`. */
export interface AnyCommand {
  readonly type: string;
}

/**
 * What a guard answers: `true` to allow, a sentence to refuse with `GUARD_FAILED`, or a code and a
 * sentence to refuse with another code (`FORBIDDEN`, `CONSENT_REQUIRED`, `NOT_FOUND`, …).
 */
export type GuardVerdict = true | string | { readonly code: ErrorCode; readonly message: string };

/**
 * A named check that reads the command (narrowed to its rule's type) and the context.
 *
 * @example
 * ```ts
 * const reasonGiven: Guard<{ type: 'hold'; reason: string }, unknown> = {
 *   name: 'reasonGiven',
 *   check: (command) => command.reason.trim() !== '' || 'a reason is needed',
 * };
 * ```
 */
export interface Guard<C, X> {
  /** The rule's name, reported in `LifecycleError.rule` when it refuses. */
  readonly name: string;
  /** Answers `true` to allow, or why not. */
  readonly check: (command: C, context: X) => GuardVerdict;
}

/**
 * A named check that needs only the context, not the command's data. Preconditions are also
 * consulted by `allowedMachineCommands`, so a UI can hide a button whose precondition fails.
 *
 * @example
 * ```ts
 * const hasLead: Precondition<{ leadId?: string }> = {
 *   name: 'hasLead',
 *   check: (context) => context.leadId !== undefined || 'a lead practitioner is needed',
 * };
 * ```
 */
export interface Precondition<X> {
  /** The rule's name, reported in `LifecycleError.rule` when it refuses. */
  readonly name: string;
  /** Answers `true` to allow, or why not. */
  readonly check: (context: X) => GuardVerdict;
}

/**
 * A target status chosen at run time from a declared set (for example "resume returns to the status
 * it was held from"). The set is what `toMermaid` draws; `step` refuses a pick outside it.
 */
export interface DynamicTarget<S extends string, C, X> {
  /** Every status `pick` may choose. */
  readonly oneOf: readonly S[];
  /** Chooses the target for this command, context and current status. */
  readonly pick: (command: C, context: X, from: S | null) => S;
}

/**
 * One row of a transition table: from which statuses the command is allowed, where it leads, and the
 * checks it must pass. `from` may hold `null`, the "no entity yet" status of a creating command.
 * Without `to` the status stays as it is (the command records something without moving the entity).
 */
export interface Rule<S extends string, C, X> {
  /** The statuses the command is allowed from; `null` for "no entity yet". */
  readonly from: readonly (S | null)[];
  /** The status after the command: fixed, chosen at run time, or (absent) unchanged. */
  readonly to?: S | DynamicTarget<S, C, X>;
  /** Checks on the context alone, checked first and also by `allowedMachineCommands`. */
  readonly requires?: readonly Precondition<X>[];
  /** Checks that read the command, in order; the first refusal wins. */
  readonly guards?: readonly Guard<C, X>[];
}

/** A transition table keyed by command type: each rule's guards receive the narrowed command. */
export type TransitionTable<S extends string, C extends AnyCommand, X> = {
  readonly [K in C['type']]?: Rule<S, Extract<C, { type: K }>, X>;
};

/**
 * A lifecycle as data: its statuses, its final statuses and its transition table.
 * `S` is the status union, `C` the command union, `X` the context guards read.
 */
export interface Machine<S extends string, C extends AnyCommand, X> {
  /** The machine's name, used in messages ("goal g-2 is proposed"). */
  readonly id: string;
  /** Every status, in the order diagrams list them. */
  readonly states: readonly S[];
  /** Statuses with no way out (drawn to `[*]`). */
  readonly final: readonly S[];
  /** The rules, keyed by command type. */
  readonly transitions: TransitionTable<S, C, X>;
}

/** A machine of any statuses, commands and context, as the helpers that only read tables take it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the helpers are generic over every machine
export type AnyMachine = Machine<any, any, any>;

/** One row of a table in flat form, as {@link machineEntries} lists it. */
export interface MachineEntry {
  /** The statuses the command is allowed from (`null`: creation). */
  readonly from: readonly (string | null)[];
  /** The command type. */
  readonly command: string;
  /** The possible targets, or `'unchanged'`. */
  readonly to: readonly string[] | 'unchanged';
  /** Names of the preconditions. */
  readonly requires: readonly string[];
  /** Names of the guards. */
  readonly guards: readonly string[];
}

/**
 * Declares a machine. It only checks the table (every status named in a rule is declared) and returns
 * it unchanged, so machines stay plain, tree-shakable data.
 *
 * @throws {TypeError} when a rule names a status the machine does not declare (a programming error).
 * @example
 * ```ts
 * type Status = 'open' | 'closed';
 * type Command = { type: 'open' } | { type: 'close'; reason: string };
 * const door = defineMachine<Status, Command, unknown>({
 *   id: 'door',
 *   states: ['open', 'closed'],
 *   final: ['closed'],
 *   transitions: {
 *     open: { from: [null], to: 'open' },
 *     close: { from: ['open'], to: 'closed', guards: [{ name: 'reasonGiven', check: (c) => c.reason !== '' || 'give a reason' }] },
 *   },
 * });
 * ```
 */
export function defineMachine<S extends string, C extends AnyCommand, X>(machine: Machine<S, C, X>): Machine<S, C, X> {
  const known = new Set<string>(machine.states);
  for (const entry of machineEntries(machine)) {
    const named = [...entry.from.filter((s): s is string => s !== null), ...(entry.to === 'unchanged' ? [] : entry.to)];
    for (const status of named) {
      if (!known.has(status)) {
        throw new TypeError(`Machine ${machine.id}: rule ${entry.command} names undeclared status ${status}`);
      }
    }
  }
  for (const status of machine.final) {
    if (!known.has(status)) throw new TypeError(`Machine ${machine.id}: final status ${status} is not declared`);
  }
  // The table is data and stays as declared: frozen, and indexed once for step's lookups.
  const transitions = Object.freeze(machine.transitions);
  RULES.set(transitions, new Map(Object.entries(transitions as Record<string, unknown>).filter(([, rule]) => rule !== undefined)));
  return machine;
}

// The rules of each table made by defineMachine, by command type: a Map is faster than a keyed
// read of the table object, and never finds Object.prototype members such as "constructor".
const RULES = new WeakMap<object, ReadonlyMap<string, unknown>>();

/** The indexed rules of a table made by {@link defineMachine}; undefined for any other table. */
export function rulesOf(transitions: object): ReadonlyMap<string, unknown> | undefined {
  return RULES.get(transitions);
}

/**
 * The table as a flat list of `{ from, command, to, requires, guards }` rows, in table order.
 *
 * @example
 * ```ts
 * machineEntries(door).map((e) => e.command); // ['open', 'close']
 * ```
 */
export function machineEntries(machine: AnyMachine): MachineEntry[] {
  const rows: MachineEntry[] = [];
  for (const [command, rule] of Object.entries(machine.transitions as Record<string, Rule<string, unknown, unknown> | undefined>)) {
    if (rule === undefined) continue;
    rows.push({
      from: rule.from,
      command,
      to: rule.to === undefined ? 'unchanged' : typeof rule.to === 'string' ? [rule.to] : rule.to.oneOf,
      requires: (rule.requires ?? []).map((g) => g.name),
      guards: (rule.guards ?? []).map((g) => g.name),
    });
  }
  return rows;
}
