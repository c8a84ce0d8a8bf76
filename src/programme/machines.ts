import { compareInstants } from '../kernel/clock.js';
import { defineMachine } from '../kernel/machine.js';
import { DELIVERING } from '../case/model/case.js';
import { consentStatus } from '../case/rules/consent.js';
import type { CaseState } from '../case/model/state.js';
import type { ProgrammeCommand, ProgrammeCommandOf } from './commands.js';
import { ENDED_ENROLMENTS, ENROLMENT_STATUSES, GROUP_SESSION_STATUSES, PROGRAMME_STATUSES, type EnrolmentStatus, type GroupSessionStatus, type Member, type ProgrammeState, type ProgrammeStatus } from './model.js';

/** What the programme's guards read: the state, the instant, the members' cases. */
export interface ProgrammeGuardContext {
  readonly state: ProgrammeState | null;
  readonly at: string;
  /** A member's case by id, as the context's `cases` gives it. */
  readonly caseOf: (caseId: string) => CaseState | undefined;
  readonly kinds: Readonly<Record<string, string>>;
  readonly peerRoles: Readonly<Record<string, readonly string[]>>;
  readonly member?: Member;
}

type X = ProgrammeGuardContext;
type MemberCommand = Extract<ProgrammeCommand, { type: 'referMember' | 'waitlistMember' | 'enrolMember' | 'movePhase' | 'assignPeerRole' | 'completeEnrolment' | 'dischargeMember' | 'transitionMember' | 'recordDropOut' }>;
type SessionCommand = Extract<ProgrammeCommand, { type: 'scheduleGroupSession' | 'recordGroupAttendance' | 'cancelGroupSession' }>;

const enrolledCount = (s: ProgrammeState): number => Object.values(s.members).filter((m) => m.status === 'enrolled').length;
const OPEN = ['planned', 'recruiting', 'running'] as const;

/**
 * The programme: planned → recruiting → running → ended | cancelled; member and session commands need it open.
 *
 * @example
 * ```ts
 * toMermaid(programmeMachine); // stateDiagram-v2 … planned --> recruiting : startRecruiting …
 * ```
 */
export const programmeMachine = defineMachine<ProgrammeStatus, ProgrammeCommand, X>({
  id: 'programme',
  states: [...PROGRAMME_STATUSES],
  final: ['ended', 'cancelled'],
  transitions: {
    openProgramme: {
      from: [null],
      to: 'planned',
      guards: [
        { name: 'knownKind', check: (c, x) => Object.prototype.hasOwnProperty.call(x.kinds, c.kind) || `"${c.kind}" is not a programme kind (${Object.keys(x.kinds).join(', ')}); an app adds its own through policy.kinds` },
        { name: 'phaseIdsUnique', check: (c) => new Set((c.phases ?? []).map((p) => p.id)).size === (c.phases ?? []).length || 'phase ids must be unique' },
      ],
    },
    addFacilitator: { from: [...OPEN] },
    removeFacilitator: { from: [...OPEN] },
    startRecruiting: { from: ['planned'], to: 'recruiting', requires: [{ name: 'hasFacilitator', check: (x) => Object.values(x.state?.facilitators ?? {}).some((f) => f.status === 'active') || 'a programme recruits once it has a facilitator' }] },
    startProgramme: { from: ['recruiting'], to: 'running', requires: [{ name: 'someoneEnrolled', check: (x) => (x.state !== null && enrolledCount(x.state) > 0) || 'a programme starts with at least one member enrolled' }] },
    endProgramme: { from: ['running'], to: 'ended' },
    cancelProgramme: { from: ['planned', 'recruiting'], to: 'cancelled' },
    referMember: { from: [...OPEN] },
    waitlistMember: { from: [...OPEN] },
    enrolMember: { from: ['recruiting', 'running'] },
    movePhase: { from: ['running'] },
    assignPeerRole: { from: ['recruiting', 'running'] },
    completeEnrolment: { from: ['running'] },
    dischargeMember: { from: [...OPEN] },
    transitionMember: { from: ['running'] },
    recordDropOut: { from: ['running'] },
    scheduleGroupSession: { from: ['running'] },
    recordGroupAttendance: { from: ['running', 'ended'] },
    cancelGroupSession: { from: ['running', 'ended'] },
  },
});

/** The member's open case with a plan being delivered that holds a strategy of the programme's modality. */
function planHolds(c: ProgrammeCommandOf<'enrolMember'>, x: X): true | string {
  const m = x.member;
  const state = x.state;
  if (m === undefined || state === null) return 'unknown member';
  const kase = x.caseOf(m.caseId);
  if (kase === undefined) return `case ${m.caseId} is not available to check (pass ctx.cases)`;
  if (!DELIVERING.includes(kase.status)) return `case ${m.caseId} is ${kase.status}: a member enrols while their plan is active`;
  // Active, not only planned: the group's sessions are scheduled under it from the first meeting.
  const fits = Object.values(kase.strategies).some((s) => s.modality === state.modality && s.status === 'active');
  return fits || `case ${m.caseId} has no active ${state.modality} strategy for this ${state.kind}`;
}

function consentHolds(c: ProgrammeCommandOf<'enrolMember'>, x: X): true | { code: 'CONSENT_REQUIRED'; message: string } {
  const m = x.member;
  const kase = m === undefined ? undefined : x.caseOf(m.caseId);
  const consent = kase !== undefined && Object.prototype.hasOwnProperty.call(kase.consents, c.consentId) ? kase.consents[c.consentId] : undefined;
  const fits = consent !== undefined && (consent.scope === 'treatment' || consent.scope === `modality:${x.state?.modality ?? ''}`) && consentStatus(consent, x.at) === 'active';
  return fits || { code: 'CONSENT_REQUIRED', message: `consent ${c.consentId} is not an active treatment (or modality:${x.state?.modality ?? ''}) consent in the member's case` };
}

/**
 * A member's enrolment: referred → waitlisted → enrolled → completed | discharged | transitioned | dropped-out.
 *
 * @example
 * ```ts
 * allowedMachineCommands(enrolmentMachine, 'waitlisted'); // ['enrolMember', 'dischargeMember']
 * ```
 */
export const enrolmentMachine = defineMachine<EnrolmentStatus, MemberCommand, X>({
  id: 'enrolment',
  states: [...ENROLMENT_STATUSES],
  final: [...ENDED_ENROLMENTS],
  transitions: {
    referMember: {
      from: [null],
      to: 'referred',
      guards: [
        { name: 'notAlreadyMember', check: (c, x) => !Object.values(x.state?.members ?? {}).some((m) => m.clientId === c.clientId && !ENDED_ENROLMENTS.includes(m.status)) || `client ${c.clientId} is already a member` },
        { name: 'memberCaseOpen', check: (c, x) => { const k = x.caseOf(c.caseId); return (k !== undefined && k.clientId === c.clientId && k.status !== 'closed' && k.status !== 'entered-in-error') || `case ${c.caseId} is not an open case of client ${c.clientId}`; } },
      ],
    },
    waitlistMember: { from: ['referred'], to: 'waitlisted' },
    enrolMember: {
      from: ['referred', 'waitlisted'],
      to: 'enrolled',
      guards: [
        { name: 'capacity', check: (_c, x) => (x.state !== null && enrolledCount(x.state) < x.state.capacity) || { code: 'CONFLICT', message: `the programme is full (capacity ${x.state?.capacity ?? 0}); waitlist the member` } },
        { name: 'planHoldsModality', check: planHolds },
        { name: 'consentActive', check: consentHolds },
        { name: 'confidentialityAgreed', check: (c, x) => compareInstants(c.confidentialityAgreedAt, x.at) <= 0 || 'the confidentiality agreement cannot be dated in the future' },
      ],
    },
    movePhase: {
      from: ['enrolled'],
      guards: [
        { name: 'knownPhase', check: (c, x) => (x.state?.phases ?? []).some((p) => p.id === c.phaseId) || `phase ${c.phaseId} is not a phase of this programme` },
        {
          name: 'phaseOrder',
          check: (c, x) => {
            const phases = x.state?.phases ?? [];
            const from = phases.findIndex((p) => p.id === x.member?.phaseId);
            const to = phases.findIndex((p) => p.id === c.phaseId);
            if (to === from + 1) {
              const phase = phases[from];
              const days = phase === undefined || x.member?.phaseSince == null ? Infinity : (Date.parse(x.at) - Date.parse(x.member.phaseSince)) / 86_400_000;
              return phase === undefined || days >= phase.minDays || `a member spends at least ${phase.minDays} days in ${phase.name} (${Math.floor(days)} so far)`;
            }
            if (to === from - 1) return c.reason !== undefined || 'moving a member back a phase needs a reason';
            return 'a member moves to the next phase, or back one with a reason';
          },
        },
      ],
    },
    assignPeerRole: {
      from: ['enrolled'],
      guards: [{ name: 'knownPeerRole', check: (c, x) => c.peerRole === null || Object.prototype.hasOwnProperty.call(x.peerRoles, c.peerRole) || `"${c.peerRole}" is not a peer role (${Object.keys(x.peerRoles).join(', ')})` }],
    },
    completeEnrolment: { from: ['enrolled'], to: 'completed' },
    dischargeMember: { from: ['referred', 'waitlisted', 'enrolled'], to: 'discharged' },
    transitionMember: { from: ['enrolled'], to: 'transitioned' },
    recordDropOut: { from: ['enrolled'], to: 'dropped-out' },
  },
});

/**
 * A group session: scheduled → held | cancelled. Attendance covers the members expected, and only them.
 *
 * @example
 * ```ts
 * machineEntries(groupSessionMachine).map((e) => e.command); // ['scheduleGroupSession', 'recordGroupAttendance', 'cancelGroupSession']
 * ```
 */
export const groupSessionMachine = defineMachine<GroupSessionStatus, SessionCommand, X & { expected: readonly string[]; scheduledFor: string }>({
  id: 'group-session',
  states: [...GROUP_SESSION_STATUSES],
  final: ['held', 'cancelled'],
  transitions: {
    scheduleGroupSession: {
      from: [null],
      to: 'scheduled',
      requires: [{ name: 'someoneEnrolled', check: (x) => (x.state !== null && enrolledCount(x.state) > 0) || 'no member is enrolled' }],
      guards: [
        {
          name: 'expectedEnrolled',
          check: (c, x) => {
            if (c.expected === undefined) return true;
            const others = c.expected.filter((id, i) => x.state?.members[id]?.status !== 'enrolled' || c.expected?.indexOf(id) !== i);
            return others.length === 0 || `expected names ${others.join(', ')}: each must be an enrolled member, once`;
          },
        },
      ],
    },
    recordGroupAttendance: {
      from: ['scheduled'],
      to: 'held',
      guards: [
        { name: 'notInFuture', check: (_c, x) => compareInstants(x.scheduledFor, x.at) <= 0 || `the session is scheduled for ${x.scheduledFor}, after now` },
        {
          name: 'onlyEnrolledMembers',
          check: (c, x) => {
            const others = Object.keys(c.attendance).filter((id) => !x.expected.includes(id) || x.state?.members[id]?.status !== 'enrolled');
            return others.length === 0 || `attendance names ${others.join(', ')}, not an enrolled member expected at this session`;
          },
        },
        {
          name: 'everyMemberRecorded',
          check: (c, x) => {
            const missing = x.expected.filter((id) => x.state?.members[id]?.status === 'enrolled' && !(id in c.attendance));
            return missing.length === 0 || `attendance of ${missing.join(', ')} is missing: record each enrolled member once`;
          },
        },
      ],
    },
    cancelGroupSession: { from: ['scheduled'], to: 'cancelled' },
  },
});
