import type { Clock, IdGenerator } from '../kernel/clock.js';
import type { CaseCommand, CommandType } from './command-types.js';
import type { PolicySettings } from '../case/model/context.js';
import type { Actor, Role } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';

/**
 * An app's rules on top of the library's: who may issue what, extra checks, and defaults.
 *
 * @example
 * ```ts
 * const policy: Policy = {
 *   roles: { addNote: ['therapist', 'lead-practitioner', 'supervisor', 'client'] },
 *   authorize: (actor, command) => command.type !== 'closeCase' || actor.id !== 'p-intern' || 'interns may not close cases',
 *   reviewIntervalDays: 42,
 * };
 * ```
 */
export interface Policy extends PolicySettings {
  /** Replaces the default roles allowed to issue a command, per command type. */
  readonly roles?: Partial<Record<CommandType, readonly Role[]>>;
  /** An extra rule, consulted after the role matrix: `true`, or why not (refused as FORBIDDEN). */
  readonly authorize?: (actor: Actor, command: CaseCommand, state: CaseState | null) => true | string;
}

/**
 * What every command needs besides itself: who issues it, and optionally the clock, the id
 * generator, the app's policy and the version the caller expects (optimistic concurrency).
 *
 * @example
 * ```ts
 * const ctx: Context = { actor: { id: 'p-ana', role: 'lead-practitioner' }, now: () => '2026-01-05T10:00:00.000Z' };
 * ```
 */
export interface Context {
  readonly actor: Actor;
  readonly now?: Clock;
  readonly newId?: IdGenerator;
  readonly policy?: Policy;
  readonly expectedVersion?: number;
}
