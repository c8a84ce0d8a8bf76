import { describe, expect, it } from 'vitest';
import { dispatch, doseDelivered, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const started = (): CaseState => must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));

describe('session: scheduled → attended | cancelled | did-not-attend', () => {
  it('is scheduled only for an active strategy', () => {
    const r = dispatch(caseAt('active'), { type: 'scheduleSession', strategyId: 's-1', scheduledFor: '2026-01-20T09:00:00.000Z' }, ctx(people.lead));
    expect(r.ok || [r.error.code, r.error.rule]).toEqual(['GUARD_FAILED', 'strategyActive']);
    const missing = dispatch(started(), { type: 'scheduleSession', strategyId: 's-9', scheduledFor: '2026-01-20T09:00:00.000Z' }, ctx(people.lead));
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
  });

  it('records attendance once, and not before the session begins', () => {
    let s = must(started(), { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-01-20T09:00:00.000Z' }, ctx(people.lead));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-2', strategyId: 's-1', scheduledFor: '2030-01-20T09:00:00.000Z' }, ctx(people.lead));
    expect(s.sessions.find((v) => v.id === 'v-1')).toMatchObject({ status: 'scheduled', participants: ['client-1'] });
    const early = dispatch(s, { type: 'recordAttendance', sessionId: 'v-2', attendance: 'attended' }, ctx(people.lead));
    expect(early.ok || early.error.rule).toBe('notInFuture');
    s = must(s, { type: 'recordAttendance', sessionId: 'v-2', attendance: 'cancelled' }, ctx(people.lead));
    s = must(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'did-not-attend' }, ctx(people.lead));
    expect(s.sessions.find((v) => v.id === 'v-1')?.status).toBe('did-not-attend');
    const again = dispatch(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended' }, ctx(people.lead));
    expect(again.ok || again.error.code).toBe('INVALID_TRANSITION');
  });

  it('doseDelivered counts planned versus attended sessions and the did-not-attend rate', () => {
    let s = started();
    const outcomes = ['attended', 'attended', 'did-not-attend', 'attended', 'cancelled'] as const;
    outcomes.forEach((attendance, i) => {
      s = must(s, { type: 'scheduleSession', sessionId: `v-${i}`, strategyId: 's-1', scheduledFor: `2026-01-1${i}T09:00:00.000Z` }, ctx(people.lead));
      s = must(s, { type: 'recordAttendance', sessionId: `v-${i}`, attendance }, ctx(people.lead));
    });
    expect(doseDelivered(s, 's-1')).toEqual({
      strategyId: 's-1',
      plannedSessions: 12,
      scheduled: 0,
      attended: 3,
      didNotAttend: 1,
      cancelled: 1,
      fractionDelivered: 3 / 12,
      didNotAttendRate: 1 / 4,
    });
    expect(() => doseDelivered(s, 's-404')).toThrow(/No strategy s-404/);
  });
});
