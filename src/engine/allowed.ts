import { allowedMachineCommands } from '../kernel/step.js';
import type { AnyMachine, Rule } from '../kernel/machine.js';
import { systemClock, toInstant } from '../kernel/clock.js';
import type { CommandType } from './command-types.js';
import type { Policy } from './context.js';
import type { Env } from '../case/model/context.js';
import { permittedByRole } from './policy.js';
import { DEFAULT_ROLES, ENTITY_MACHINES, caseMachine } from './registry.js';
import type { Actor } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';

/** Options of {@link allowedCommands}. */
export interface AllowedOptions {
  readonly policy?: Policy;
  /** The instant preconditions are judged at (consent expiry); default now. */
  readonly at?: string;
}

/**
 * The machines of what a case holds, each with the statuses its entities are in now. A command that
 * acts on an existing entity (not one that creates it) is offered only while some entity is in a
 * status the command is allowed from: no "Resolve crisis" without a crisis, no "Agree goal" without a
 * proposed goal.
 */
function entityStatuses(state: CaseState, at: string): readonly (readonly [AnyMachine, ReadonlySet<string>])[] {
  return ENTITY_MACHINES.map((m) => [m.machine, m.statuses(state, at)] as const);
}

/** Whether some entity can take the command now (true for commands that create one, or no machine's). */
function someEntityCan(type: string, machines: ReturnType<typeof entityStatuses>): boolean {
  for (const [machine, present] of machines) {
    const rule = (machine.transitions as Record<string, Rule<string, unknown, unknown> | undefined>)[type];
    if (rule === undefined || rule.from.includes(null)) continue;
    return rule.from.some((status) => status !== null && present.has(status));
  }
  return true;
}

/**
 * The commands a UI may offer now: allowed from the case's status by its table, with the table's
 * preconditions met (so "Activate plan" appears only once the plan is ready); for commands on an
 * entity (agreeGoal, resolveCrisis, …), only while some entity is in a status that takes them; and,
 * given an actor, permitted for that actor's role and team membership. The app's `authorize` rule is
 * judged when a command is dispatched, with its real data, never here on a stand-in.
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
  let offered = state === null ? allowedMachineCommands(caseMachine, null) : allowedMachineCommands(caseMachine, state.status, { state, env });
  if (state !== null) {
    const machines = entityStatuses(state, env.at);
    offered = offered.filter((type) => someEntityCan(type, machines));
  }
  if (actor === undefined) return offered;
  return offered.filter((type) => (policy.roles?.[type] ?? DEFAULT_ROLES[type]) !== undefined && permittedByRole(actor, type, state, policy) === true);
}
