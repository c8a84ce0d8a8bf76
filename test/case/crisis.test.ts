import { describe, expect, it } from 'vitest';
import { alerts, allowedCommands, dispatch, summary, type CaseEvent, type CaseState } from '../../src/index.js';
import { validateRecord, toRecord } from '../../src/validate/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const rule = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead) => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};
const plan = {
  type: 'recordSafetyPlan',
  safetyPlanId: 'sp-1',
  warningSigns: ['Not sleeping', 'Withdrawing from friends'],
  copingStrategies: ['Walk the dog', 'Music'],
  socialContacts: ['Sister'],
  professionalContacts: ['Crisis line 24/7'],
  meansSafety: ['Medication kept by partner'],
};
const inCrisis = (s: CaseState) => must(s, { type: 'recordRiskLevel', level: 'high', factors: ['new plan of self-harm'] }, ctx(people.lead));

describe('the crisis overlay', () => {
  it('a high or imminent risk level opens a crisis; lower levels do not', () => {
    expect(must(caseAt('active'), { type: 'recordRiskLevel', level: 'moderate' }, ctx(people.lead)).crisis).toBeNull();
    const s = inCrisis(caseAt('active'));
    expect(s.crisis).toMatchObject({ level: 'high', safetyPlanId: null });
    expect(s.status).toBe('active');
    expect(must(s, { type: 'recordRiskLevel', level: 'imminent' }, ctx(people.lead)).crisis?.level).toBe('imminent');
  });

  it('a risk screen of high or imminent at assessment opens it too (the same event as recordRiskLevel), and asks for a safety plan before the plan starts', () => {
    const moderate = dispatch(caseAt('assessing'), { type: 'recordRiskScreen', level: 'moderate', factors: [] }, ctx(people.lead));
    expect(moderate.ok && [moderate.events.map((e) => e.type), moderate.state.crisis]).toEqual([['riskScreenRecorded'], null]);
    for (const level of ['high', 'imminent'] as const) {
      const r = dispatch(caseAt('assessing'), { type: 'recordRiskScreen', level, factors: ['plan'] }, ctx(people.lead));
      if (!r.ok) throw r.error;
      expect(r.events.map((e) => e.type)).toEqual(['riskScreenRecorded', 'riskLevelRecorded']);
      expect(r.state.crisis).toMatchObject({ level, safetyPlanId: null });
      expect(r.state.riskHistory.at(-1)).toMatchObject({ level, factors: ['plan'] });
    }
    // In a crisis already open, a high screen raises it rather than opening another.
    const open = inCrisis(caseAt('assessing'));
    const raised = dispatch(open, { type: 'recordRiskScreen', level: 'imminent', factors: [] }, ctx(people.lead));
    if (!raised.ok) throw raised.error;
    expect(raised.events[1]).toMatchObject({ type: 'riskLevelRecorded', data: { opensCrisis: false } });
    expect(raised.state.crisis).toMatchObject({ since: open.crisis?.since, level: 'imminent' });
  });

  it('a safety plan attaches to the open crisis', () => {
    const s = must(inCrisis(caseAt('active')), plan, ctx(people.lead));
    expect(s.crisis?.safetyPlanId).toBe('sp-1');
    expect(s.safetyPlans[0]).toMatchObject({ id: 'sp-1', meansSafety: ['Medication kept by partner'] });
  });

  it('resolving needs a risk level of moderate or lower recorded after it opened', () => {
    let s = inCrisis(caseAt('active'));
    expect(rule(s, { type: 'resolveCrisis' })).toBe('GUARD_FAILED:riskLoweredSinceCrisis');
    s = must(s, { type: 'recordRiskLevel', level: 'low' }, ctx(people.lead));
    s = must(s, { type: 'resolveCrisis' }, ctx(people.lead));
    expect(s.crisis).toBeNull();
    expect(rule(s, { type: 'resolveCrisis' })).toBe('INVALID_TRANSITION:');
  });

  it('resolving reads the latest risk level: low, then high or imminent again, is a crisis still', () => {
    for (const again of ['high', 'imminent'] as const) {
      let s = inCrisis(caseAt('active'));
      const since = s.crisis?.since;
      s = must(s, { type: 'recordRiskLevel', level: 'low' }, ctx(people.lead));
      s = must(s, { type: 'recordRiskLevel', level: again, factors: ['access to means'] }, ctx(people.lead));
      expect(s.crisis?.since, 'the same crisis, still open').toBe(since);
      expect(rule(s, { type: 'resolveCrisis' }), again).toBe('GUARD_FAILED:riskLoweredSinceCrisis');
      s = must(s, { type: 'recordRiskLevel', level: 'moderate' }, ctx(people.lead));
      expect(rule(s, { type: 'resolveCrisis' })).toBe('ok');
    }
  });

  it('activatePlan needs a safety plan while a crisis is open', () => {
    const s = inCrisis(caseAt('planned'));
    expect(rule(s, { type: 'activatePlan' })).toBe('GUARD_FAILED:safetyPlanInCrisis');
    expect(allowedCommands(s, people.lead, { at: '2026-02-01T09:00:00.000Z' })).not.toContain('activatePlan');
    expect(rule(must(s, plan, ctx(people.lead)), { type: 'activatePlan' })).toBe('ok');
  });

  it('closeCase is refused while a crisis is open, except a transfer with a handoff note', () => {
    const s = inCrisis(caseAt('active'));
    expect(rule(s, { type: 'closeCase', reason: 'disengaged' })).toBe('GUARD_FAILED:noOpenCrisis');
    expect(rule(s, { type: 'closeCase', reason: 'transferred' })).toBe('GUARD_FAILED:noOpenCrisis');
    const handed = must(s, { type: 'addNote', kind: 'handoff', text: 'Handed to the crisis team with the risk history', authorMemberId: 'm-lead', visibility: 'clinical-only' }, ctx(people.lead));
    expect(rule(handed, { type: 'closeCase', reason: 'transferred' })).toBe('ok');
  });

  it('a client who died during a crisis: the case closes as deceased with the crisis on the record, no risk level made up first', () => {
    const s = inCrisis(caseAt('active'));
    const closed = must(s, { type: 'closeCase', reason: 'deceased', summary: 'Died during the crisis' }, ctx(people.lead));
    expect(closed).toMatchObject({ status: 'closed', closure: { reason: 'deceased' }, crisis: { level: 'high', since: s.crisis?.since } });
    expect(closed.riskHistory).toEqual(s.riskHistory);
    expect(alerts(closed, closed.updatedAt)).toEqual([]);
    expect(rule(closed, { type: 'reopenCase', reason: 'x' })).toBe('GUARD_FAILED:notDeceased');
  });

  it('summary shows the crisis', () => {
    expect(summary(inCrisis(caseAt('active')), '2026-02-02T00:00:00.000Z').crisis).toMatchObject({ level: 'high', safetyPlan: false });
  });
});

describe('markEnteredInError', () => {
  it('needs an admin or supervisor and a reason, from any status', () => {
    expect(rule(caseAt('active'), { type: 'markEnteredInError', reason: 'Wrong client' })).toBe('FORBIDDEN:');
    expect(rule(caseAt('active'), { type: 'markEnteredInError', reason: '' }, people.admin)).toBe('INVALID_COMMAND:');
    for (const status of ['referred', 'assessing', 'planning', 'active', 'reviewing', 'closed'] as const) {
      expect(rule(caseAt(status), { type: 'markEnteredInError', reason: 'Wrong client' }, people.admin), status).toBe('ok');
    }
  });

  it('ends the lifecycle: no command is allowed after it, and nothing is current', () => {
    const s = must(caseAt('active'), { type: 'markEnteredInError', reason: 'Opened for the wrong client' }, ctx(people.supervisor));
    expect(s.status).toBe('entered-in-error');
    expect(allowedCommands(s)).toEqual([]);
    expect(rule(s, { type: 'markEnteredInError', reason: 'again' }, people.admin)).toBe('INVALID_TRANSITION:');
    expect(summary(s, '2026-02-02T00:00:00.000Z')).toMatchObject({ openGoals: [], openStrategies: [], team: [], consents: [] });
    expect(s.goals['g-1']?.status).toBe('active'); // corrections never erase: the facts stay in the state and the log
  });
});

describe('crisis and corrections in records', () => {
  it('validate clean', () => {
    const events = [];
    const c = world();
    let s: CaseState | null = null;
    for (const [actor, command] of [
      [people.lead, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood', urgency: 'urgent', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }],
      [people.lead, { type: 'recordRiskLevel', level: 'imminent', factors: ['plan and means'] }],
      [people.lead, plan],
      [people.lead, { type: 'recordRiskLevel', level: 'moderate' }],
      [people.lead, { type: 'resolveCrisis' }],
      [people.admin, { type: 'markEnteredInError', reason: 'Duplicate of c-0' }],
    ] as const) {
      const r = dispatch(s, command, c(actor));
      if (!r.ok) throw r.error;
      s = r.state;
      events.push(...r.events);
    }
    const result = validateRecord(JSON.parse(JSON.stringify(toRecord(events, s as unknown as CaseState))));
    expect(result.issues).toEqual([]);
  });

  it('a high risk screen records its risk level with it: such a record validates, and one without the risk level does not', () => {
    const events: CaseEvent[] = [];
    const c = world();
    let s: CaseState | null = null;
    for (const [actor, command] of [
      [people.lead, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood', urgency: 'urgent', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }],
      [people.lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' }],
      [people.lead, { type: 'assignLead', memberId: 'm-lead' }],
      [people.lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview'] }],
      [people.lead, { type: 'recordRiskScreen', level: 'high', factors: ['plan'] }],
      [people.lead, plan],
      [people.lead, { type: 'recordRiskLevel', level: 'low' }],
      [people.lead, { type: 'resolveCrisis' }],
    ] as const) {
      const r = dispatch(s, command, c(actor));
      if (!r.ok) throw r.error;
      s = r.state;
      events.push(...r.events);
    }
    expect(validateRecord(JSON.parse(JSON.stringify(toRecord(events)))).issues).toEqual([]);
    // The same log as an older engine wrote it: the screen alone, no crisis.
    const k = events.findIndex((e) => e.type === 'riskLevelRecorded');
    const older = [...events.slice(0, k), ...events.slice(k + 1).map((e) => ({ ...e, seq: e.seq - 1 }))];
    expect(validateRecord(JSON.parse(JSON.stringify(toRecord(older)))).issues.map((i) => [i.path, i.code])).toContainEqual(['/events/' + String(k), 'EVENT_MISMATCH']);
  });
});
