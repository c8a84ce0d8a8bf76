import { LifecycleError } from '../kernel/errors.js';
import { step } from '../kernel/step.js';
import type { ProgrammeCommand } from './commands.js';
import { enrolmentMachine, groupSessionMachine, programmeMachine, type ProgrammeGuardContext } from './machines.js';
import { ENDED_ENROLMENTS, type ProgrammeEventMap, type ProgrammeEventType, type ProgrammeState } from './model.js';

/** An event before the dispatcher stamps the envelope on it. */
export type ProgrammeDraft = { [K in ProgrammeEventType]: { readonly type: K; readonly data: ProgrammeEventMap[K]; readonly reason?: string } }[ProgrammeEventType];

/** What deciding a programme command gives: the events it records, or why not. */
export type ProgrammeDecision = { readonly ok: true; readonly events: ProgrammeDraft[] } | { readonly ok: false; readonly error: LifecycleError };

const refuse = (error: LifecycleError): ProgrammeDecision => ({ ok: false, error });
const accept = (...events: ProgrammeDraft[]): ProgrammeDecision => ({ ok: true, events });
const notFound = (what: string, id: string): ProgrammeDecision => refuse(new LifecycleError('NOT_FOUND', `${what} ${id} is not in this programme`, { issues: [{ path: [`${what}Id`], code: 'NOT_FOUND', message: `${what} ${id} is not in this programme` }] }));
const reasonOf = (c: { reason?: string | undefined }): { reason?: string } => (c.reason === undefined ? {} : { reason: c.reason });

/**
 * Decides a programme command against the programme's state (null before it opens): the programme
 * table first, then the member's enrolment table or the session's table, each with its guards.
 * `x` carries the instant, the members' cases and the policy's kinds and peer roles.
 */
export function decideProgramme(state: ProgrammeState | null, c: ProgrammeCommand, x: ProgrammeGuardContext, newId: () => string): ProgrammeDecision {
  const p = step(programmeMachine, state?.status ?? null, c, x, state === null ? {} : { entityId: state.id });
  if (!p.ok) return refuse(p.error);
  if (c.type === 'openProgramme') {
    if (state !== null) return refuse(new LifecycleError('CONFLICT', `programme ${state.id} is already open`));
    const modality = x.kinds[c.kind] as string;
    return accept({ type: 'programmeOpened', data: { programmeId: c.programmeId, kind: c.kind, name: c.name, modality, capacity: c.capacity, phases: (c.phases ?? []).map((ph) => ({ id: ph.id, name: ph.name, minDays: ph.minDays ?? 0 })) } });
  }
  const s = state as ProgrammeState;
  switch (c.type) {
    case 'addFacilitator': {
      const id = c.facilitatorId ?? newId();
      if (Object.prototype.hasOwnProperty.call(s.facilitators, id)) return refuse(new LifecycleError('CONFLICT', `facilitator id ${id} is taken`));
      return accept({ type: 'facilitatorAdded', data: { facilitatorId: id, personId: c.personId, role: c.role } });
    }
    case 'removeFacilitator': {
      const f = own(s.facilitators, c.facilitatorId);
      if (f === undefined || f.status !== 'active') return notFound('facilitator', c.facilitatorId);
      const others = Object.values(s.facilitators).filter((o) => o.status === 'active' && o.id !== f.id).length;
      if (s.status === 'running' && others === 0) return refuse(new LifecycleError('GUARD_FAILED', 'a running programme keeps at least one facilitator', { rule: 'keepsFacilitator' }));
      return accept({ type: 'facilitatorRemoved', data: { facilitatorId: f.id }, ...reasonOf(c) });
    }
    case 'startRecruiting':
      return accept({ type: 'recruitingStarted', data: {} });
    case 'startProgramme':
      return accept({ type: 'programmeStarted', data: {} });
    case 'endProgramme': {
      const completed = Object.values(s.members).filter((m) => m.status === 'enrolled').map((m) => m.id);
      return accept({ type: 'programmeEnded', data: { completedMemberIds: completed }, ...reasonOf(c) });
    }
    case 'cancelProgramme':
      return accept({ type: 'programmeCancelled', data: {}, reason: c.reason });
    case 'referMember': {
      const id = c.memberId ?? newId();
      if (Object.prototype.hasOwnProperty.call(s.members, id)) return refuse(new LifecycleError('CONFLICT', `member id ${id} is taken`));
      const r = step(enrolmentMachine, null, c, x, { entityId: id });
      return r.ok ? accept({ type: 'memberReferred', data: { memberId: id, clientId: c.clientId, caseId: c.caseId } }) : refuse(r.error);
    }
    case 'scheduleGroupSession': {
      const id = c.sessionId ?? newId();
      if (s.sessions.some((g) => g.id === id)) return refuse(new LifecycleError('CONFLICT', `session id ${id} is taken`));
      const r = step(groupSessionMachine, null, c, { ...x, expected: [], scheduledFor: c.scheduledFor }, { entityId: id });
      if (!r.ok) return refuse(r.error);
      const expected = c.expected ?? Object.values(s.members).filter((m) => m.status === 'enrolled').map((m) => m.id);
      return accept({ type: 'groupSessionScheduled', data: { sessionId: id, kind: c.kind, scheduledFor: c.scheduledFor, expected } });
    }
    case 'recordGroupAttendance':
    case 'cancelGroupSession': {
      const g = s.sessions.find((o) => o.id === c.sessionId);
      if (g === undefined) return notFound('session', c.sessionId);
      const r = step(groupSessionMachine, g.status, c, { ...x, expected: g.expected, scheduledFor: g.scheduledFor }, { entityId: g.id });
      if (!r.ok) return refuse(r.error);
      return c.type === 'recordGroupAttendance'
        ? accept({ type: 'groupAttendanceRecorded', data: { sessionId: g.id, attendance: { ...c.attendance } } })
        : accept({ type: 'groupSessionCancelled', data: { sessionId: g.id }, reason: c.reason });
    }
    default: {
      const m = own(s.members, c.memberId);
      if (m === undefined) return notFound('member', c.memberId);
      const r = step(enrolmentMachine, m.status, c, { ...x, member: m }, { entityId: m.id });
      if (!r.ok) return refuse(r.error);
      switch (c.type) {
        case 'waitlistMember':
          return accept({ type: 'memberWaitlisted', data: { memberId: m.id } });
        case 'enrolMember':
          return accept({ type: 'memberEnrolled', data: { memberId: m.id, consentId: c.consentId, confidentialityAgreedAt: c.confidentialityAgreedAt, phaseId: s.phases[0]?.id ?? null } });
        case 'movePhase':
          return accept({ type: 'memberMovedPhase', data: { memberId: m.id, phaseId: c.phaseId }, ...reasonOf(c) });
        case 'assignPeerRole':
          return accept({ type: 'peerRoleAssigned', data: { memberId: m.id, peerRole: c.peerRole } });
        case 'completeEnrolment':
          return accept({ type: 'enrolmentEnded', data: { memberId: m.id, status: 'completed' } });
        case 'dischargeMember':
          return accept({ type: 'enrolmentEnded', data: { memberId: m.id, status: 'discharged' }, reason: c.reason });
        case 'transitionMember':
          return accept({ type: 'enrolmentEnded', data: { memberId: m.id, status: 'transitioned' }, reason: c.reason });
        case 'recordDropOut':
          return accept({ type: 'enrolmentEnded', data: { memberId: m.id, status: 'dropped-out' }, ...reasonOf(c) });
      }
    }
  }
}

/** An own property of a record by id (never one of Object.prototype's). */
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/** Whether a member's enrolment has ended. */
export const hasEnded = (status: string): boolean => (ENDED_ENROLMENTS as readonly string[]).includes(status);
