import { describe, expect, it } from 'vitest';
import { dispatch, openCase, type CaseState } from '../../src/index.js';
import { caseAt, must, people, referral, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const refusal = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead, c = ctx) => {
  const r = dispatch(state, command, c(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};

describe('openCase and the referral', () => {
  it('opens a referred case with its history and version 1', () => {
    const r = openCase({ caseId: 'c-9', clientId: 'client-9', referral, setting: 'online' }, ctx(people.admin));
    if (!r.ok) throw r.error;
    expect(r.state).toMatchObject({ id: 'c-9', status: 'referred', version: 1, schemaVersion: 1, statusHistory: [{ status: 'referred' }] });
    expect(r.events[0]).toMatchObject({ type: 'caseOpened', caseId: 'c-9', seq: 1, actor: people.admin });
  });

  it('refuses a referral dated after the case is opened, judged by the instant and not the text', () => {
    const at = (now: string) => ({ actor: people.lead, now: () => now, newId: () => 'c-f' });
    const open = (receivedAt: string, now: string) => {
      const r = openCase({ clientId: 'client-9', referral: { ...referral, receivedAt }, setting: 'clinic' }, at(now));
      return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
    };
    expect(open('2026-02-01T10:00:00.001Z', '2026-02-01T10:00:00.000Z')).toBe('GUARD_FAILED:notInFuture');
    expect(open('2026-02-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z')).toBe('ok');
    // 11:30 at UTC+02:00 is 09:30Z: earlier than 10:00Z although it reads later.
    expect(open('2026-02-01T11:30:00+02:00', '2026-02-01T10:00:00.000Z')).toBe('ok');
    // 09:30 at UTC−05:00 is 14:30Z: later than 10:00Z although it reads earlier.
    expect(open('2026-02-01T09:30:00-05:00', '2026-02-01T10:00:00.000Z')).toBe('GUARD_FAILED:notInFuture');
  });

  it('declines a referral with a reason', () => {
    const s = must(caseAt('referred'), { type: 'declineReferral', reason: 'not-accepted', summary: 'Out of area' }, ctx(people.lead));
    expect(s).toMatchObject({ status: 'closed', closure: { reason: 'not-accepted', summary: 'Out of area' } });
  });
});

describe('hold and resume', () => {
  it('returns to the status it was held from', () => {
    for (const from of ['assessing', 'planning', 'active', 'reviewing'] as const) {
      const held = must(caseAt(from), { type: 'holdCase', reason: 'Client abroad' }, ctx(people.lead));
      expect(held).toMatchObject({ status: 'on-hold', heldFrom: from });
      const resumed = must(held, { type: 'resumeCase' }, ctx(people.lead));
      expect(resumed.status).toBe(from);
      expect(resumed.heldFrom).toBeNull();
    }
  });

  it('a review is paused with the case, not ended by a final evaluation written to pause it', () => {
    const reviewing = caseAt('reviewing');
    const resumed = must(must(reviewing, { type: 'holdCase', reason: 'Client admitted to hospital' }, ctx(people.lead)), { type: 'resumeCase' }, ctx(people.lead));
    expect(resumed.review).toEqual(reviewing.review);
    expect(refusal(resumed, { type: 'completeReview', outcome: 'continue' })).toBe('GUARD_FAILED:finalEvaluationThisReview');
  });
});

describe('closing as completed needs treatment in this episode', () => {
  const at = (now: string) => ({ actor: people.lead, now: () => now });
  const completed = { type: 'closeCase', reason: 'completed' };
  /** A case whose review recorded the goal's outcome and a final evaluation, then sent it back to planning. */
  const replanned = () => {
    let s = must(caseAt('reviewing'), { type: 'recordGoalOutcome', goalId: 'g-1', outcome: 'achieved' }, at('2026-01-20T09:00:00.000Z'));
    s = must(s, { type: 'recordEvaluation', status: 'final', goalOutcomes: [{ goalId: 'g-1', status: 'achieved', evidence: 'PHQ-9 6' }], barriers: [], decision: 'revise' }, at('2026-01-20T10:00:00.000Z'));
    return must(s, { type: 'completeReview', outcome: 're-plan' }, at('2026-01-20T11:00:00.000Z'));
  };

  it('a case re-planned after a review, or held from one, has had it', () => {
    const s = replanned();
    expect(s.status).toBe('planning');
    expect(refusal(s, completed)).toBe('ok');
    expect(refusal(must(s, { type: 'holdCase', reason: 'Client abroad' }, at('2026-01-21T09:00:00.000Z')), completed)).toBe('ok');
  });

  it('a plan never activated, or a reopened episode not yet treated, has not', () => {
    expect(refusal(caseAt('planning'), completed)).toBe('GUARD_FAILED:treatmentBegun');
    const reopened = must(caseAt('closed'), { type: 'reopenCase', reason: 'Referred again' }, ctx(people.lead));
    expect(refusal(reopened, completed)).toBe('GUARD_FAILED:treatmentBegun');
  });
});

describe('closeCase', () => {
  it('completed needs a final evaluation and an outcome on every goal', () => {
    const active = caseAt('active');
    const r = dispatch(active, { type: 'closeCase', reason: 'completed' }, ctx(people.lead));
    expect(r.ok || r.error.message).toBe('Cannot closeCase for case c-1: closing as completed needs a final evaluation; record one first');
    const evaluated = must(active, { type: 'recordEvaluation', status: 'final', goalOutcomes: [], barriers: [], decision: 'close' }, ctx(people.lead));
    const r2 = dispatch(evaluated, { type: 'closeCase', reason: 'partially-completed' }, ctx(people.lead));
    expect(r2.ok || r2.error.message).toContain('goal g-1 is active');
    expect(caseAt('closed').closure?.reason).toBe('completed');
  });

  it('ends open strategies and cancels scheduled sessions with the case', () => {
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-03-01T09:00:00.000Z' }, ctx(people.lead));
    const r = dispatch(s, { type: 'closeCase', reason: 'disengaged' }, ctx(people.lead));
    if (!r.ok) throw r.error;
    expect(r.events[0]?.data).toMatchObject({ endedStrategyIds: ['s-1'], cancelledSessionIds: ['v-1'] });
    expect(r.state.strategies['s-1']).toMatchObject({ status: 'discontinued', statusReason: 'case closed' });
    expect(r.state.sessions.find((v) => v.id === 'v-1')?.status).toBe('cancelled');
  });

  it('needs a lead practitioner or supervisor', () => {
    expect(refusal(caseAt('active'), { type: 'closeCase', reason: 'disengaged' }, people.therapist)).toBe('FORBIDDEN:');
  });

  it('does not write "cancelled" over a session already due: its attendance is recorded first (judged by the instant)', () => {
    const at = (now: string) => ({ actor: people.lead, now: () => now });
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    // 09:30 at UTC+01:00 is 08:30Z, due by the close at 09:00Z; 10:30 at UTC+01:00 is 09:30Z, not yet.
    for (const [id, when] of [['v-1', '2026-03-02T09:00:00.000Z'], ['v-2', '2026-03-20T09:30:00+01:00'], ['v-3', '2026-03-20T10:30:00+01:00']]) {
      s = must(s, { type: 'scheduleSession', sessionId: id, strategyId: 's-1', scheduledFor: when }, at('2026-02-02T09:00:00.000Z'));
    }
    const close = { type: 'closeCase', reason: 'disengaged' };
    const r = dispatch(s, close, at('2026-03-20T09:00:00.000Z'));
    expect(r.ok || [r.error.code, r.error.rule, r.error.message]).toEqual([
      'GUARD_FAILED',
      'attendanceRecorded',
      'Cannot closeCase for case c-1: no attendance is recorded for sessions due by now (v-1 (2026-03-02T09:00:00.000Z), v-2 (2026-03-20T08:30:00.000Z)); record each as attended, missed or cancelled first',
    ]);
    s = must(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'did-not-attend' }, at('2026-03-20T09:00:00.000Z'));
    s = must(s, { type: 'recordAttendance', sessionId: 'v-2', attendance: 'did-not-attend' }, at('2026-03-20T09:00:00.000Z'));
    const closed = must(s, close, at('2026-03-20T09:00:00.000Z'));
    expect(closed.sessions.map((v) => [v.id, v.status])).toEqual([['v-1', 'did-not-attend'], ['v-2', 'did-not-attend'], ['v-3', 'cancelled']]);
  });

  it('on hold too: the sessions of the hold are recorded as missed or cancelled, one from before it as it went, then the case closes', () => {
    const at = (now: string) => ({ actor: people.lead, now: () => now });
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-0', strategyId: 's-1', scheduledFor: '2026-02-27T09:00:00.000Z' }, at('2026-02-02T09:00:00.000Z'));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-03-02T09:00:00.000Z' }, at('2026-02-02T09:00:00.000Z'));
    s = must(s, { type: 'holdCase', reason: 'Client in hospital' }, at('2026-03-01T09:00:00.000Z'));
    const close = { type: 'closeCase', reason: 'disengaged' };
    expect(refusal(s, close, people.lead, () => at('2026-03-20T09:00:00.000Z') as never)).toBe('GUARD_FAILED:attendanceRecorded');
    expect(refusal(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended' }, people.lead, () => at('2026-03-20T09:00:00.000Z') as never)).toBe('GUARD_FAILED:caseOpenWhenHeld');
    s = must(s, { type: 'recordAttendance', sessionId: 'v-0', attendance: 'attended' }, at('2026-03-20T09:00:00.000Z'));
    s = must(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'cancelled' }, at('2026-03-20T09:00:00.000Z'));
    expect(must(s, close, at('2026-03-20T09:00:00.000Z')).sessions.map((v) => v.status)).toEqual(['attended', 'cancelled']);
  });
});

describe('reopenCase', () => {
  it('reopens into a new assessment', () => {
    const s = must(caseAt('closed'), { type: 'reopenCase', reason: 'Referred again', assessmentId: 'a-2' }, ctx(people.lead));
    expect(s.status).toBe('assessing');
    expect(s.closure).toBeNull();
    expect(s.assessments.map((a) => [a.id, a.status])).toEqual([
      ['a-1', 'completed'],
      ['a-2', 'in-progress'],
    ]);
  });

  it('never after deceased', () => {
    const s = must(caseAt('active'), { type: 'closeCase', reason: 'deceased' }, ctx(people.lead));
    expect(refusal(s, { type: 'reopenCase', reason: 'x' })).toBe('GUARD_FAILED:notDeceased');
  });

  it('within the policy window', () => {
    const strict = world('2026-02-01T09:00:00.000Z', { reopenWithinDays: 30 });
    const closed = caseAt('closed');
    expect(refusal(closed, { type: 'reopenCase', reason: 'x' }, people.lead, strict)).toBe('ok');
    const late = world('2026-06-01T09:00:00.000Z', { reopenWithinDays: 30 });
    expect(refusal(closed, { type: 'reopenCase', reason: 'x' }, people.lead, late)).toBe('GUARD_FAILED:withinReopenWindow');
  });
});
