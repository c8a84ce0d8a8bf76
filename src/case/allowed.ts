import { allowedMachineCommands } from '../kernel/step.js';
import { systemClock, toInstant } from '../kernel/clock.js';
import type { CommandType } from './commands.js';
import type { Policy } from './context.js';
import type { Env } from './context.js';
import { caseMachine } from './machine.js';
import { DEFAULT_ROLES, permitted } from './policy.js';
import type { Actor } from './primitives.js';
import type { CaseState } from './state.js';

/** Options of {@link allowedCommands}. */
export interface AllowedOptions {
  readonly policy?: Policy;
  /** The instant preconditions are judged at (consent expiry); default now. */
  readonly at?: string;
}

/**
 * The commands a UI may offer now: allowed from the case's status by its table, with the table's
 * preconditions met (so "Activate plan" appears only once the plan is ready), and, given an actor,
 * permitted for that actor's role and team membership. Commands on an entity (agreeGoal, …) are
 * listed when the case allows them; whether a particular goal can take one is that goal's status.
 *
 * @example
 * ```ts
 * allowedCommands(state, { id: 'p-ana', role: 'lead-practitioner' });
 * // ['proposeGoal', 'agreeGoal', …, 'activatePlan', 'holdCase']
 * ```
 */
export function allowedCommands(state: CaseState | null, actor?: Actor, options: AllowedOptions = {}): CommandType[] {
  const policy = options.policy ?? {};
  const env: Env = { at: toInstant(options.at ?? systemClock()), actor: actor ?? { id: '(anyone)', role: 'admin' }, newId: () => '', policy };
  const byTable = state === null ? allowedMachineCommands(caseMachine, null) : allowedMachineCommands(caseMachine, state.status, { state, env });
  if (actor === undefined) return byTable;
  return byTable.filter((type) => {
    // Permission depends on the command's type, not its data, so a minimal command stands in for it.
    const probe = { type } as Parameters<typeof permitted>[1];
    return (policy.roles?.[type] ?? DEFAULT_ROLES[type]) !== undefined && permitted(actor, probe, state, policy) === true;
  });
}
