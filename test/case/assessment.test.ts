import { describe, expect, it } from 'vitest';
import { dispatch, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const rule = (state: CaseState, command: object) => {
  const r = dispatch(state, command, ctx(people.lead));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};

describe('needs assessment: in-progress → completed', () => {
  it('records needs, strengths, priorities in the client’s words, culture and risk', () => {
    let s = caseAt('assessing');
    s = must(s, { type: 'recordNeed', needId: 'n-1', domain: 'housing', description: 'Facing eviction', severity: 5, priority: 4, evidence: ['letter from landlord'] }, ctx(people.lead));
    s = must(s, { type: 'recordStrength', description: 'Long-standing friendship network', domain: 'social' }, ctx(people.lead));
    s = must(s, { type: 'recordClientPriority', text: 'I just want to feel like myself again' }, ctx(people.client));
    s = must(s, { type: 'recordCulturalConsiderations', language: 'Polish', interpreterNeeded: true, beliefsAndPreferences: 'Prefers a female therapist' }, ctx(people.lead));
    s = must(s, { type: 'recordRiskScreen', level: 'moderate', factors: ['recent job loss'] }, ctx(people.lead));
    const a = s.assessments[0];
    expect(a?.needs[0]).toMatchObject({ id: 'n-1', domain: 'housing', evidence: ['letter from landlord'] });
    expect(a?.strengths[0]?.domain).toBe('social');
    expect(a?.clientPriorities[0]?.text).toBe('I just want to feel like myself again');
    expect(a?.culturalConsiderations).toEqual({ language: 'Polish', interpreterNeeded: true, beliefsAndPreferences: 'Prefers a female therapist' });
    expect(a?.riskScreen).toMatchObject({ level: 'moderate', factors: ['recent job loss'] });
    s = must(s, { type: 'completeAssessment' }, ctx(people.lead));
    expect(s.status).toBe('planning');
    expect(s.assessments[0]?.status).toBe('completed');
  });

  it('completion needs a need, a strength (or a reason) and a risk screen', () => {
    const s = caseAt('assessing');
    expect(rule(s, { type: 'completeAssessment' })).toBe('GUARD_FAILED:needRecorded');
    const withNeed = must(s, { type: 'recordNeed', domain: 'emotional', description: 'Low mood', severity: 3, priority: 3 }, ctx(people.lead));
    expect(rule(withNeed, { type: 'completeAssessment' })).toBe('GUARD_FAILED:strengthsRecorded');
    expect(rule(withNeed, { type: 'completeAssessment', noStrengthsReason: 'Client could not name any yet' })).toBe('GUARD_FAILED:riskScreened');
    const screened = must(withNeed, { type: 'recordRiskScreen', level: 'none', factors: [] }, ctx(people.lead));
    expect(rule(screened, { type: 'completeAssessment', noStrengthsReason: 'Client could not name any yet' })).toBe('ok');
  });

  it('a completed assessment takes no more findings', () => {
    const s = caseAt('planning');
    expect(rule(s, { type: 'recordNeed', domain: 'other', description: 'x', severity: 1, priority: 1 })).toBe('INVALID_TRANSITION:');
  });

  it('refuses a need id already used', () => {
    expect(rule(caseAt('assessing'), { type: 'recordNeed', needId: 'x', domain: 'other', description: 'x', severity: 1, priority: 1 })).toBe('ok');
    const s = must(caseAt('assessing'), { type: 'recordNeed', needId: 'n-a', domain: 'other', description: 'x', severity: 1, priority: 1 }, ctx(people.lead));
    expect(rule(s, { type: 'recordNeed', needId: 'n-a', domain: 'other', description: 'y', severity: 1, priority: 1 })).toBe('GUARD_FAILED:uniqueId');
  });
});
