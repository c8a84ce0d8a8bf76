import { describe, expect, it } from 'vitest';
import { allowedCommands, dispatch, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const refusal = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead) => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};

describe('activatePlan', () => {
  it('activates a ready plan, sets the next review and lists the goals it activated', () => {
    const r = dispatch(caseAt('planned'), { type: 'activatePlan' }, ctx(people.lead));
    if (!r.ok) throw r.error;
    expect(r.events[0]).toMatchObject({ type: 'planActivated', data: { activatedGoalIds: ['g-1'], reviewDueBy: '2026-04-26' } });
    expect(r.state.status).toBe('active');
  });

  it('uses the policy review interval', () => {
    const custom = world('2026-02-01T09:00:00.000Z', { reviewIntervalDays: 42 });
    expect(must(caseAt('planned'), { type: 'activatePlan' }, custom(people.lead)).reviewDueBy).toBe('2026-03-15');
  });

  it('needs an agreed goal', () => {
    expect(refusal(caseAt('planning'), { type: 'activatePlan' })).toBe('GUARD_FAILED:goalAgreed');
  });

  it('needs a planned strategy for each agreed goal', () => {
    const s = must(caseAt('planned'), { type: 'discontinueStrategy', strategyId: 's-1', reason: 'x' }, ctx(people.lead));
    expect(refusal(s, { type: 'activatePlan' })).toBe('GUARD_FAILED:strategyPerGoal');
  });

  it('needs an active treatment consent (CONSENT_REQUIRED), judged against the clock', () => {
    const withdrawn = must(caseAt('planned'), { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    expect(refusal(withdrawn, { type: 'activatePlan' })).toBe('CONSENT_REQUIRED:treatmentConsent');
    const expiring = world('2026-01-05T09:00:00.000Z');
    let s = caseAt('planned', expiring);
    s = must(s, { type: 'withdrawConsent', consentId: 'k-1' }, expiring(people.client));
    s = must(s, { type: 'recordConsent', consentId: 'k-2', scope: 'treatment', grantedBy: 'client-1', expiresAt: '2026-01-06T12:00:00.000Z' }, expiring(people.client));
    expect(dispatch(s, { type: 'activatePlan' }, expiring(people.lead)).ok).toBe(true);
    const later = world('2026-01-07T09:00:00.000Z');
    const r = dispatch(s, { type: 'activatePlan' }, later(people.lead));
    expect(r.ok || r.error.code).toBe('CONSENT_REQUIRED');
  });

  it('needs a lead practitioner', () => {
    const s = must(caseAt('planned'), { type: 'removeTeamMember', memberId: 'm-lead' }, ctx(people.supervisor));
    expect(refusal(s, { type: 'activatePlan' }, people.supervisor)).toBe('GUARD_FAILED:leadPractitioner');
  });

  it('is offered by allowedCommands only when ready', () => {
    expect(allowedCommands(caseAt('planning'), people.lead, { at: '2026-02-01T09:00:00.000Z' })).not.toContain('activatePlan');
    expect(allowedCommands(caseAt('planned'), people.lead, { at: '2026-02-01T09:00:00.000Z' })).toContain('activatePlan');
    expect(allowedCommands(caseAt('planned'), people.therapist, { at: '2026-02-01T09:00:00.000Z' })).not.toContain('activatePlan');
  });

  it('names the reason in the message', () => {
    const r = dispatch(caseAt('planning'), { type: 'activatePlan' }, ctx(people.lead));
    expect(r.ok || r.error.message).toBe('Cannot activatePlan for case c-1: agree at least one goal with the client first');
  });
});

describe('reviews', () => {
  it('completeReview needs a final evaluation recorded during this review', () => {
    let s = caseAt('reviewing');
    expect(refusal(s, { type: 'completeReview', outcome: 'continue' })).toBe('GUARD_FAILED:finalEvaluationThisReview');
    s = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx(people.lead));
    expect(refusal(s, { type: 'completeReview', outcome: 'continue' })).toBe('GUARD_FAILED:finalEvaluationThisReview');
    s = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'final', goalOutcomes: [], barriers: ['Transport'], decision: 'continue' }, ctx(people.lead));
    const done = must(s, { type: 'completeReview', outcome: 'continue' }, ctx(people.lead));
    expect(done.status).toBe('active');
    expect(done.review).toBeNull();
    const again = must(done, { type: 'startReview' }, ctx(people.lead));
    expect(refusal(again, { type: 'completeReview', outcome: 'continue' })).toBe('GUARD_FAILED:finalEvaluationThisReview');
  });

  it('re-plan returns to planning', () => {
    let s = caseAt('reviewing');
    s = must(s, { type: 'recordEvaluation', status: 'final', goalOutcomes: [], barriers: [], decision: 'revise' }, ctx(people.lead));
    expect(must(s, { type: 'completeReview', outcome: 're-plan' }, ctx(people.lead)).status).toBe('planning');
  });

  it('a final evaluation is immutable', () => {
    let s = caseAt('reviewing');
    s = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'final', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx(people.lead));
    expect(refusal(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'final', goalOutcomes: [], barriers: [], decision: 'close' })).toBe('INVALID_TRANSITION:');
  });

  it('evaluation goal outcomes must name goals of the case', () => {
    expect(refusal(caseAt('reviewing'), { type: 'recordEvaluation', status: 'draft', goalOutcomes: [{ goalId: 'g-9', status: 'achieved', evidence: 'x' }], barriers: [], decision: 'continue' })).toBe('NOT_FOUND:knownGoals');
  });
});
