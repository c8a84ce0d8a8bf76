import { describe, expect, it } from 'vitest';
import { dispatch, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const code = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead): string => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : r.error.code;
};
const medication = {
  type: 'proposeStrategy',
  strategyId: 's-med',
  modality: 'medication',
  description: 'Sertraline, titrated',
  goalIds: ['g-1'],
  responsibleMemberId: 'm-psy',
  dose: { plannedSessions: 6, frequency: 'monthly' },
};

function withPsychiatrist(state: CaseState): CaseState {
  return must(state, { type: 'addTeamMember', memberId: 'm-psy', personId: 'p-psy', role: 'psychiatrist' }, ctx(people.lead));
}

describe('strategy: proposed → planned → active ⇄ suspended → completed | discontinued', () => {
  it('walks its lifecycle', () => {
    let s = caseAt('active');
    expect(s.strategies['s-1']?.status).toBe('planned');
    s = must(s, { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));
    expect(s.strategies['s-1']).toMatchObject({ status: 'active', startedAt: expect.any(String) });
    s = must(s, { type: 'suspendStrategy', strategyId: 's-1', reason: 'Therapist on leave' }, ctx(people.lead));
    expect(s.strategies['s-1']).toMatchObject({ status: 'suspended', statusReason: 'Therapist on leave' });
    s = must(s, { type: 'resumeStrategy', strategyId: 's-1' }, ctx(people.lead));
    s = must(s, { type: 'completeStrategy', strategyId: 's-1' }, ctx(people.lead));
    expect(s.strategies['s-1']).toMatchObject({ status: 'completed', endedAt: expect.any(String) });
    expect(code(s, { type: 'suspendStrategy', strategyId: 's-1', reason: 'x' })).toBe('INVALID_TRANSITION');
    expect(code(s, { type: 'discontinueStrategy', strategyId: 's-1', reason: 'x' })).toBe('INVALID_TRANSITION');
  });

  it('startStrategy needs an active case and a planned strategy', () => {
    expect(code(caseAt('planned'), { type: 'startStrategy', strategyId: 's-1' })).toBe('INVALID_TRANSITION');
    const proposed = must(caseAt('active'), { ...medication, modality: 'cbt', strategyId: 's-2', responsibleMemberId: 'm-ther' }, ctx(people.lead));
    expect(code(proposed, { type: 'startStrategy', strategyId: 's-2' })).toBe('INVALID_TRANSITION');
  });

  it('medication needs its modality consent (CONSENT_REQUIRED) and a prescriber', () => {
    let s = withPsychiatrist(caseAt('active'));
    s = must(s, medication, ctx(people.lead));
    s = must(s, { type: 'planStrategy', strategyId: 's-med' }, ctx(people.lead));
    expect(code(s, { type: 'startStrategy', strategyId: 's-med' })).toBe('CONSENT_REQUIRED');
    s = must(s, { type: 'recordConsent', consentId: 'k-med', scope: 'modality:medication', grantedBy: 'client-1' }, ctx(people.client));
    expect(code(s, { type: 'startStrategy', strategyId: 's-med' })).toBe('ok');
  });

  it('refuses a responsible member whose role may not deliver the modality', () => {
    let s = must(caseAt('active'), { ...medication, responsibleMemberId: 'm-ther' }, ctx(people.lead));
    s = must(s, { type: 'planStrategy', strategyId: 's-med' }, ctx(people.lead));
    s = must(s, { type: 'recordConsent', consentId: 'k-med', scope: 'modality:medication', grantedBy: 'client-1' }, ctx(people.client));
    const r = dispatch(s, { type: 'startStrategy', strategyId: 's-med' }, ctx(people.lead));
    expect(r.ok || [r.error.code, r.error.rule]).toEqual(['GUARD_FAILED', 'responsibleMemberPermitted']);
  });

  it('withdrawing a consent suspends the strategies that depend on it, in the same dispatch', () => {
    let s = withPsychiatrist(caseAt('active'));
    s = must(s, { type: 'recordConsent', consentId: 'k-med', scope: 'modality:medication', grantedBy: 'client-1' }, ctx(people.client));
    s = must(s, medication, ctx(people.lead));
    s = must(s, { type: 'planStrategy', strategyId: 's-med' }, ctx(people.lead));
    s = must(s, { type: 'startStrategy', strategyId: 's-med' }, ctx(people.lead));
    s = must(s, { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));
    const r = dispatch(s, { type: 'withdrawConsent', consentId: 'k-med', reason: 'Side effects' }, ctx(people.client));
    if (!r.ok) throw r.error;
    expect(r.events.map((e) => e.type)).toEqual(['consentWithdrawn', 'strategySuspended']);
    expect(r.state.strategies['s-med']).toMatchObject({ status: 'suspended', suspendedByConsentId: 'k-med' });
    expect(r.state.strategies['s-1']?.status).toBe('active');
    expect(code(r.state, { type: 'resumeStrategy', strategyId: 's-med' })).toBe('CONSENT_REQUIRED');
  });

  it('withdrawing treatment consent suspends every active strategy', () => {
    const s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));
    const r = dispatch(s, { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    expect(r.ok && r.state.strategies['s-1']?.status).toBe('suspended');
  });

  it('proposeStrategy checks modality, goals and member', () => {
    const s = caseAt('active');
    const rule = (c: object) => {
      const r = dispatch(s, c, ctx(people.lead));
      return r.ok ? 'ok' : r.error.rule;
    };
    expect(rule({ ...medication, modality: 'hypnosis' })).toBe('knownModality');
    expect(rule({ ...medication, goalIds: ['g-404'] })).toBe('openGoals');
    expect(rule({ ...medication, responsibleMemberId: 'm-404' })).toBe('memberOnTeam');
    // A goal or member that does not exist is NOT_FOUND, as everywhere; one that ended is a guard.
    const code = (c: object, state = s) => {
      const r = dispatch(state, c, ctx(people.lead));
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code({ ...medication, goalIds: ['g-404'] })).toBe('NOT_FOUND');
    expect(code({ ...medication, responsibleMemberId: 'm-404' })).toBe('NOT_FOUND');
    const cancelled = must(s, { type: 'cancelGoal', goalId: 'g-1', reason: 'No longer wanted' }, ctx(people.lead));
    expect(code({ ...medication, goalIds: ['g-1'] }, cancelled)).toBe('GUARD_FAILED');
  });

  it('apps register their own modalities through the policy', () => {
    const custom = world('2026-02-01T09:00:00.000Z', { modalities: [{ name: 'emdr', roles: ['therapist'], needsConsent: false }] });
    const s = must(caseAt('active'), { ...medication, modality: 'emdr', responsibleMemberId: 'm-ther' }, custom(people.lead));
    expect(s.strategies['s-med']?.modality).toBe('emdr');
  });

  it('discontinues from proposed, planned, active and suspended', () => {
    expect(code(caseAt('planned'), { type: 'discontinueStrategy', strategyId: 's-1', reason: 'x' })).toBe('ok');
    expect(code(caseAt('planned'), { type: 'completeStrategy', strategyId: 's-1' })).toBe('INVALID_TRANSITION');
  });
});
