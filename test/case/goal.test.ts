import { describe, expect, it } from 'vitest';
import { checkSmart, dispatch, type CaseState } from '../../src/index.js';
import { caseAt, must, people, phqGoal, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const propose = (state: CaseState, goalId: string, extra: object = {}) =>
  must(state, { type: 'proposeGoal', goalId, addressesNeedIds: ['n-mood'], ...phqGoal, ...extra }, ctx(people.lead));

function code(state: CaseState, command: object, actor = people.lead): string {
  const r = dispatch(state, command, ctx(actor));
  return r.ok ? 'ok' : r.error.code;
}

describe('goal: proposed → agreed → active ⇄ on-hold → outcome', () => {
  it('proposes a goal with achievement in-progress', () => {
    const s = propose(caseAt('planning'), 'g-9');
    expect(s.goals['g-9']).toMatchObject({ status: 'proposed', achievement: 'in-progress', agreedBy: [] });
  });

  it('agrees a goal in planning (agreed) and while active (active at once)', () => {
    const planning = must(propose(caseAt('planning'), 'g-9'), { type: 'agreeGoal', goalId: 'g-9', agreedBy: ['client-1'] }, ctx(people.client));
    expect(planning.goals['g-9']?.status).toBe('agreed');
    const active = must(propose(caseAt('active'), 'g-9'), { type: 'agreeGoal', goalId: 'g-9', agreedBy: ['client-1'] }, ctx(people.client));
    expect(active.goals['g-9']?.status).toBe('active');
  });

  it('activatePlan moves agreed goals to active', () => {
    expect(caseAt('planned').goals['g-1']?.status).toBe('agreed');
    expect(caseAt('active').goals['g-1']?.status).toBe('active');
  });

  it('agreeGoal needs the client (or a family member on the team) in agreedBy', () => {
    const s = propose(caseAt('planning'), 'g-9');
    const r = dispatch(s, { type: 'agreeGoal', goalId: 'g-9', agreedBy: ['p-lead'] }, ctx(people.lead));
    expect(r.ok || [r.error.code, r.error.rule]).toEqual(['GUARD_FAILED', 'agreedByClient']);
    const withFamily = must(s, { type: 'addTeamMember', memberId: 'm-fam', personId: 'mum-1', role: 'family-member' }, ctx(people.lead));
    expect(code(withFamily, { type: 'agreeGoal', goalId: 'g-9', agreedBy: ['mum-1'] })).toBe('ok');
  });

  it('agreeGoal refuses a goal that is not SMART, naming the letter', () => {
    const s = propose(caseAt('planning'), 'g-9', { measure: { ...phqGoal.measure, target: 20 } });
    const r = dispatch(s, { type: 'agreeGoal', goalId: 'g-9', agreedBy: ['client-1'] }, ctx(people.client));
    if (r.ok) throw new Error('expected refusal');
    expect(r.error.rule).toBe('smart');
    expect(r.error.message).toContain('goal g-9 is not SMART (achievable: target 20 does not decrease from baseline 17)');
  });

  it('holds, resumes and records an outcome', () => {
    let s = caseAt('active');
    s = must(s, { type: 'holdGoal', goalId: 'g-1', reason: 'Client in hospital' }, ctx(people.lead));
    expect(s.goals['g-1']).toMatchObject({ status: 'on-hold', statusReason: 'Client in hospital' });
    expect(code(s, { type: 'holdGoal', goalId: 'g-1', reason: 'again' })).toBe('INVALID_TRANSITION');
    s = must(s, { type: 'resumeGoal', goalId: 'g-1' }, ctx(people.lead));
    expect(s.goals['g-1']?.status).toBe('active');
    s = must(s, { type: 'recordGoalOutcome', goalId: 'g-1', outcome: 'partially-achieved', evidence: 'PHQ-9 11' }, ctx(people.lead));
    expect(s.goals['g-1']).toMatchObject({ status: 'partially-achieved', outcome: { status: 'partially-achieved', evidence: 'PHQ-9 11' } });
  });

  it('a final goal refuses every goal command with INVALID_TRANSITION', () => {
    const s = must(caseAt('active'), { type: 'recordGoalOutcome', goalId: 'g-1', outcome: 'achieved' }, ctx(people.lead));
    expect(code(s, { type: 'holdGoal', goalId: 'g-1', reason: 'x' })).toBe('INVALID_TRANSITION');
    expect(code(s, { type: 'resumeGoal', goalId: 'g-1' })).toBe('INVALID_TRANSITION');
    expect(code(s, { type: 'cancelGoal', goalId: 'g-1', reason: 'x' })).toBe('INVALID_TRANSITION');
    expect(code(s, { type: 'recordGoalOutcome', goalId: 'g-1', outcome: 'achieved' })).toBe('INVALID_TRANSITION');
    expect(code(s, { type: 'reviseGoal', goalId: 'g-1', reason: 'x' })).toBe('INVALID_TRANSITION');
    expect(code(s, { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] })).toBe('INVALID_TRANSITION');
  });

  it('recordGoalOutcome needs an active or held goal', () => {
    const s = propose(caseAt('active'), 'g-9');
    expect(code(s, { type: 'recordGoalOutcome', goalId: 'g-9', outcome: 'achieved' })).toBe('INVALID_TRANSITION');
  });

  it('cancels from proposed, agreed, active and on-hold', () => {
    expect(code(propose(caseAt('planning'), 'g-9'), { type: 'cancelGoal', goalId: 'g-9', reason: 'No longer wanted' })).toBe('ok');
    expect(code(caseAt('planned'), { type: 'cancelGoal', goalId: 'g-1', reason: 'x' })).toBe('ok');
    expect(code(caseAt('active'), { type: 'cancelGoal', goalId: 'g-1', reason: 'x' })).toBe('ok');
  });

  it('reviseGoal creates a new proposed goal that supersedes the old', () => {
    const s = must(caseAt('active'), { type: 'reviseGoal', goalId: 'g-1', newGoalId: 'g-1b', reason: 'Too ambitious', measure: { ...phqGoal.measure, target: 12 } }, ctx(people.lead));
    expect(s.goals['g-1']).toMatchObject({ status: 'superseded', supersededBy: 'g-1b' });
    expect(s.goals['g-1b']).toMatchObject({ status: 'proposed', supersedes: 'g-1', measure: { target: 12 }, description: phqGoal.description });
  });

  it('refuses unknown goals with NOT_FOUND and duplicate ids', () => {
    expect(code(caseAt('active'), { type: 'holdGoal', goalId: 'g-404', reason: 'x' })).toBe('NOT_FOUND');
    expect(code(caseAt('active'), { type: 'holdGoal', goalId: 'constructor', reason: 'x' })).toBe('NOT_FOUND');
    const r = dispatch(caseAt('active'), { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-mood'], ...phqGoal }, ctx(people.lead));
    expect(r.ok || r.error.rule).toBe('uniqueId');
  });
});

describe('checkSmart', () => {
  const state = caseAt('planning');
  const goal = { id: 'g-x', addressesNeedIds: ['n-mood'], ...phqGoal };

  it('gives one finding per letter, all passing for a SMART goal', () => {
    const findings = checkSmart(goal, state);
    expect(findings.map((f) => f.letter)).toEqual(['S', 'M', 'A', 'R', 'T']);
    expect(findings.every((f) => f.ok)).toBe(true);
  });

  it('fails each letter for its own reason', () => {
    const failed = (g: object, asOf?: string) => checkSmart({ ...goal, ...g }, state, asOf).filter((f) => !f.ok).map((f) => f.letter);
    expect(failed({ description: 'Feel ok' })).toEqual(['S']);
    expect(failed({ measure: { ...phqGoal.measure, instrumentId: 'nope' } })).toEqual(['M']);
    expect(failed({ measure: { ...phqGoal.measure, target: 30 } })).toEqual(['M', 'A']);
    expect(failed({ measure: { kind: 'indicator', baseline: 1, target: 4, direction: 'increase' } })).toEqual(['M']);
    expect(failed({ measure: { ...phqGoal.measure, target: 17 } })).toEqual(['A']);
    expect(failed({ addressesNeedIds: ['n-elsewhere'] })).toEqual(['R']);
    expect(failed({ targetDate: '2026-01-01' })).toEqual(['T']);
    expect(failed({}, '2026-07-01T00:00:00.000Z')).toEqual(['T']);
  });
});
