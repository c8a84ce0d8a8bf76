import { caseMessages } from '../case/model/messages.js';
import type { CaseCommand, CommandType } from './command-types.js';
import { ROLES_BY_TYPE } from './registry.js';
import type { Policy } from './context.js';
import { CLINICAL_ROLES, type Actor, type Role } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';
import type { TeamMember } from '../case/model/team.js';

const CLINICAL = CLINICAL_ROLES;

/**
 * Whether an actor may issue a command on a case: their role is in the matrix (or the app's
 * replacement); a clinician or family member must be an active team member once the case has a
 * team (supervisors and admins oversee without joining; before anyone joins, intake staff act); the
 * first lead may be named by any clinician; and the app's own `authorize` rule agrees.
 *
 * @returns `true`, or the reason for refusing (reported as FORBIDDEN).
 * @example
 * ```ts
 * permitted({ id: 'p-1', role: 'client' }, { type: 'activatePlan' }, state, {}); // 'activatePlan needs the role …'
 * ```
 */
export function permitted(actor: Actor, command: CaseCommand, state: CaseState | null, policy: Policy): true | string {
  const byRole = permittedByRole(actor, command.type, state, policy);
  if (byRole !== true) return byRole;
  return policy.authorize ? policy.authorize(actor, command, state) : true;
}

/**
 * The part of {@link permitted} that depends only on the command's type: the role matrix, team
 * membership and the client's own case. `allowedCommands` asks this, and never hands the app's
 * `authorize` a command it did not write.
 */
export function permittedByRole(actor: Actor, type: CommandType, state: CaseState | null, policy: Policy): true | string {
  const roles = policy.roles?.[type] ?? (ROLES_BY_TYPE.get(type) as readonly Role[]);
  // From JavaScript a role list may be anything: a string would pass `includes` by substring.
  if (!Array.isArray(roles)) return caseMessages.rolesNotAList({ command: type, got: typeof roles });
  const firstLead = (type === 'assignLead' || type === 'addTeamMember') && state !== null && state.leadMemberId === null;
  if (!roles.includes(actor.role) && !(firstLead && CLINICAL.includes(actor.role))) {
    return caseMessages.role({ command: type, roles, actor: actor.id, role: actor.role });
  }
  if (state !== null && actor.role !== 'client' && actor.role !== 'supervisor' && actor.role !== 'admin') {
    // Once the case has an active team, only its members act clinically (looped: this runs on every command).
    let team = false;
    let member = false;
    for (const id in state.team) {
      const m = state.team[id] as TeamMember;
      if (m.status !== 'active') continue;
      team = true;
      if (m.personId === actor.id) {
        member = true;
        break;
      }
    }
    if (team && !member) return caseMessages.onCareTeam({ actor: actor.id, caseId: state.id });
  }
  if (actor.role === 'client' && state !== null && actor.id !== state.clientId) {
    return caseMessages.ownCase({ actor: actor.id, caseId: state.id });
  }
  return true;
}
