import { describe, expect, it } from 'vitest';
import { consentStatus, dispatch, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const rule = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead) => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};

describe('care team', () => {
  it('adds members once, assigns and replaces the lead', () => {
    let s = caseAt('active');
    expect(rule(s, { type: 'addTeamMember', personId: 'p-ther', role: 'therapist' })).toBe('GUARD_FAILED:notAlreadyOnTeam');
    s = must(s, { type: 'assignLead', memberId: 'm-ther' }, ctx(people.lead));
    expect(s.leadMemberId).toBe('m-ther');
    expect(rule(s, { type: 'assignLead', memberId: 'm-ther' })).toBe('GUARD_FAILED:notAlreadyLead');
  });

  it('keeps exactly one lead once the plan is active', () => {
    const s = caseAt('active');
    expect(rule(s, { type: 'removeTeamMember', memberId: 'm-lead' })).toBe('GUARD_FAILED:leadReplacedFirst');
    const family = must(s, { type: 'addTeamMember', memberId: 'm-fam', personId: 'mum-1', role: 'family-member' }, ctx(people.lead));
    expect(rule(family, { type: 'assignLead', memberId: 'm-fam' })).toBe('GUARD_FAILED:clinicalRole');
  });

  it('removes a member who then may no longer act; one responsible for a strategy hands it over first', () => {
    const r = dispatch(caseAt('active'), { type: 'removeTeamMember', memberId: 'm-ther' }, ctx(people.lead));
    expect(r.ok || [r.error.code, r.error.rule, r.error.message]).toEqual([
      'GUARD_FAILED',
      'responsibleReassigned',
      'Cannot removeTeamMember for team member m-ther: member m-ther is responsible for strategy s-1 (planned): reassignStrategy first',
    ]);
    const handedOver = must(caseAt('active'), { type: 'reassignStrategy', strategyId: 's-1', responsibleMemberId: 'm-lead', reason: 'Therapist leaving' }, ctx(people.lead));
    const s = must(handedOver, { type: 'removeTeamMember', memberId: 'm-ther' }, ctx(people.lead));
    expect(s.team['m-ther']).toMatchObject({ status: 'left', leftAt: expect.any(String) });
    expect(rule(s, { type: 'holdCase', reason: 'x' }, people.therapist)).toBe('FORBIDDEN:');
    // An ended strategy keeps the name of who delivered it, and holds no one back.
    const ended = must(caseAt('active'), { type: 'discontinueStrategy', strategyId: 's-1', reason: 'Client declined' }, ctx(people.lead));
    expect(rule(ended, { type: 'removeTeamMember', memberId: 'm-ther' })).toBe('ok');
  });
});

describe('consent', () => {
  it('is granted by the client or a family member on the team', () => {
    expect(rule(caseAt('active'), { type: 'recordConsent', scope: 'research', grantedBy: 'p-lead' })).toBe('GUARD_FAILED:grantedByClient');
    expect(rule(caseAt('active'), { type: 'recordConsent', scope: 'research', grantedBy: 'client-1' }, people.client)).toBe('ok');
  });

  it('cannot be recorded before it is given: a consent dated in the future would let treatment start without it', () => {
    const at = (now: string) => ({ actor: people.client, now: () => now });
    const give = (grantedAt: string) => {
      const r = dispatch(caseAt('planned'), { type: 'recordConsent', scope: 'treatment', grantedBy: 'client-1', grantedAt }, at('2026-02-01T10:00:00.000Z'));
      return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
    };
    expect(give('2026-02-01T10:00:00.001Z')).toBe('GUARD_FAILED:notInFuture');
    expect(give('2027-01-01T00:00:00.000Z')).toBe('GUARD_FAILED:notInFuture');
    expect(give('2026-02-01T10:00:00.000Z')).toBe('ok');
    expect(give('2026-01-20T00:00:00.000Z')).toBe('ok');
    // Judged by the instant: 11:30 at UTC+02:00 is 09:30Z, already past.
    expect(give('2026-02-01T11:30:00+02:00')).toBe('ok');
    expect(give('2026-02-01T09:30:00-05:00')).toBe('GUARD_FAILED:notInFuture');
  });

  it('cannot be recorded already expired, and expires against the clock', () => {
    expect(rule(caseAt('active'), { type: 'recordConsent', scope: 'research', grantedBy: 'client-1', expiresAt: '2026-01-01T00:00:00.000Z' })).toBe('GUARD_FAILED:notExpired');
    const s = must(caseAt('active'), { type: 'recordConsent', consentId: 'k-r', scope: 'research', grantedBy: 'client-1', expiresAt: '2026-03-01T00:00:00.000Z' }, ctx(people.client));
    const consent = s.consents['k-r'];
    if (!consent) throw new Error('missing');
    expect(consentStatus(consent, '2026-02-15T00:00:00.000Z')).toBe('active');
    expect(consentStatus(consent, '2026-03-01T00:00:00.000Z')).toBe('expired');
    const late = world('2026-04-01T00:00:00.000Z');
    const r = dispatch(s, { type: 'withdrawConsent', consentId: 'k-r' }, late(people.client));
    expect(r.ok || r.error.code).toBe('INVALID_TRANSITION');
  });

  it('withdrawn once; rejects unknown scopes', () => {
    const s = must(caseAt('active'), { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    expect(s.consents['k-1']).toMatchObject({ status: 'withdrawn', withdrawnAt: expect.any(String) });
    expect(rule(s, { type: 'withdrawConsent', consentId: 'k-1' }, people.client)).toBe('INVALID_TRANSITION:');
    expect(rule(s, { type: 'recordConsent', scope: 'everything', grantedBy: 'client-1' }, people.client)).toBe('INVALID_COMMAND:');
  });
});

describe('notes', () => {
  it('records collaboration by active team members, even after closure', () => {
    const note = { type: 'addNote', kind: 'handoff', text: 'Handed over to community team', authorMemberId: 'm-lead', visibility: 'clinical-only' };
    const s = must(caseAt('closed'), note, ctx(people.lead));
    expect(s.notes.at(-1)).toMatchObject({ kind: 'handoff', visibility: 'clinical-only', authorMemberId: 'm-lead' });
    expect(rule(caseAt('active'), { ...note, authorMemberId: 'm-404' })).toBe('NOT_FOUND:');
    const handedOver = must(caseAt('active'), { type: 'reassignStrategy', strategyId: 's-1', responsibleMemberId: 'm-lead' }, ctx(people.lead));
    const left = must(handedOver, { type: 'removeTeamMember', memberId: 'm-ther' }, ctx(people.lead));
    expect(rule(left, { ...note, authorMemberId: 'm-ther' })).toBe('GUARD_FAILED:authorOnTeam');
  });
});
