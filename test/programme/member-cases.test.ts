import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../src/index.js';
import { PROGRAMME_RECORD_FORMAT, caseSessionId, validateProgrammeRecord } from '../../src/programme/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { lead, world } from './world.js';

const refusal = (r: { ok: boolean; error?: { code: string; rule?: string | undefined; message: string } }) => (r.ok ? 'accepted' : `${r.error?.code ?? ''} ${r.error?.rule ?? ''}`.trim());
const HOUR = 3_600_000;
const sessionIn = (s: CaseState | undefined, id: string) => s?.sessions.find((v) => v.id === caseSessionId('gp-1', id))?.status;

/** A running group of `n`, and a session booked five hours after the programme's last change. */
function groupWithSession(n: number) {
  const w = world(n);
  w.running(n);
  const at = new Date(Date.parse(w.programme?.updatedAt ?? '') + 5 * HOUR).toISOString();
  w.must({ type: 'scheduleGroupSession', sessionId: 'gs-1', kind: 'group-session', scheduledFor: at });
  return w;
}
/** The programme's record and its members' case records validate, each and together. */
function expectRecordsValid(w: ReturnType<typeof world>): void {
  const cases = [...w.caseEvents.values()].map((events) => JSON.parse(JSON.stringify(toRecord(events))) as unknown);
  for (const c of cases) expect(validateRecord(c).issues).toEqual([]);
  const programme = JSON.parse(JSON.stringify({ format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1, events: w.programmeEvents })) as unknown;
  expect(validateProgrammeRecord(programme, { cases }).issues).toEqual([]);
}

/** Moves the shared clock on by `hours` (a note on case 1 each hour). */
function wait(w: ReturnType<typeof world>, hours: number): void {
  for (let i = 0; i < hours; i++) w.onCase('c-1', lead, { type: 'addNote', kind: 'communication', text: 'Checked in', authorMemberId: 'm-lead', visibility: 'team' });
}

describe("one member's case on hold or closed does not stop the group", () => {
  it('a member on hold is recorded as missed (not attended); one whose case closed is dropped out, then the group goes on', () => {
    const w = groupWithSession(3);
    w.onCase('c-2', lead, { type: 'holdCase', reason: 'Client in hospital' });
    w.onCase('c-3', lead, { type: 'closeCase', reason: 'disengaged' });
    expect(sessionIn(w.cases.get('c-3'), 'gs-1')).toBe('cancelled');
    wait(w, 5);
    const attended = w.try({ type: 'recordGroupAttendance', sessionId: 'gs-1', attendance: { 'mem-1': 'attended', 'mem-2': 'attended', 'mem-3': 'did-not-attend' } });
    expect(refusal(attended)).toBe('GUARD_FAILED caseOpenWhenHeld');
    expect(attended.ok || attended.error.message).toMatch(/case c-2 refused recordAttendance: .*while case c-2 was on hold/);
    expect(refusal(w.try({ type: 'recordGroupAttendance', sessionId: 'gs-1', attendance: { 'mem-1': 'attended', 'mem-2': 'did-not-attend', 'mem-3': 'did-not-attend' } }))).toBe('INVALID_TRANSITION');
    // Ending the enrolment of the member whose case closed cancels nothing there: closing did.
    w.must({ type: 'recordDropOut', memberId: 'mem-3', reason: 'Case closed' });
    w.must({ type: 'recordGroupAttendance', sessionId: 'gs-1', attendance: { 'mem-1': 'attended', 'mem-2': 'did-not-attend' } });
    expect(['c-1', 'c-2', 'c-3'].map((id) => sessionIn(w.cases.get(id), 'gs-1'))).toEqual(['attended', 'did-not-attend', 'cancelled']);
    expectRecordsValid(w);
  });

  it('a session is cancelled for the group although one member’s case has closed (and cancelled it already)', () => {
    const w = groupWithSession(2);
    w.onCase('c-2', lead, { type: 'closeCase', reason: 'transferred' });
    w.must({ type: 'cancelGroupSession', sessionId: 'gs-1', reason: 'Facilitator ill' });
    expect(['c-1', 'c-2'].map((id) => sessionIn(w.cases.get(id), 'gs-1'))).toEqual(['cancelled', 'cancelled']);
    w.must({ type: 'endProgramme' });
    expect(w.programme?.status).toBe('ended');
    expectRecordsValid(w);
  });

  it('a session is scheduled for the members who can come: one on hold, or whose strategy is suspended, is left out by name', () => {
    const w = world(3);
    w.running(3);
    w.onCase('c-2', lead, { type: 'holdCase', reason: 'Client in hospital' });
    w.onCase('c-3', { id: 'client-3', role: 'client' }, { type: 'withdrawConsent', consentId: 'k-3' });
    const at = new Date(Date.parse(w.programme?.updatedAt ?? '') + 5 * HOUR).toISOString();
    const everyone = w.try({ type: 'scheduleGroupSession', sessionId: 'gs-1', kind: 'group-session', scheduledFor: at });
    expect(everyone.ok || everyone.error.message).toMatch(/case c-2 refused scheduleSession: .*on-hold.*; leave member mem-2 out of this session \(expected: the members who will come\)/);
    const without2 = w.try({ type: 'scheduleGroupSession', sessionId: 'gs-1', kind: 'group-session', scheduledFor: at, expected: ['mem-1', 'mem-3'] });
    expect(without2.ok || [without2.error.rule, without2.error.message]).toEqual(['memberStrategyActive', expect.stringContaining("member mem-3's case c-3 has no active group-therapy strategy to hold the session; leave them out")]);
    expect(refusal(w.try({ type: 'scheduleGroupSession', sessionId: 'gs-1', kind: 'group-session', scheduledFor: at, expected: ['mem-1', 'mem-9'] }))).toBe('GUARD_FAILED expectedEnrolled');
    expect(refusal(w.try({ type: 'scheduleGroupSession', sessionId: 'gs-1', kind: 'group-session', scheduledFor: at, expected: ['mem-1', 'mem-1'] }))).toBe('GUARD_FAILED expectedEnrolled');
    w.must({ type: 'scheduleGroupSession', sessionId: 'gs-1', kind: 'group-session', scheduledFor: at, expected: ['mem-1'] });
    expect(['c-1', 'c-2', 'c-3'].map((id) => sessionIn(w.cases.get(id), 'gs-1'))).toEqual(['scheduled', undefined, undefined]);
    wait(w, 5);
    expect(refusal(w.try({ type: 'recordGroupAttendance', sessionId: 'gs-1', attendance: { 'mem-1': 'attended', 'mem-2': 'did-not-attend' } }))).toBe('GUARD_FAILED onlyEnrolledMembers');
    w.must({ type: 'recordGroupAttendance', sessionId: 'gs-1', attendance: { 'mem-1': 'attended' } });
    expect(sessionIn(w.cases.get('c-1'), 'gs-1')).toBe('attended');
    expectRecordsValid(w);
  });
});
