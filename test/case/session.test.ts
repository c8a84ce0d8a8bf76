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

  it('is rescheduled while scheduled, to another time, with the old time kept in the log', () => {
    let s = must(started(), { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-02-10T09:00:00.000Z' }, ctx(people.lead));
    const same = dispatch(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-02-10T10:00:00+01:00' }, ctx(people.lead));
    expect(same.ok || [same.error.code, same.error.rule]).toEqual(['GUARD_FAILED', 'newTime']);
    const moved = dispatch(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-02-12T09:00:00.000Z', reason: 'Client asked' }, ctx(people.admin));
    expect(moved.ok || moved.error.message).toBe(true);
    if (!moved.ok) return;
    expect(moved.events[0]).toMatchObject({ type: 'sessionRescheduled', data: { sessionId: 'v-1', scheduledFor: '2026-02-12T09:00:00.000Z', previousScheduledFor: '2026-02-10T09:00:00.000Z' }, reason: 'Client asked' });
    s = moved.state;
    expect(s.sessions.find((v) => v.id === 'v-1')).toMatchObject({ status: 'scheduled', scheduledFor: '2026-02-12T09:00:00.000Z' });
    const missing = dispatch(s, { type: 'rescheduleSession', sessionId: 'v-9', scheduledFor: '2026-02-13T09:00:00.000Z' }, ctx(people.lead));
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
    s = must(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'cancelled' }, ctx(people.lead));
    const late = dispatch(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-02-14T09:00:00.000Z' }, ctx(people.lead));
    expect(late.ok || late.error.code).toBe('INVALID_TRANSITION');
    const byClient = dispatch(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-02-14T09:00:00.000Z' }, ctx(people.client));
    expect(byClient.ok || byClient.error.code).toBe('FORBIDDEN');
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

describe('the sessions of a strategy that has ended', () => {
  const at = (now: string) => ({ actor: people.lead, now: () => now });
  /** A session at `when`, then its strategy ended (`how`) at 2026-03-01T12:00Z. */
  const endedWith = (how: 'discontinueStrategy' | 'completeStrategy', when: string) => {
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: when }, at('2026-02-02T09:00:00.000Z'));
    return must(s, how === 'discontinueStrategy' ? { type: how, strategyId: 's-1', reason: 'Not helping' } : { type: how, strategyId: 's-1' }, at('2026-03-01T12:00:00.000Z'));
  };
  const outcome = (s: CaseState, command: object) => {
    const r = dispatch(s, command, at('2026-03-20T09:00:00.000Z'));
    return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
  };
  const attend = (attendance: string) => ({ type: 'recordAttendance', sessionId: 'v-1', attendance });

  it.each(['discontinueStrategy', 'completeStrategy'] as const)('after %s: one held later is not recorded as attended, nor moved; missed or cancelled it may be', (how) => {
    const s = endedWith(how, '2026-03-05T10:00:00.000Z');
    expect(outcome(s, attend('attended'))).toBe('GUARD_FAILED:strategyOpenWhenHeld');
    expect(outcome(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-03-06T10:00:00.000Z' })).toBe('GUARD_FAILED:strategyNotEnded');
    expect(outcome(s, attend('cancelled'))).toBe('ok');
    expect(outcome(s, attend('did-not-attend'))).toBe('ok');
  });

  it('one held before the strategy ended is still recorded as attended after it (judged by the instant, not its text)', () => {
    expect(outcome(endedWith('discontinueStrategy', '2026-03-01T11:59:59.999Z'), attend('attended'))).toBe('ok');
    expect(outcome(endedWith('discontinueStrategy', '2026-03-01T12:00:00.000Z'), attend('attended'))).toBe('GUARD_FAILED:strategyOpenWhenHeld');
    // 13:30 at UTC+02:00 is 11:30Z, before the end; 07:30 at UTC−05:00 is 12:30Z, after it.
    expect(outcome(endedWith('completeStrategy', '2026-03-01T13:30:00+02:00'), attend('attended'))).toBe('ok');
    expect(outcome(endedWith('completeStrategy', '2026-03-01T07:30:00-05:00'), attend('attended'))).toBe('GUARD_FAILED:strategyOpenWhenHeld');
  });

  it('a suspended strategy has not ended: its sessions may still be moved', () => {
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-03-05T10:00:00.000Z' }, at('2026-02-02T09:00:00.000Z'));
    s = must(s, { type: 'suspendStrategy', strategyId: 's-1', reason: 'Client in hospital' }, at('2026-03-01T12:00:00.000Z'));
    expect(outcome(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-04-06T10:00:00.000Z' })).toBe('ok');
  });
});

describe('who takes part in a session', () => {
  const rule = (s: CaseState, command: object) => {
    const r = dispatch(s, command, ctx(people.lead));
    return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
  };
  const schedule = (participants?: string[]) => ({ type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-01-20T09:00:00.000Z', ...(participants ? { participants } : {}) });

  it('participants are the client, family members on the team, or team members', () => {
    let s = started();
    expect(rule(s, schedule(['client-1', 'p-ther']))).toBe('ok');
    expect(rule(s, schedule(['client-1', 'mum-1']))).toBe('GUARD_FAILED:participantsKnown');
    s = must(s, { type: 'addTeamMember', memberId: 'm-mum', personId: 'mum-1', role: 'family-member' }, ctx(people.lead));
    // On the team, and then with her own consent to take part.
    expect(rule(s, schedule(['client-1', 'mum-1']))).toBe('CONSENT_REQUIRED:familyConsent');
    s = must(s, { type: 'recordConsent', scope: 'participant:mum-1', grantedBy: 'mum-1' }, ctx(people.lead));
    expect(rule(s, schedule(['client-1', 'mum-1']))).toBe('ok');
  });

  it('an empty list is refused, when scheduling and when recording attendance', () => {
    const s = must(started(), schedule(), ctx(people.lead));
    expect(rule(started(), schedule([]))).toBe('INVALID_COMMAND:');
    expect(rule(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended', participants: [] })).toBe('INVALID_COMMAND:');
    expect(rule(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended', participants: ['stranger-9'] })).toBe('GUARD_FAILED:participantsKnown');
  });
});

describe('structured family intervention: outcome accepted or declined', () => {
  const sfi = () => {
    let s = caseAt('active');
    s = must(s, { type: 'addTeamMember', memberId: 'm-int', personId: 'p-int', role: 'interventionist' }, ctx(people.lead));
    s = must(s, { type: 'addTeamMember', memberId: 'm-mum', personId: 'mum-1', role: 'family-member' }, ctx(people.lead));
    s = must(s, { type: 'proposeStrategy', strategyId: 's-sfi', modality: 'structured-family-intervention', description: 'Planned family meeting about drinking', goalIds: ['g-1'], responsibleMemberId: 'm-int', dose: { plannedSessions: 1, frequency: 'once' } }, ctx(people.lead));
    s = must(s, { type: 'planStrategy', strategyId: 's-sfi' }, ctx(people.lead));
    s = must(s, { type: 'startStrategy', strategyId: 's-sfi' }, ctx(people.lead));
    s = must(s, { type: 'recordConsent', scope: 'participant:mum-1', grantedBy: 'mum-1' }, ctx(people.lead));
    return must(s, { type: 'scheduleSession', sessionId: 'v-f', strategyId: 's-sfi', scheduledFor: '2026-01-20T09:00:00.000Z', participants: ['client-1', 'mum-1', 'p-int'] }, ctx(people.lead));
  };
  const rule = (s: CaseState, command: object) => {
    const r = dispatch(s, command, ctx(people.lead));
    return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
  };

  it('completes with the outcome, once the family meeting took place', () => {
    let s = sfi();
    expect(rule(s, { type: 'completeStrategy', strategyId: 's-sfi', interventionOutcome: 'accepted' })).toBe('GUARD_FAILED:interventionOutcome');
    s = must(s, { type: 'recordAttendance', sessionId: 'v-f', attendance: 'attended' }, ctx(people.lead));
    expect(rule(s, { type: 'completeStrategy', strategyId: 's-sfi' })).toBe('GUARD_FAILED:interventionOutcome');
    s = must(s, { type: 'completeStrategy', strategyId: 's-sfi', interventionOutcome: 'declined' }, ctx(people.lead));
    expect(s.strategies['s-sfi']).toMatchObject({ status: 'completed', interventionOutcome: 'declined' });
  });

  it('is recorded only for that modality', () => {
    const s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));
    expect(rule(s, { type: 'completeStrategy', strategyId: 's-1', interventionOutcome: 'accepted' })).toBe('GUARD_FAILED:interventionOutcome');
    expect(must(s, { type: 'completeStrategy', strategyId: 's-1' }, ctx(people.lead)).strategies['s-1']?.interventionOutcome).toBeNull();
  });
});
