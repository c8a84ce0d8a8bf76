import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { doseDelivered, machineEntries, toMermaid } from '../../src/index.js';
import { capacity, caseSessionId, enrolmentMachine, groupSessionMachine, programmeHistory, programmeMachine, roster } from '../../src/programme/index.js';
import { facilitator, lead, stranger, world } from './world.js';

const refusal = (r: { ok: boolean; error?: { code: string; rule?: string | undefined } }) => (r.ok ? 'accepted' : `${r.error?.code ?? ''} ${r.error?.rule ?? ''}`.trim());

describe('programme lifecycle: planned → recruiting → running → ended | cancelled', () => {
  it('walks the table, and each status refuses what its rows do not allow', () => {
    const w = world(2);
    w.must({ type: 'openProgramme', programmeId: 'gp-1', kind: 'group-therapy-course', name: 'Tuesday group', capacity: 8 });
    expect(w.programme?.status).toBe('planned');
    expect(refusal(w.try({ type: 'startRecruiting' }))).toBe('GUARD_FAILED hasFacilitator');
    expect(refusal(w.try({ type: 'startProgramme' }))).toBe('INVALID_TRANSITION');
    w.must({ type: 'addFacilitator', facilitatorId: 'f-1', personId: facilitator.id, role: 'therapist' });
    w.must({ type: 'startRecruiting' });
    expect(refusal(w.try({ type: 'startProgramme' }))).toBe('GUARD_FAILED someoneEnrolled');
    w.enrol(1);
    w.must({ type: 'startProgramme' });
    expect(refusal(w.try({ type: 'cancelProgramme', reason: 'x' }))).toBe('INVALID_TRANSITION');
    w.must({ type: 'endProgramme' });
    expect(w.programme?.statusHistory.map((s) => s.status)).toEqual(['planned', 'recruiting', 'running', 'ended']);
    expect(w.programme?.members['mem-1']?.status).toBe('completed');
    for (const type of ['startRecruiting', 'startProgramme', 'endProgramme']) expect(refusal(w.try({ type })), type).toBe('INVALID_TRANSITION');
  });

  it('a planned or recruiting programme can be cancelled, with a reason; an unknown kind or repeated phase ids are refused', () => {
    const w = world(0);
    expect(refusal(w.try({ type: 'openProgramme', programmeId: 'x', kind: 'knitting-circle', name: 'X', capacity: 5 }))).toBe('GUARD_FAILED knownKind');
    expect(refusal(w.try({ type: 'openProgramme', programmeId: 'x', kind: 'knitting-circle', name: 'X', capacity: 5 }, lead, { policy: { kinds: { 'knitting-circle': 'peer-support' } } }))).toBe('accepted');
    const v = world(0);
    expect(refusal(v.try({ type: 'openProgramme', programmeId: 'x', kind: 'peer-support-group', name: 'X', capacity: 5, phases: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] }))).toBe('GUARD_FAILED phaseIdsUnique');
    v.must({ type: 'openProgramme', programmeId: 'x', kind: 'peer-support-group', name: 'X', capacity: 5 });
    v.must({ type: 'cancelProgramme', reason: 'No facilitator available' });
    expect(v.programmeEvents.at(-1)).toMatchObject({ type: 'programmeCancelled', reason: 'No facilitator available' });
  });

  it('the machines draw as Mermaid from the same tables', () => {
    expect(toMermaid(programmeMachine)).toContain('recruiting --> running : startProgramme');
    expect(toMermaid(enrolmentMachine)).toContain('waitlisted --> enrolled : enrolMember');
    expect(toMermaid(groupSessionMachine)).toContain('scheduled --> held : recordGroupAttendance');
    expect(machineEntries(enrolmentMachine).map((e) => e.command)).toEqual(['referMember', 'waitlistMember', 'enrolMember', 'movePhase', 'assignPeerRole', 'completeEnrolment', 'dischargeMember', 'transitionMember', 'recordDropOut']);
  });
});

describe('enrolment: referred → waitlisted → enrolled → completed | discharged | transitioned | dropped-out', () => {
  it('orders members waitlisted at the same instant by id the same way whatever the locale (Danish sorts "m-aa" after "m-b")', () => {
    const code = [
      "const { capacity } = await import('./src/programme/queries.ts');",
      "const at = '2026-01-05T09:00:00.000Z';",
      "const member = (id) => ({ id, status: 'waitlisted', waitlistedAt: at });",
      "console.log(JSON.stringify(capacity({ capacity: 1, members: { b: member('m-b'), aa: member('m-aa'), B: member('m-B') } }).waitingList));",
    ].join('\n');
    const lists = ['en_US.UTF-8', 'da_DK.UTF-8'].map((locale) => {
      const r = spawnSync(process.execPath, ['--import', './bench/register.mjs', '--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, LC_ALL: locale } });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as string[];
    });
    expect(lists).toEqual([['m-B', 'm-aa', 'm-b'], ['m-B', 'm-aa', 'm-b']]);
  });

  it('is refused when the programme is full; the waiting list keeps its order', () => {
    const w = world(4);
    w.running(2, { capacity: 2 });
    w.must({ type: 'referMember', memberId: 'mem-3', clientId: 'client-3', caseId: 'c-3' }, facilitator);
    expect(refusal(w.try({ type: 'enrolMember', memberId: 'mem-3', consentId: 'k-3', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator))).toBe('CONFLICT capacity');
    w.must({ type: 'referMember', memberId: 'mem-4', clientId: 'client-4', caseId: 'c-4' }, facilitator);
    w.must({ type: 'waitlistMember', memberId: 'mem-4' }, facilitator);
    w.must({ type: 'waitlistMember', memberId: 'mem-3' }, facilitator);
    expect(capacity(w.programme as never)).toEqual({ capacity: 2, enrolled: 2, free: 0, waitingList: ['mem-4', 'mem-3'] });
    w.must({ type: 'dischargeMember', memberId: 'mem-1', reason: 'Moved away' }, facilitator);
    w.must({ type: 'enrolMember', memberId: 'mem-4', consentId: 'k-4', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator);
    expect(capacity(w.programme as never).waitingList).toEqual(['mem-3']);
  });

  it('needs an active strategy of the programme\'s modality in the member\'s plan, and an active consent there', () => {
    const w = world(4);
    w.running(1);
    w.onCase('c-2', facilitator, { type: 'suspendStrategy', strategyId: 'st-group', reason: 'Hospital stay' });
    w.must({ type: 'referMember', memberId: 'mem-2', clientId: 'client-2', caseId: 'c-2' }, facilitator);
    expect(refusal(w.try({ type: 'enrolMember', memberId: 'mem-2', consentId: 'k-2', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator))).toBe('GUARD_FAILED planHoldsModality');
    w.must({ type: 'referMember', memberId: 'mem-3', clientId: 'client-3', caseId: 'c-3' }, facilitator);
    expect(refusal(w.try({ type: 'enrolMember', memberId: 'mem-3', consentId: 'k-1', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator))).toBe('CONSENT_REQUIRED consentActive');
    w.onCase('c-3', { id: 'client-3', role: 'client' }, { type: 'withdrawConsent', consentId: 'k-3' });
    expect(refusal(w.try({ type: 'enrolMember', memberId: 'mem-3', consentId: 'k-3', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator))).not.toBe('accepted');
    expect(refusal(w.try({ type: 'referMember', clientId: 'client-1', caseId: 'c-1' }, facilitator))).toBe('GUARD_FAILED notAlreadyMember');
    expect(refusal(w.try({ type: 'referMember', clientId: 'client-4', caseId: 'c-3' }, facilitator))).toBe('GUARD_FAILED memberCaseOpen');
    expect(refusal(w.try({ type: 'enrolMember', memberId: 'nobody', consentId: 'k-1', confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator))).toBe('NOT_FOUND');
  });

  it('a confidentiality agreement dated in the future is refused', () => {
    const w = world(2);
    w.running(1);
    w.must({ type: 'referMember', memberId: 'mem-2', clientId: 'client-2', caseId: 'c-2' }, facilitator);
    expect(refusal(w.try({ type: 'enrolMember', memberId: 'mem-2', consentId: 'k-2', confidentialityAgreedAt: '2099-01-01T00:00:00.000Z' }, facilitator))).toBe('GUARD_FAILED confidentialityAgreed');
  });

  it('phases: forward after the minimum stay, back one with a reason, never skipping', () => {
    const w = world(1, 'residential-programme');
    w.running(1, { kind: 'residential-therapeutic-community', phases: [{ id: 'induction', name: 'Induction', minDays: 0 }, { id: 'primary', name: 'Primary treatment', minDays: 60 }, { id: 're-entry', name: 'Re-entry' }] });
    expect(w.programme?.members['mem-1']?.phaseId).toBe('induction');
    expect(refusal(w.try({ type: 'movePhase', memberId: 'mem-1', phaseId: 're-entry' }, facilitator))).toBe('GUARD_FAILED phaseOrder');
    w.must({ type: 'movePhase', memberId: 'mem-1', phaseId: 'primary' }, facilitator);
    expect(refusal(w.try({ type: 'movePhase', memberId: 'mem-1', phaseId: 're-entry' }, facilitator))).toBe('GUARD_FAILED phaseOrder'); // 60 days not yet spent
    expect(refusal(w.try({ type: 'movePhase', memberId: 'mem-1', phaseId: 'induction' }, facilitator))).toBe('GUARD_FAILED phaseOrder'); // back needs a reason
    w.must({ type: 'movePhase', memberId: 'mem-1', phaseId: 'induction', reason: 'Relapse' }, facilitator);
    expect(refusal(w.try({ type: 'movePhase', memberId: 'mem-1', phaseId: 'nowhere' }, facilitator))).toBe('GUARD_FAILED knownPhase');
  });

  it('ends in one of four ways; an ended member is no longer on the roster and their history shows it', () => {
    const w = world(4);
    w.running(4);
    w.must({ type: 'completeEnrolment', memberId: 'mem-1' }, facilitator);
    w.must({ type: 'dischargeMember', memberId: 'mem-2', reason: 'Rules broken' }, facilitator);
    w.must({ type: 'transitionMember', memberId: 'mem-3', reason: 'To the day programme' }, facilitator);
    w.must({ type: 'recordDropOut', memberId: 'mem-4' }, facilitator);
    expect(Object.values(w.programme?.members ?? {}).map((m) => m.status)).toEqual(['completed', 'discharged', 'transitioned', 'dropped-out']);
    expect(roster(w.programme as never)).toEqual([]);
    expect(programmeHistory([w.programme as never], 'client-2')[0]?.history.map((h) => h.status)).toEqual(['referred', 'enrolled', 'discharged']);
    expect(refusal(w.try({ type: 'completeEnrolment', memberId: 'mem-1' }, facilitator))).toBe('INVALID_TRANSITION');
  });
});

describe('group sessions reach each member\'s case', () => {
  it('one session scheduled and attended once appears in every member\'s case: their sessions, dose and did-not-attend rate', () => {
    const w = world(3);
    w.running(3);
    w.must({ type: 'scheduleGroupSession', sessionId: 'g-1', kind: 'group-session', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator);
    for (const n of [1, 2, 3]) expect(w.cases.get(`c-${n}`)?.sessions.at(-1)).toMatchObject({ id: caseSessionId('gp-1', 'g-1'), status: 'scheduled', groupId: 'gp-1', strategyId: 'st-group' });
    w.must({ type: 'recordGroupAttendance', sessionId: 'g-1', attendance: { 'mem-1': 'attended', 'mem-2': 'attended', 'mem-3': 'did-not-attend' } }, facilitator);
    expect(w.cases.get('c-1')?.sessions.at(-1)?.status).toBe('attended');
    expect(w.cases.get('c-3')?.sessions.at(-1)?.status).toBe('did-not-attend');
    expect(doseDelivered(w.cases.get('c-1') as never, 'st-group')).toMatchObject({ attended: 1 });
    expect(doseDelivered(w.cases.get('c-3') as never, 'st-group')).toMatchObject({ attended: 0, didNotAttend: 1 });
    expect(roster(w.programme as never).map((r) => [r.memberId, r.attended, r.missed])).toEqual([
      ['mem-1', 1, 0],
      ['mem-2', 1, 0],
      ['mem-3', 0, 1],
    ]);
  });

  it('attendance names every enrolled member once and no one else, and not before the session', () => {
    const w = world(3);
    w.running(2);
    w.must({ type: 'scheduleGroupSession', sessionId: 'g-1', kind: 'community-meeting', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator);
    expect(refusal(w.try({ type: 'recordGroupAttendance', sessionId: 'g-1', attendance: { 'mem-1': 'attended' } }, facilitator))).toBe('GUARD_FAILED everyMemberRecorded');
    expect(refusal(w.try({ type: 'recordGroupAttendance', sessionId: 'g-1', attendance: { 'mem-1': 'attended', 'mem-2': 'attended', 'mem-9': 'attended' } }, facilitator))).toBe('GUARD_FAILED onlyEnrolledMembers');
    w.must({ type: 'scheduleGroupSession', sessionId: 'g-2', kind: 'community-meeting', scheduledFor: '2099-01-05T12:00:00.000Z' }, facilitator);
    expect(refusal(w.try({ type: 'recordGroupAttendance', sessionId: 'g-2', attendance: { 'mem-1': 'attended', 'mem-2': 'attended' } }, facilitator))).toBe('GUARD_FAILED notInFuture');
    expect(refusal(w.try({ type: 'recordGroupAttendance', sessionId: 'g-9', attendance: {} }, facilitator))).toBe('NOT_FOUND');
  });

  it('all or nothing: when one member\'s case cannot take the session, neither the programme nor any case changes', () => {
    const w = world(2);
    w.running(2);
    w.onCase('c-2', facilitator, { type: 'suspendStrategy', strategyId: 'st-group', reason: 'Hospital stay' });
    const before = { programme: w.programme, c1: w.cases.get('c-1') };
    const r = w.try({ type: 'scheduleGroupSession', sessionId: 'g-1', kind: 'group-session', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator);
    expect(refusal(r)).toBe('GUARD_FAILED memberStrategyActive');
    expect(w.programme).toBe(before.programme);
    expect(w.cases.get('c-1')).toBe(before.c1);
  });

  it('a cancelled session, and an enrolment that ends, cancel what was still scheduled in the cases', () => {
    const w = world(2);
    w.running(2);
    w.must({ type: 'scheduleGroupSession', sessionId: 'g-1', kind: 'group-session', scheduledFor: '2026-02-05T12:00:00.000Z' }, facilitator);
    w.must({ type: 'scheduleGroupSession', sessionId: 'g-2', kind: 'group-session', scheduledFor: '2026-02-12T12:00:00.000Z' }, facilitator);
    w.must({ type: 'recordDropOut', memberId: 'mem-2' }, facilitator);
    expect(w.cases.get('c-2')?.sessions.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    w.must({ type: 'cancelGroupSession', sessionId: 'g-1', reason: 'Facilitator ill' }, facilitator);
    expect(w.cases.get('c-1')?.sessions.map((s) => s.status)).toEqual(['cancelled', 'scheduled']);
  });
});

describe('who may act', () => {
  it('clinicians act as facilitators; a member acts only through a peer role, and never on what reaches other members\' cases', () => {
    const w = world(3, 'residential-programme');
    w.running(3, { kind: 'residential-therapeutic-community', phases: [{ id: 'induction', name: 'Induction' }, { id: 'primary', name: 'Primary' }] });
    expect(refusal(w.try({ type: 'scheduleGroupSession', kind: 'community-meeting', scheduledFor: '2026-01-05T12:00:00.000Z' }, stranger))).toBe('FORBIDDEN');
    const senior = { id: 'client-1', role: 'client' } as const;
    expect(refusal(w.try({ type: 'movePhase', memberId: 'mem-2', phaseId: 'primary' }, senior))).toBe('FORBIDDEN');
    expect(refusal(w.try({ type: 'assignPeerRole', memberId: 'mem-1', peerRole: 'mayor' }, facilitator))).toBe('GUARD_FAILED knownPeerRole');
    w.must({ type: 'assignPeerRole', memberId: 'mem-1', peerRole: 'senior-resident' }, facilitator);
    w.must({ type: 'movePhase', memberId: 'mem-2', phaseId: 'primary' }, senior);
    w.must({ type: 'assignPeerRole', memberId: 'mem-3', peerRole: 'buddy' }, senior);
    expect(w.programmeEvents.at(-1)?.actor).toEqual(senior);
    // Even a policy that gives a peer role a command reaching the cases does not let it through.
    w.must({ type: 'scheduleGroupSession', sessionId: 'cm-1', kind: 'community-meeting', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator);
    const meeting = { type: 'recordGroupAttendance', sessionId: 'cm-1', attendance: { 'mem-1': 'attended', 'mem-2': 'attended', 'mem-3': 'attended' } };
    const r = w.try(meeting, senior, { policy: { peerRoles: { 'senior-resident': ['recordGroupAttendance'] } } });
    expect(refusal(r)).toBe('FORBIDDEN');
    expect(r.ok ? '' : r.error.message).toContain('reaches members');
    expect(refusal(w.try({ type: 'endProgramme' }, senior))).toBe('FORBIDDEN');
  });
});
