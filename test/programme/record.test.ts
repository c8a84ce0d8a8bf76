import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doseDelivered } from '../../src/index.js';
import { PROGRAMME_RECORD_FORMAT, validateProgrammeRecord, type ProgrammeState } from '../../src/programme/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { facilitator, world } from './world.js';

type World = ReturnType<typeof world>;
const programmeRecord = (w: World) => JSON.parse(JSON.stringify({ format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1, events: w.programmeEvents })) as { events: { type: string; data: Record<string, unknown> }[] };
const caseRecords = (w: World) => [...w.caseEvents.values()].map((events) => JSON.parse(JSON.stringify(toRecord(events))) as { events: { type: string; data: Record<string, unknown> }[] });

function weeks(w: World, n: number, from = 1): void {
  for (let k = from; k < from + n; k++) {
    const id = `g-${k}`;
    w.must({ type: 'scheduleGroupSession', sessionId: id, kind: 'group-session', scheduledFor: new Date(Date.parse('2026-01-05T12:00:00.000Z') + k * 3_600_000).toISOString() }, facilitator);
    const p = w.programme as ProgrammeState;
    const attendance = Object.fromEntries(Object.values(p.members).filter((m) => m.status === 'enrolled').map((m, i) => [m.id, (i + k) % 4 === 0 ? 'did-not-attend' : 'attended']));
    w.must({ type: 'recordGroupAttendance', sessionId: id, attendance }, facilitator);
  }
}

describe('programme records', () => {
  it('a programme and its members\' case records validate, and agree', () => {
    const w = world(4);
    w.running(3);
    weeks(w, 5);
    w.must({ type: 'recordDropOut', memberId: 'mem-2' }, facilitator);
    w.enrol(4);
    weeks(w, 3, 6);
    const result = validateProgrammeRecord(programmeRecord(w), { cases: caseRecords(w) });
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    for (const r of caseRecords(w)) expect(validateRecord(r).valid).toBe(true);
  });

  it('finds attendance that differs between the two, a member case missing, and an illegal step in the log', () => {
    const w = world(3);
    w.running(3);
    weeks(w, 2);
    const cases = caseRecords(w);
    // The programme says mem-1 attended g-1; make the case say did-not-attend.
    const c1 = cases.find((c) => c.events[0]?.data.caseId === 'c-1');
    const e = c1?.events.find((x) => x.type === 'attendanceRecorded' && x.data.sessionId === 'gp-1:g-1');
    if (e === undefined) throw new Error('fixture');
    e.data.attendance = e.data.attendance === 'attended' ? 'did-not-attend' : 'attended';
    const mismatch = validateProgrammeRecord(programmeRecord(w), { cases });
    expect(mismatch.issues.map((i) => i.code)).toContain('ATTENDANCE_MISMATCH');
    const missing = validateProgrammeRecord(programmeRecord(w), { cases: cases.filter((c) => c !== c1) });
    expect(missing.issues.map((i) => i.code)).toContain('CASE_MISSING');
    const illegal = programmeRecord(w);
    (illegal.events[0] as unknown as { data: { capacity: number } }).data.capacity = 2; // three enrolled
    const r = validateProgrammeRecord(illegal);
    expect(r.issues[0]).toMatchObject({ code: 'CONFLICT', path: expect.stringMatching(/^\/events\/\d+$/) });
    expect(validateProgrammeRecord(null).issues[0]?.code).toBe('INVALID_SHAPE');
    // The log's frame: its order, its programme, its clock.
    const frame = (edit: (events: Record<string, unknown>[]) => void) => {
      const r = programmeRecord(w) as unknown as { events: Record<string, unknown>[] };
      edit(r.events);
      return validateProgrammeRecord(r).issues[0];
    };
    expect(frame((es) => ((es[3] as Record<string, unknown>).seq = 9))).toMatchObject({ code: 'INVALID_LOG', path: '/events/3' });
    expect(frame((es) => ((es[3] as Record<string, unknown>).programmeId = 'other'))).toMatchObject({ code: 'INVALID_LOG', path: '/events/3' });
    expect(frame((es) => ((es[3] as Record<string, unknown>).at = '2020-01-01T00:00:00.000Z'))).toMatchObject({ code: 'INVALID_LOG', path: '/events/3' });
    expect(frame((es) => ((es[3] as Record<string, unknown>).at = '2026-01-05T09:00:00'))).toMatchObject({ code: 'INVALID_SHAPE', path: '/events/3/at' });
    expect(validateProgrammeRecord({ ...programmeRecord(w), format: 'x' }).issues[0]?.code).toBe('INVALID_FORMAT');
    expect(validateProgrammeRecord({ format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1, events: [null] }).valid).toBe(false);
  });

  it('property: any sequence of programme and case commands keeps attendance, enrolment and dose consistent between the records', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('session' as const), dna: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), cancel: fc.boolean() }),
      fc.record({ kind: fc.constant('enrol' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('end' as const), n: fc.integer({ min: 1, max: 6 }), how: fc.constantFrom('completeEnrolment', 'recordDropOut', 'dischargeMember') }),
      fc.record({ kind: fc.constant('suspend' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('resume' as const), n: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('schedule-only' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 18 }), (ops) => {
        const w = world(6);
        w.running(2, { capacity: 4 });
        let k = 0;
        for (const o of ops) {
          const p = w.programme as ProgrammeState;
          if (o.kind === 'session' || o.kind === 'schedule-only') {
            const id = `g-${++k}`;
            if (!w.try({ type: 'scheduleGroupSession', sessionId: id, kind: 'group-session', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator).ok || o.kind === 'schedule-only') continue;
            if ('cancel' in o && o.cancel) {
              w.try({ type: 'cancelGroupSession', sessionId: id, reason: 'Snow' }, facilitator);
              continue;
            }
            const enrolled = Object.values((w.programme as ProgrammeState).members).filter((m) => m.status === 'enrolled');
            w.try({ type: 'recordGroupAttendance', sessionId: id, attendance: Object.fromEntries(enrolled.map((m, i) => [m.id, o.dna[i] === true ? 'did-not-attend' : 'attended'])) }, facilitator);
          } else if (o.kind === 'enrol') {
            if (p.members[`mem-${o.n}`] === undefined) {
              w.try({ type: 'referMember', memberId: `mem-${o.n}`, clientId: `client-${o.n}`, caseId: `c-${o.n}` }, facilitator);
              w.try({ type: 'enrolMember', memberId: `mem-${o.n}`, consentId: `k-${o.n}`, confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, facilitator);
            }
          } else if (o.kind === 'end') {
            w.try({ type: o.how, memberId: `mem-${o.n}`, ...(o.how === 'dischargeMember' ? { reason: 'Rules' } : {}) }, facilitator);
          } else {
            const state = w.cases.get(`c-${o.n}`);
            const status = state?.strategies['st-group']?.status;
            const command = o.kind === 'suspend' ? { type: 'suspendStrategy', strategyId: 'st-group', reason: 'Break' } : { type: 'resumeStrategy', strategyId: 'st-group' };
            if ((o.kind === 'suspend' && status === 'active') || (o.kind === 'resume' && status === 'suspended')) w.onCase(`c-${o.n}`, facilitator, command);
          }
        }
        const result = validateProgrammeRecord(programmeRecord(w), { cases: caseRecords(w) });
        expect(result.issues).toEqual([]);
        // Dose: each member's group sessions in their case are exactly the programme's record of them.
        const p = w.programme as ProgrammeState;
        for (const m of Object.values(p.members)) {
          const attended = p.sessions.filter((g) => g.attendance[m.id] === 'attended').length;
          const missed = p.sessions.filter((g) => g.attendance[m.id] === 'did-not-attend').length;
          const dose = doseDelivered(w.cases.get(m.caseId) as never, 'st-group');
          expect([dose.attended, dose.didNotAttend], m.id).toEqual([attended, missed]);
          const scheduled = (w.cases.get(m.caseId)?.sessions ?? []).filter((s) => s.groupId === 'gp-1' && s.status === 'scheduled').length;
          const pending = m.status === 'enrolled' ? p.sessions.filter((g) => g.status === 'scheduled' && g.expected.includes(m.id)).length : 0;
          expect(scheduled, `${m.id} scheduled`).toBe(pending);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the programme record JSON Schema', () => {
  it('accepts a real programme record and rejects a broken one, as the validator\'s shape check does', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const { programmeRecordJsonSchema } = await import('../../src/programme/index.js');
    const check = new Ajv2020({ strict: false, validateFormats: false }).compile(programmeRecordJsonSchema());
    const w = world(2);
    w.running(2);
    weeks(w, 1);
    const record = programmeRecord(w);
    expect(check(record), JSON.stringify(check.errors)).toBe(true);
    const broken = JSON.parse(JSON.stringify(record)) as { events: Record<string, unknown>[] };
    (broken.events[1] as Record<string, unknown>).type = 'somethingElse';
    (broken.events[2] as Record<string, unknown>).extra = true;
    expect(check(broken)).toBe(false);
    const issues = validateProgrammeRecord(broken).issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/events/1/type', 'INVALID_SHAPE'],
      ['/events/2', 'INVALID_SHAPE'],
    ]);
  });
});
