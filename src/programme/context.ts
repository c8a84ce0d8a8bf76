import type { Clock, IdGenerator } from '../kernel/clock.js';
import type { Actor, Role } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';
import type { Policy } from '../engine/context.js';
import type { ProgrammeCommandType } from './commands.js';

/**
 * An app's rules for programmes: its own kinds (kind → the modality members' plans must hold), peer
 * roles and what each may do, and replacement role lists per command.
 *
 * @example
 * ```ts
 * const policy: ProgrammePolicy = {
 *   kinds: { 'walking-group': 'peer-support' },
 *   peerRoles: { 'senior-resident': ['movePhase', 'assignPeerRole'], 'welcomer': ['referMember', 'waitlistMember'] },
 * };
 * ```
 */
export interface ProgrammePolicy {
  readonly kinds?: Readonly<Record<string, string>>;
  /** Peer roles within a community and the programme commands each lets its member issue (default {@link DEFAULT_PEER_ROLES}); never one that reaches members' cases. */
  readonly peerRoles?: Readonly<Record<string, readonly ProgrammeCommandType[]>>;
  readonly roles?: Partial<Record<ProgrammeCommandType, readonly Role[]>>;
  /** The case policy, used when the programme's commands reach members' cases. */
  readonly casePolicy?: Policy;
}

/**
 * What a programme command needs besides itself: who issues it, the clock and ids, the policy, and
 * the members' cases (read to check plans and consents at enrolment; written when a group session
 * reaches them).
 *
 * @example
 * ```ts
 * const ctx: ProgrammeContext = { actor: { id: 'p-lead', role: 'lead-practitioner' }, cases: (id) => store.get(id) };
 * ```
 */
export interface ProgrammeContext {
  readonly actor: Actor;
  readonly now?: Clock;
  readonly newId?: IdGenerator;
  readonly policy?: ProgrammePolicy;
  /** The current state of a member's case, by case id. */
  readonly cases?: (caseId: string) => CaseState | undefined;
}

/**
 * The default peer roles and what each may do. A peer acts only on the programme's own record:
 * commands that reach members' cases (sessions, attendance, ending enrolments) stay with the
 * facilitators, because a case is written only by its client and their care team.
 *
 * @example
 * ```ts
 * DEFAULT_PEER_ROLES['senior-resident']; // ['movePhase', 'assignPeerRole']
 * ```
 */
export const DEFAULT_PEER_ROLES: Readonly<Record<string, readonly ProgrammeCommandType[]>> = {
  'senior-resident': ['movePhase', 'assignPeerRole'],
  'meeting-chair': [],
  buddy: [],
};

/**
 * The programme commands that reach members' cases, which no peer role may be given.
 *
 * @example
 * ```ts
 * REACHES_CASES.includes('recordGroupAttendance'); // true: no peer role may issue it
 * ```
 */
export const REACHES_CASES: readonly ProgrammeCommandType[] = ['scheduleGroupSession', 'recordGroupAttendance', 'cancelGroupSession', 'completeEnrolment', 'dischargeMember', 'transitionMember', 'recordDropOut', 'endProgramme'];
