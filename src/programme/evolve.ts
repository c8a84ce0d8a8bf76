import { canonicalAt, canonicalInstant as instant } from '../kernel/canonical-event.js';
import type { ProgrammeEvent, ProgrammeState, Member, Facilitator, GroupSession } from './model.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Applies one programme event to a state (copy on write: the state given is never changed). Never
 * refuses: events are facts the decider already accepted.
 */
export function evolveProgramme(state: ProgrammeState | null, given: ProgrammeEvent): ProgrammeState {
  // Instants are stored canonical however a stored log wrote them (its data's, below, too).
  const e = canonicalAt(given);
  if (e.type === 'programmeOpened') {
    const d = e.data;
    return {
      schemaVersion: 1,
      id: d.programmeId,
      kind: d.kind,
      name: d.name,
      modality: d.modality,
      status: 'planned',
      statusHistory: [{ status: 'planned', at: e.at }],
      capacity: d.capacity,
      phases: d.phases.map((p) => ({ ...p })),
      facilitators: {},
      members: {},
      sessions: [],
      version: e.seq,
      openedAt: e.at,
      updatedAt: e.at,
    };
  }
  const s = { ...(state as ProgrammeState), version: e.seq, updatedAt: e.at } as Mutable<ProgrammeState>;
  const move = (status: ProgrammeState['status']): void => {
    s.status = status;
    s.statusHistory = [...s.statusHistory, { status, at: e.at }];
  };
  const member = (id: string, change: Partial<Member>): void => {
    const m = s.members[id] as Member;
    const next = { ...m, ...change };
    if (change.status !== undefined && change.status !== m.status) next.history = [...m.history, { status: change.status, at: e.at }];
    s.members = { ...s.members, [id]: next };
  };
  const session = (id: string, change: Partial<GroupSession>): void => {
    s.sessions = s.sessions.map((g) => (g.id === id ? { ...g, ...change } : g));
  };
  switch (e.type) {
    case 'facilitatorAdded':
      s.facilitators = { ...s.facilitators, [e.data.facilitatorId]: { id: e.data.facilitatorId, personId: e.data.personId, role: e.data.role, status: 'active', joinedAt: e.at, leftAt: null } };
      break;
    case 'facilitatorRemoved':
      s.facilitators = { ...s.facilitators, [e.data.facilitatorId]: { ...(s.facilitators[e.data.facilitatorId] as Facilitator), status: 'left', leftAt: e.at } };
      break;
    case 'recruitingStarted':
      move('recruiting');
      break;
    case 'programmeStarted':
      move('running');
      break;
    case 'programmeEnded':
      for (const id of e.data.completedMemberIds) member(id, { status: 'completed' });
      move('ended');
      break;
    case 'programmeCancelled':
      move('cancelled');
      break;
    case 'memberReferred':
      s.members = {
        ...s.members,
        [e.data.memberId]: {
          id: e.data.memberId,
          clientId: e.data.clientId,
          caseId: e.data.caseId,
          status: 'referred',
          history: [{ status: 'referred', at: e.at }],
          consentId: null,
          confidentialityAgreedAt: null,
          phaseId: null,
          phaseSince: null,
          peerRole: null,
          referredAt: e.at,
          waitlistedAt: null,
          endReason: null,
        },
      };
      break;
    case 'memberWaitlisted':
      member(e.data.memberId, { status: 'waitlisted', waitlistedAt: e.at });
      break;
    case 'memberEnrolled':
      member(e.data.memberId, { status: 'enrolled', consentId: e.data.consentId, confidentialityAgreedAt: instant(e.data.confidentialityAgreedAt, 'data.confidentialityAgreedAt'), phaseId: e.data.phaseId, phaseSince: e.data.phaseId === null ? null : e.at });
      break;
    case 'memberMovedPhase':
      member(e.data.memberId, { phaseId: e.data.phaseId, phaseSince: e.at });
      break;
    case 'peerRoleAssigned':
      member(e.data.memberId, { peerRole: e.data.peerRole });
      break;
    case 'enrolmentEnded':
      member(e.data.memberId, { status: e.data.status, endReason: e.reason ?? null, peerRole: null });
      break;
    case 'groupSessionScheduled':
      s.sessions = [...s.sessions, { id: e.data.sessionId, kind: e.data.kind, status: 'scheduled', scheduledFor: instant(e.data.scheduledFor, 'data.scheduledFor'), expected: [...e.data.expected], attendance: {} }];
      break;
    case 'groupAttendanceRecorded':
      session(e.data.sessionId, { status: 'held', attendance: { ...e.data.attendance } });
      break;
    case 'groupSessionCancelled':
      session(e.data.sessionId, { status: 'cancelled' });
      break;
  }
  return s;
}
