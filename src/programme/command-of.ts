import type { ProgrammeCommand } from './commands.js';
import type { ProgrammeEvent } from './model.js';

/**
 * The command that records a programme event, so a log can be replayed through the tables and
 * guards that wrote it; undefined for anything that is not a programme event.
 */
export function commandOfProgrammeEvent(e: ProgrammeEvent): ProgrammeCommand | undefined {
  if (typeof e !== 'object' || e === null || typeof e.data !== 'object' || e.data === null) return undefined;
  const reason = e.reason === undefined ? {} : { reason: e.reason };
  switch (e.type) {
    case 'programmeOpened':
      return { type: 'openProgramme', programmeId: e.data.programmeId, kind: e.data.kind, name: e.data.name, capacity: e.data.capacity, phases: e.data.phases };
    case 'facilitatorAdded':
      return { type: 'addFacilitator', facilitatorId: e.data.facilitatorId, personId: e.data.personId, role: e.data.role };
    case 'facilitatorRemoved':
      return { type: 'removeFacilitator', facilitatorId: e.data.facilitatorId, ...reason };
    case 'recruitingStarted':
      return { type: 'startRecruiting' };
    case 'programmeStarted':
      return { type: 'startProgramme' };
    case 'programmeEnded':
      return { type: 'endProgramme', ...reason };
    case 'programmeCancelled':
      return { type: 'cancelProgramme', reason: e.reason ?? 'not recorded' };
    case 'memberReferred':
      return { type: 'referMember', memberId: e.data.memberId, clientId: e.data.clientId, caseId: e.data.caseId };
    case 'memberWaitlisted':
      return { type: 'waitlistMember', memberId: e.data.memberId };
    case 'memberEnrolled':
      return { type: 'enrolMember', memberId: e.data.memberId, consentId: e.data.consentId, confidentialityAgreedAt: e.data.confidentialityAgreedAt };
    case 'memberMovedPhase':
      return { type: 'movePhase', memberId: e.data.memberId, phaseId: e.data.phaseId, ...reason };
    case 'peerRoleAssigned':
      return { type: 'assignPeerRole', memberId: e.data.memberId, peerRole: e.data.peerRole };
    case 'enrolmentEnded':
      if (e.data.status === 'completed') return { type: 'completeEnrolment', memberId: e.data.memberId };
      if (e.data.status === 'dropped-out') return { type: 'recordDropOut', memberId: e.data.memberId, ...reason };
      return { type: e.data.status === 'discharged' ? 'dischargeMember' : 'transitionMember', memberId: e.data.memberId, reason: e.reason ?? 'not recorded' };
    case 'groupSessionScheduled':
      // Always with expected: re-decided against the members enrolled then, the same list comes back.
      return { type: 'scheduleGroupSession', sessionId: e.data.sessionId, kind: e.data.kind, scheduledFor: e.data.scheduledFor, expected: e.data.expected };
    case 'groupAttendanceRecorded':
      return { type: 'recordGroupAttendance', sessionId: e.data.sessionId, attendance: e.data.attendance };
    case 'groupSessionCancelled':
      return { type: 'cancelGroupSession', sessionId: e.data.sessionId, reason: e.reason ?? 'not recorded' };
    default:
      return undefined;
  }
}
