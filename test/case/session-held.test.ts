import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, type CaseEvent, type CaseState } from '../../src/index.js';
import { caseOpenWhenHeld } from '../../src/case/rules/session-guards.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { caseAt, must, people, withEvents } from './fixtures.js';

// The fixture's referral was received at 2026-01-02T10:00Z and its plan is active by 2026-01-06.
const at = (now: string) => ({ actor: people.lead, now: () => now });
const started = (): CaseState => must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
const booked = (s: CaseState, scheduledFor: string, id = 'v-1') => must(s, { type: 'scheduleSession', sessionId: id, strategyId: 's-1', scheduledFor }, at('2026-02-01T10:00:00.000Z'));
const attend = (attendance: string, id = 'v-1') => ({ type: 'recordAttendance', sessionId: id, attendance });
const outcome = (s: CaseState, command: object, now = '2026-03-20T09:00:00.000Z') => {
  const r = dispatch(s, command, at(now));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};

describe('a session is attended only while the case could treat: after the referral, not on hold or closed', () => {
  it('one dated before the referral was received is not recorded as attended or missed; cancelled it may be', () => {
    const s = booked(started(), '2020-01-01T12:00:00.000Z');
    const r = dispatch(s, attend('attended'), at('2026-02-02T09:00:00.000Z'));
    expect(r.ok || [r.error.code, r.error.rule, r.error.message]).toEqual([
      'GUARD_FAILED',
      'caseOpenWhenHeld',
      expect.stringContaining("before case c-1's referral was received (2026-01-02T10:00:00.000Z)"),
    ]);
    expect(outcome(s, attend('cancelled'))).toBe('ok');
    // Nor missed: there was no appointment to miss, and a missed one counts in the did-not-attend rate.
    expect(outcome(s, attend('did-not-attend'))).toBe('GUARD_FAILED:caseOpenWhenHeld');
    // Judged by the instant: 11:30 at UTC+02:00 is 09:30Z, before the referral; 05:30 at UTC−05:00 is 10:30Z, after it.
    expect(outcome(booked(started(), '2026-01-02T11:30:00+02:00'), attend('attended'))).toBe('GUARD_FAILED:caseOpenWhenHeld');
    expect(outcome(booked(started(), '2026-01-02T05:30:00-05:00'), attend('attended'))).toBe('ok');
  });

  it('one held while the case was on hold is not recorded as attended after it resumes; missed or cancelled it may be', () => {
    let s = booked(started(), '2026-02-10T10:00:00.000Z');
    s = booked(s, '2026-02-03T10:00:00.000Z', 'v-0');
    s = must(s, { type: 'holdCase', reason: 'Client in hospital' }, at('2026-02-05T09:00:00.000Z'));
    s = must(s, { type: 'resumeCase' }, at('2026-02-20T09:00:00.000Z'));
    const r = dispatch(s, attend('attended'), at('2026-02-20T10:00:00.000Z'));
    expect(r.ok || [r.error.rule, r.error.message]).toEqual(['caseOpenWhenHeld', expect.stringContaining('while case c-1 was on hold (since 2026-02-05T09:00:00.000Z)')]);
    expect(outcome(s, attend('did-not-attend'))).toBe('ok');
    expect(outcome(s, attend('cancelled'))).toBe('ok');
    // Held before the hold and entered after it: that is a late entry, not treatment on hold.
    expect(outcome(s, attend('attended', 'v-0'))).toBe('ok');
    // Moved to after the resumption, it may be attended.
    s = must(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-02-21T10:00:00.000Z' }, at('2026-02-20T11:00:00.000Z'));
    expect(outcome(s, attend('attended'))).toBe('ok');
  });

  it('while the plan is re-planned after a review, the sessions of its active strategy are still recorded and booked, and closing waits for them', () => {
    let s = booked(started(), '2026-02-10T09:00:00.000Z');
    s = must(s, { type: 'startReview' }, at('2026-02-03T09:00:00.000Z'));
    s = must(s, { type: 'recordEvaluation', status: 'final', goalOutcomes: [{ goalId: 'g-1', status: 'in-progress', evidence: 'PHQ-9 14' }], barriers: [], decision: 'revise' }, at('2026-02-03T10:00:00.000Z'));
    s = must(s, { type: 'completeReview', outcome: 're-plan' }, at('2026-02-03T11:00:00.000Z'));
    expect([s.status, s.strategies['s-1']?.status]).toEqual(['planning', 'active']);
    expect(outcome(s, { type: 'closeCase', reason: 'disengaged' }, '2026-02-11T09:00:00.000Z')).toBe('GUARD_FAILED:attendanceRecorded');
    s = must(s, attend('attended'), at('2026-02-10T11:00:00.000Z'));
    expect(s.sessions[0]?.status).toBe('attended');
    expect(outcome(s, { type: 'closeCase', reason: 'disengaged' }, '2026-02-11T09:00:00.000Z')).toBe('ok');
    // And the next ones are booked and moved as before.
    s = must(s, { type: 'scheduleSession', sessionId: 'v-2', strategyId: 's-1', scheduledFor: '2026-02-17T09:00:00.000Z' }, at('2026-02-11T09:00:00.000Z'));
    s = must(s, { type: 'rescheduleSession', sessionId: 'v-2', scheduledFor: '2026-02-18T09:00:00.000Z' }, at('2026-02-11T10:00:00.000Z'));
    expect(s.sessions.map((v) => [v.id, v.status, v.scheduledFor])).toEqual([['v-1', 'attended', '2026-02-10T09:00:00.000Z'], ['v-2', 'scheduled', '2026-02-18T09:00:00.000Z']]);
    // A first plan, never activated, has no active strategy to book a session for.
    expect(outcome(caseAt('planned'), { type: 'scheduleSession', strategyId: 's-1', scheduledFor: '2026-02-17T09:00:00.000Z' }, '2026-02-11T09:00:00.000Z')).toBe('GUARD_FAILED:strategyActive');
  });

  it('reads the status the case had at the session: closed counts as not treating, planning does not', () => {
    const s = booked(started(), '2026-02-10T10:00:00.000Z');
    const session = s.sessions[0];
    const withHistory = (...history: [string, string][]) => ({ ...s, statusHistory: history.map(([status, when]) => ({ status, at: when })) }) as CaseState;
    const check = (state: CaseState) => caseOpenWhenHeld.check({ attendance: 'attended' }, { state, session });
    expect(check(withHistory(['active', '2026-01-06T00:00:00.000Z'], ['closed', '2026-02-09T00:00:00.000Z'], ['assessing', '2026-02-12T00:00:00.000Z']))).toMatch(/while case c-1 was closed \(since 2026-02-09/);
    expect(check(withHistory(['planning', '2026-02-01T00:00:00.000Z'], ['active', '2026-02-11T00:00:00.000Z']))).toBe(true);
    // The same instant written in another offset (the session is at 10:00Z, the hold from 10:00Z).
    expect(check(withHistory(['active', '2026-01-06T00:00:00.000Z'], ['on-hold', '2026-02-10T12:00:00+02:00']))).toMatch(/on hold/);
    expect(check(withHistory(['active', '2026-01-06T00:00:00.000Z'], ['on-hold', '2026-02-10T12:00:00.001+02:00']))).toBe(true);
    expect(caseOpenWhenHeld.check({ attendance: 'did-not-attend' }, { state: withHistory(['on-hold', '2026-01-06T00:00:00.000Z']), session })).toBe(true);
    expect(caseOpenWhenHeld.check({ attendance: 'cancelled' }, { state: withHistory(['on-hold', '2026-01-06T00:00:00.000Z']), session })).toBe(true);
  });

  it('a record an older engine wrote with such a session is reported at that event', () => {
    const { value: s, events } = withEvents(() => must(booked(started(), '2020-01-01T12:00:00.000Z'), attend('cancelled'), at('2026-02-02T09:00:00.000Z')));
    expect(s.sessions[0]?.status).toBe('cancelled');
    expect(validateRecord(JSON.parse(JSON.stringify(toRecord(events)))).issues).toEqual([]);
    // The same log as the former engine let it be written: the session recorded as attended.
    const last = events[events.length - 1] as CaseEvent & { data: { attendance: string } };
    const older = [...events.slice(0, -1), { ...last, data: { ...last.data, attendance: 'attended' } }] as CaseEvent[];
    const issues = validateRecord(JSON.parse(JSON.stringify(toRecord(older)))).issues;
    expect(issues.map((i) => i.path)).toEqual([`/events/${older.length - 1}`]);
    expect(issues[0]?.message).toMatch(/before case c-1's referral was received/);
  });

  it('property: attended is refused exactly for a session before the referral or inside the hold, however its time is written', () => {
    const REFERRAL = Date.parse('2026-01-02T10:00:00.000Z');
    const HOUR = 3_600_000;
    /** The instant written in another zone's local time with its offset. */
    const written = (ms: number, offsetMinutes: number) => {
      if (offsetMinutes === 0) return new Date(ms).toISOString();
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      return `${new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    };
    const base = started();
    const from = Date.parse('2026-02-02T00:00:00.000Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * 24 }), // the hold starts this many hours after 2 February
        fc.integer({ min: 1, max: 20 * 24 }), // and lasts this many hours
        fc.integer({ min: Date.parse('2025-12-20T00:00:00.000Z') / 60_000, max: Date.parse('2026-03-31T00:00:00.000Z') / 60_000 }), // the session, in minutes
        fc.constantFrom(0, 330, -480, 840, -210),
        (holdAfter, holdHours, sessionMinute, offset) => {
          const held = from + holdAfter * HOUR;
          const resumed = held + holdHours * HOUR;
          const t = sessionMinute * 60_000;
          let s = must(base, { type: 'scheduleSession', sessionId: 'v-p', strategyId: 's-1', scheduledFor: written(t, offset) }, at('2026-02-01T10:00:00.000Z'));
          s = must(s, { type: 'holdCase', reason: 'Client in hospital' }, at(new Date(held).toISOString()));
          s = must(s, { type: 'resumeCase' }, at(new Date(resumed).toISOString()));
          const expected = t < REFERRAL || (held <= t && t < resumed) ? 'GUARD_FAILED:caseOpenWhenHeld' : 'ok';
          expect(outcome(s, attend('attended', 'v-p'), '2026-05-01T09:00:00.000Z')).toBe(expected);
          // Missed: refused only before the referral (there was no appointment); a hold may be missed.
          expect(outcome(s, attend('did-not-attend', 'v-p'), '2026-05-01T09:00:00.000Z')).toBe(t < REFERRAL ? 'GUARD_FAILED:caseOpenWhenHeld' : 'ok');
        },
      ),
      { numRuns: 150 },
    );
  });
});
