import { describe, expect, it } from 'vitest';
import { dispatch, type CaseState } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { caseAt, must, people, phqGoal, world } from './fixtures.js';

// A client who declines help, rejects a goal, or moves on to another service; and what the plan
// keeps when a goal is revised.

const ctx = world('2026-02-01T09:00:00.000Z');
const rule = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead) => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};

describe('closing before treatment', () => {
  it('a case may close as declined or disengaged from assessing and planning, without a hold', () => {
    for (const status of ['assessing', 'planning'] as const) {
      for (const reason of ['declined', 'disengaged']) {
        const s = caseAt(status);
        expect(rule(s, { type: 'closeCase', reason }), `${status} ${reason}`).toBe('ok');
      }
    }
  });

  it('but not as completed: no treatment was delivered', () => {
    expect(rule(caseAt('assessing'), { type: 'closeCase', reason: 'completed' })).toBe('GUARD_FAILED:treatmentBegun');
    const held = must(caseAt('planning'), { type: 'holdCase', reason: 'Client unsure' }, ctx(people.lead));
    expect(rule(held, { type: 'closeCase', reason: 'partially-completed' })).toBe('GUARD_FAILED:treatmentBegun');
  });
});

describe('a client may reject a proposed goal', () => {
  it('proposed → rejected, by the client, with a reason; terminal', () => {
    let s = must(caseAt('planning'), { type: 'proposeGoal', goalId: 'g-9', addressesNeedIds: ['n-mood'], ...phqGoal }, ctx(people.lead));
    s = must(s, { type: 'rejectGoal', goalId: 'g-9', reason: 'I would rather work on sleep first' }, ctx(people.client));
    expect(s.goals['g-9']).toMatchObject({ status: 'rejected', statusReason: 'I would rather work on sleep first' });
    expect(rule(s, { type: 'agreeGoal', goalId: 'g-9', agreedBy: ['client-1'] }, people.client)).toBe('INVALID_TRANSITION:');
    expect(rule(caseAt('active'), { type: 'rejectGoal', goalId: 'g-1' }, people.client)).toBe('INVALID_TRANSITION:'); // agreed already
  });
});

describe('revising a goal keeps the plan', () => {
  it('moves the open strategies of the old goal to the new one', () => {
    const s = must(caseAt('active'), { type: 'reviseGoal', goalId: 'g-1', newGoalId: 'g-2', reason: 'Target too ambitious', measure: { ...phqGoal.measure, target: 12 } }, ctx(people.lead));
    expect(s.strategies['s-1']?.goalIds).toEqual(['g-2']);
    // Sessions can go on for the revised goal: the strategy serves an open goal.
    expect(rule(s, { type: 'startStrategy', strategyId: 's-1' }, people.therapist)).toBe('ok');
  });

  it('computes the new goal’s achievement from the measurements already taken', () => {
    let s = caseAt('active');
    s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 16, takenAt: '2026-01-20T09:00:00.000Z', source: 'client-report' }, ctx(people.lead));
    s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 11, takenAt: '2026-01-27T09:00:00.000Z', source: 'client-report' }, ctx(people.lead));
    const revised = must(s, { type: 'reviseGoal', goalId: 'g-1', newGoalId: 'g-2', reason: 'Target revised', measure: { ...phqGoal.measure, target: 12 } }, ctx(people.lead));
    expect(revised.goals['g-2']?.achievement).toBe('achieved');
    const proposed = must(s, { type: 'proposeGoal', goalId: 'g-3', addressesNeedIds: ['n-mood'], ...phqGoal }, ctx(people.lead));
    expect(proposed.goals['g-3']?.achievement).toBe('improving');
  });
});

describe('handing the client on shares their information', () => {
  const closing = { type: 'closeCase', reason: 'referred-on', destination: 'org-housing-team' };

  it('closing as referred-on with a destination needs an information-sharing consent that covers it', () => {
    const s = caseAt('active');
    expect(rule(s, closing)).toBe('CONSENT_REQUIRED:informationSharingConsent');
    const other = must(s, { type: 'recordConsent', scope: 'information-sharing', grantedBy: 'client-1', sharingWith: ['org-gp'] }, ctx(people.client));
    expect(rule(other, closing)).toBe('CONSENT_REQUIRED:informationSharingConsent');
    const covered = must(s, { type: 'recordConsent', scope: 'information-sharing', grantedBy: 'client-1', sharingWith: ['org-housing-team'] }, ctx(people.client));
    const closed = must(covered, closing, ctx(people.lead));
    expect(closed.closure).toMatchObject({ reason: 'referred-on', destination: 'org-housing-team' });
  });

  it('a destination goes only with transferred or referred-on; without one nothing is shared', () => {
    expect(rule(caseAt('active'), { type: 'closeCase', reason: 'disengaged', destination: 'org-x' })).toBe('GUARD_FAILED:destinationOnHandingOn');
    expect(rule(caseAt('active'), { type: 'closeCase', reason: 'transferred' })).toBe('ok');
  });

  it('the record of such a closing validates', () => {
    const c = world('2026-01-05T09:00:00.000Z');
    const events = [];
    let r = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood for months', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }, c(people.lead));
    for (const [actor, command] of [
      [people.lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview'] }],
      [people.client, { type: 'recordConsent', scope: 'information-sharing', grantedBy: 'client-1' }],
      [people.lead, { type: 'closeCase', reason: 'transferred', destination: 'org-cmht' }],
    ] as const) {
      if (!r.ok) throw r.error;
      events.push(...r.events);
      r = dispatch(r.state, command, c(actor));
    }
    if (!r.ok) throw r.error;
    events.push(...r.events);
    expect(validateRecord(toRecord(events, r.state)).issues).toEqual([]);
  });
});
