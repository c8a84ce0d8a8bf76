import { describe, expect, it } from 'vitest';
import { machineEntries } from '../../src/index.js';
import { enrolmentMachine, groupSessionMachine, programmeMachine, type EnrolmentStatus, type ProgrammeStatus } from '../../src/programme/index.js';
import { facilitator, lead, world } from './world.js';

/** A valid payload of each programme command, aimed at member mem-1 and session g-1. */
const SAMPLE: Record<string, Record<string, unknown>> = {
  openProgramme: { programmeId: 'gp-2', kind: 'group-therapy-course', name: 'Another', capacity: 5 },
  addFacilitator: { personId: 'p-other', role: 'therapist' },
  removeFacilitator: { facilitatorId: 'f-1' },
  startRecruiting: {},
  startProgramme: {},
  endProgramme: {},
  cancelProgramme: { reason: 'No room' },
  referMember: { clientId: 'client-3', caseId: 'c-3' },
  waitlistMember: { memberId: 'mem-1' },
  enrolMember: { memberId: 'mem-1', consentId: 'k-1', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' },
  movePhase: { memberId: 'mem-1', phaseId: 'b' },
  assignPeerRole: { memberId: 'mem-1', peerRole: 'buddy' },
  completeEnrolment: { memberId: 'mem-1' },
  dischargeMember: { memberId: 'mem-1', reason: 'x' },
  transitionMember: { memberId: 'mem-1', reason: 'x' },
  recordDropOut: { memberId: 'mem-1' },
  scheduleGroupSession: { kind: 'group-session', scheduledFor: '2026-01-05T12:00:00.000Z' },
  recordGroupAttendance: { sessionId: 'g-1', attendance: { 'mem-1': 'attended' } },
  cancelGroupSession: { sessionId: 'g-1', reason: 'x' },
};

/** A world whose programme is in the given status (with member mem-1 enrolled once it can be). */
function programmeAt(status: ProgrammeStatus) {
  const w = world(3);
  w.must({ type: 'openProgramme', programmeId: 'gp-1', kind: 'group-therapy-course', name: 'G', capacity: 5, phases: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
  if (status === 'planned') return w;
  if (status === 'cancelled') {
    w.must({ type: 'cancelProgramme', reason: 'x' });
    return w;
  }
  w.must({ type: 'addFacilitator', facilitatorId: 'f-1', personId: facilitator.id, role: 'therapist' });
  w.must({ type: 'startRecruiting' });
  if (status === 'recruiting') return w;
  w.enrol(1);
  w.must({ type: 'startProgramme' });
  if (status === 'running') return w;
  w.must({ type: 'endProgramme' });
  return w;
}

const MANAGING = ['openProgramme', 'addFacilitator', 'removeFacilitator', 'startRecruiting', 'startProgramme', 'endProgramme', 'cancelProgramme'];
const actorFor = (command: string) => (MANAGING.includes(command) ? lead : facilitator);

/** A running programme (member mem-2 enrolled), with phases a → b, for mem-1 to move through. */
function runningWithOther() {
  const w = world(3);
  w.must({ type: 'openProgramme', programmeId: 'gp-1', kind: 'group-therapy-course', name: 'G', capacity: 5, phases: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
  w.must({ type: 'addFacilitator', facilitatorId: 'f-1', personId: facilitator.id, role: 'therapist' });
  w.must({ type: 'startRecruiting' });
  w.enrol(2);
  w.must({ type: 'startProgramme' });
  return w;
}

describe('every row of the programme table, and every status it is not allowed from', () => {
  const rows = machineEntries(programmeMachine);
  for (const status of programmeMachine.states) {
    it(`from ${status}`, () => {
      for (const row of rows) {
        if (row.from.includes(status)) continue;
        const w = programmeAt(status);
        const r = w.try({ type: row.command, ...SAMPLE[row.command] }, actorFor(row.command));
        expect(r.ok ? 'accepted' : r.error.code, `${row.command} from ${status}`).toBe('INVALID_TRANSITION');
      }
    });
  }
});

describe('every row of the enrolment table, and every status it is not allowed from', () => {
  const rows = machineEntries(enrolmentMachine).filter((r) => r.command !== 'referMember');
  const reach: Record<EnrolmentStatus, (w: ReturnType<typeof world>) => void> = {
    referred: (w) => w.must({ type: 'referMember', memberId: 'mem-1', clientId: 'client-1', caseId: 'c-1' }, facilitator),
    waitlisted: (w) => {
      reach.referred(w);
      w.must({ type: 'waitlistMember', memberId: 'mem-1' }, facilitator);
    },
    enrolled: (w) => w.enrol(1),
    completed: (w) => {
      w.enrol(1);
      w.must({ type: 'completeEnrolment', memberId: 'mem-1' }, facilitator);
    },
    discharged: (w) => {
      w.enrol(1);
      w.must({ type: 'dischargeMember', memberId: 'mem-1', reason: 'x' }, facilitator);
    },
    transitioned: (w) => {
      w.enrol(1);
      w.must({ type: 'transitionMember', memberId: 'mem-1', reason: 'x' }, facilitator);
    },
    'dropped-out': (w) => {
      w.enrol(1);
      w.must({ type: 'recordDropOut', memberId: 'mem-1' }, facilitator);
    },
  };
  for (const status of enrolmentMachine.states) {
    it(`from ${status}`, () => {
      for (const row of rows) {
        const w = runningWithOther();
        reach[status](w);
        expect(w.programme?.members['mem-1']?.status).toBe(status);
        const r = w.try({ type: row.command, ...SAMPLE[row.command] }, facilitator);
        if (row.from.includes(status)) expect(r.ok ? 'accepted' : `${r.error.code} ${r.error.message}`, `${row.command} from ${status}`).not.toContain('INVALID_TRANSITION');
        else expect(r.ok ? 'accepted' : r.error.code, `${row.command} from ${status}`).toBe('INVALID_TRANSITION');
      }
    });
  }
});

describe('the group session table', () => {
  it('a held or cancelled session takes nothing more', () => {
    for (const end of ['held', 'cancelled'] as const) {
      const w = world(2);
      w.running(1);
      w.must({ type: 'scheduleGroupSession', sessionId: 'g-1', kind: 'group-session', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator);
      if (end === 'held') w.must({ type: 'recordGroupAttendance', sessionId: 'g-1', attendance: { 'mem-1': 'attended' } }, facilitator);
      else w.must({ type: 'cancelGroupSession', sessionId: 'g-1', reason: 'x' }, facilitator);
      for (const row of machineEntries(groupSessionMachine).filter((r) => r.command !== 'scheduleGroupSession')) {
        const r = w.try({ type: row.command, ...SAMPLE[row.command] }, facilitator);
        expect(r.ok ? 'accepted' : r.error.code, `${row.command} after ${end}`).toBe('INVALID_TRANSITION');
      }
    }
  });
});
