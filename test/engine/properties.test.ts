import fc from 'fast-check';
import { Immer } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dispatch,
  goalProgress,
  machineEntries,
  machines,
  replay,
  sequentialIds,
  steppingClock,
  type Actor,
  type CaseEvent,
  type CaseState,
  type CommandType,
} from '../../src/index.js';
import { freezesStates, setFreezesStates } from '../../src/case/store/freezing.js';
import { applyEvent } from '../../src/engine/apply-event.js';
import { deriveAchievement, goalSeries } from '../../src/case/rules/achievement.js';
import { OPEN_GOAL_STATUSES } from '../../src/case/model/goal.js';
import { caseAt, people, phqGoal, referral } from '../case/fixtures.js';
import { expectTablesChoseStatuses } from './entity-tables.js';

// Commands drawn from small id pools, so random sequences often hit real entities and get far.
const goalIds = ['g-1', 'g-2'];
const strategyIds = ['s-1', 's-2'];
const templates: Record<string, unknown>[] = [
  { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' },
  { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' },
  { type: 'addTeamMember', memberId: 'm-psy', personId: 'p-psy', role: 'psychiatrist' },
  { type: 'assignLead', memberId: 'm-lead' },
  { type: 'assignLead', memberId: 'm-ther' },
  { type: 'removeTeamMember', memberId: 'm-ther' },
  { type: 'removeTeamMember', memberId: 'm-lead' },
  { type: 'startAssessment', methods: ['interview'] },
  { type: 'declineReferral', reason: 'declined' },
  { type: 'recordNeed', domain: 'emotional', description: 'Low mood', severity: 3, priority: 4 },
  { type: 'recordNeed', needId: 'n-1', domain: 'emotional', description: 'Low mood', severity: 3, priority: 4 },
  { type: 'recordStrength', description: 'Supportive partner' },
  { type: 'recordClientPriority', text: 'Sleep better' },
  { type: 'recordCulturalConsiderations', language: 'Welsh' },
  { type: 'recordRiskScreen', level: 'low', factors: [] },
  { type: 'completeAssessment' },
  { type: 'completeAssessment', noStrengthsReason: 'None named yet' },
  ...goalIds.flatMap((goalId) => [
    { type: 'proposeGoal', goalId, addressesNeedIds: ['n-1'], ...phqGoal },
    { type: 'agreeGoal', goalId, agreedBy: ['client-1'] },
    { type: 'holdGoal', goalId, reason: 'Paused' },
    { type: 'resumeGoal', goalId },
    { type: 'cancelGoal', goalId, reason: 'Dropped' },
    { type: 'recordGoalOutcome', goalId, outcome: 'achieved' },
    { type: 'reviseGoal', goalId, reason: 'Adjusted', targetDate: '2026-09-30' },
  ]),
  ...strategyIds.flatMap((strategyId, i) => [
    {
      type: 'proposeStrategy',
      strategyId,
      modality: i === 0 ? 'cbt' : 'medication',
      description: 'Strategy',
      goalIds: [goalIds[i]],
      responsibleMemberId: i === 0 ? 'm-ther' : 'm-psy',
      dose: { plannedSessions: 4, frequency: 'weekly' },
    },
    { type: 'planStrategy', strategyId },
    { type: 'startStrategy', strategyId },
    { type: 'suspendStrategy', strategyId, reason: 'Leave' },
    { type: 'resumeStrategy', strategyId },
    { type: 'completeStrategy', strategyId },
    { type: 'discontinueStrategy', strategyId, reason: 'Stopped' },
    { type: 'reassignStrategy', strategyId, responsibleMemberId: 'm-lead' },
    { type: 'reassignStrategy', strategyId, responsibleMemberId: i === 0 ? 'm-psy' : 'm-ther', reason: 'Handover' },
    { type: 'scheduleSession', sessionId: `v-${strategyId}`, strategyId, scheduledFor: '2026-01-04T09:00:00.000Z' },
  ]),
  { type: 'recordAttendance', sessionId: 'v-s-1', attendance: 'attended' },
  { type: 'recordAttendance', sessionId: 'v-s-2', attendance: 'did-not-attend' },
  { type: 'addNote', kind: 'communication', text: 'Called GP', authorMemberId: 'm-lead', visibility: 'team' },
  { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: 'client-1' },
  { type: 'recordConsent', consentId: 'k-2', scope: 'modality:medication', grantedBy: 'client-1' },
  { type: 'withdrawConsent', consentId: 'k-1' },
  { type: 'withdrawConsent', consentId: 'k-2' },
  { type: 'activatePlan' },
  { type: 'startReview' },
  { type: 'recordEvaluation', evaluationId: 'e-1', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' },
  { type: 'recordEvaluation', status: 'final', goalOutcomes: [], barriers: [], decision: 'continue' },
  { type: 'completeReview', outcome: 'continue' },
  { type: 'completeReview', outcome: 're-plan' },
  { type: 'holdCase', reason: 'Away' },
  { type: 'resumeCase' },
  { type: 'closeCase', reason: 'disengaged' },
  { type: 'closeCase', reason: 'completed' },
  { type: 'reopenCase', reason: 'Back again' },
  { type: 'recordRiskLevel', level: 'imminent', factors: ['plan'] },
  { type: 'recordRiskLevel', level: 'low' },
  { type: 'recordSafetyPlan', warningSigns: ['a'], copingStrategies: ['b'], socialContacts: [], professionalContacts: ['c'], meansSafety: [] },
  { type: 'resolveCrisis' },
  { type: 'addNote', kind: 'handoff', text: 'Handed over', authorMemberId: 'm-lead', visibility: 'team' },
  { type: 'closeCase', reason: 'transferred' },
  { type: 'markEnteredInError', reason: 'Wrong client' },
  { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 1, startDate: '2026-01-10' },
  { type: 'recordMeasurement', measurementId: 'ms-1', instrumentId: 'phq9', responses: [2, 2, 2, 2, 1, 1, 1, 1, 1], source: 'client-report' },
  { type: 'recordMeasurement', instrumentId: 'phq9', score: 8, source: 'clinician-rated' },
  { type: 'recordMeasurement', instrumentId: 'gad7', score: 14, source: 'client-report' },
  { type: 'amendMeasurement', measurementId: 'ms-1', score: 20, reason: 'Misread' },
  { type: 'amendMeasurement', measurementId: 'ms-1', responses: [null, null, null, null, null, null, null, null, 1], reason: 'Only item 9 was answered' },
  { type: 'voidMeasurement', measurementId: 'ms-1', reason: 'Wrong client' },
  { type: 'fly' },
  { type: 'holdCase' },
];
const actors: Actor[] = [people.lead, people.lead, people.client, people.therapist, people.supervisor, people.psychiatrist, people.stranger, people.admin];

const rows = new Map(machineEntries(machines.case).map((e) => [e.command, e]));
const OPEN_CONSENT_STATUSES = new Set(['active', 'reviewing']);

function run(steps: readonly [number, number][]) {
  const now = steppingClock('2026-01-05T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('r-');
  const first = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!first.ok) throw first.error;
  let state: CaseState = first.state;
  const log: CaseEvent[] = [...first.events];
  for (const [a, t] of steps) {
    const command = templates[t % templates.length] as { type: string };
    const before = state;
    const snapshot = JSON.stringify(before);
    const r = dispatch(state, command, { actor: actors[a % actors.length] as Actor, now, newId });
    if (!r.ok) {
      // A refusal leaves the very same, unchanged state behind.
      expect(JSON.stringify(before)).toBe(snapshot);
      continue;
    }
    const row = rows.get(command.type as CommandType);
    const targets = row?.to === 'unchanged' ? [before.status] : (row?.to ?? []);
    expect(targets, `${before.status} + ${command.type} → ${r.state.status}`).toContain(r.state.status);
    expect(r.state.statusHistory.length).toBeGreaterThanOrEqual(before.statusHistory.length);
    expectTablesChoseStatuses(command.type, before, r.state);
    if (OPEN_CONSENT_STATUSES.has(r.state.status)) {
      const lead = r.state.leadMemberId === null ? undefined : r.state.team[r.state.leadMemberId];
      expect(lead?.status, 'exactly one active lead once the plan is in force').toBe('active');
    }
    expect(JSON.stringify(before)).toBe(snapshot);
    // A goal still open follows its valid measurements, however they were recorded, amended or voided.
    for (const goal of Object.values(r.state.goals)) {
      if (OPEN_GOAL_STATUSES.includes(goal.status)) expect(goal.achievement, `${goal.id} after ${command.type}`).toBe(deriveAchievement(goal, goalSeries(r.state, goal)));
    }
    if (freezesStates()) expect(unfrozen(r.state), 'the new state is frozen all the way down').toEqual([]);
    // The evolvers are draft mutators: immer's produce gives the same state as dispatch's copy-on-write.
    expect(immer.produce(before, (d) => r.events.forEach((e) => applyEvent(d as never, e)))).toEqual(r.state);
    log.push(...r.events);
    state = r.state;
  }
  return { state, log };
}

// immer without freezing, so checking the evolvers under produce never freezes the states under test.
const immer = new Immer({ autoFreeze: false });

/** The paths of every object in the tree that is not frozen. */
function unfrozen(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const bad = Object.isFrozen(value) ? [] : [path || '/'];
  for (const [k, v] of Object.entries(value)) bad.push(...unfrozen(v, `${path}/${k}`));
  return bad;
}

const randomStep = fc.tuple(fc.nat(actors.length - 1), fc.nat(templates.length - 1));

// The happy path through the lifecycle, as template indices acted by the lead (actor 0) or the client (2).
const indexOf = (match: (t: Record<string, unknown>) => boolean): number => templates.findIndex(match);
const happy: [number, number][] = [
  [0, indexOf((t) => t.type === 'addTeamMember' && t.memberId === 'm-lead')],
  [0, indexOf((t) => t.type === 'assignLead' && t.memberId === 'm-lead')],
  [0, indexOf((t) => t.type === 'addTeamMember' && t.memberId === 'm-ther')],
  [0, indexOf((t) => t.type === 'startAssessment')],
  [0, indexOf((t) => t.type === 'recordNeed' && t.needId === 'n-1')],
  [0, indexOf((t) => t.type === 'recordStrength')],
  [0, indexOf((t) => t.type === 'recordRiskScreen')],
  [0, indexOf((t) => t.type === 'completeAssessment' && t.noStrengthsReason === undefined)],
  [0, indexOf((t) => t.type === 'proposeGoal' && t.goalId === 'g-1')],
  [2, indexOf((t) => t.type === 'agreeGoal' && t.goalId === 'g-1')],
  [0, indexOf((t) => t.type === 'proposeStrategy' && t.strategyId === 's-1')],
  [0, indexOf((t) => t.type === 'planStrategy' && t.strategyId === 's-1')],
  [2, indexOf((t) => t.type === 'recordConsent' && t.consentId === 'k-1')],
  [0, indexOf((t) => t.type === 'activatePlan')],
  [0, indexOf((t) => t.type === 'startStrategy' && t.strategyId === 's-1')],
  [0, indexOf((t) => t.type === 'scheduleSession' && t.strategyId === 's-1')],
  [0, indexOf((t) => t.type === 'recordAttendance' && t.sessionId === 'v-s-1')],
  [0, indexOf((t) => t.type === 'startReview')],
  [0, indexOf((t) => t.type === 'recordEvaluation' && t.status === 'final')],
  [0, indexOf((t) => t.type === 'completeReview' && t.outcome === 'continue')],
  [0, indexOf((t) => t.type === 'closeCase' && t.reason === 'disengaged')],
];

// Either fully random steps, or the happy path with random steps interleaved: both must keep the invariants.
const stepsArb = fc.oneof(
  fc.array(randomStep, { minLength: 1, maxLength: 120 }),
  fc.array(fc.array(randomStep, { maxLength: 3 }), { minLength: happy.length, maxLength: happy.length }).map((noise) =>
    happy.flatMap((step, i) => [...(noise[i] ?? []), step]),
  ),
);

describe('random command sequences from random actors', () => {
  afterEach(() => setFreezesStates(undefined));

  it.each([
    ['frozen (development and tests)', true],
    ['not frozen (production)', false],
  ])('keep every invariant; replay(events) equals the state; JSON round-trips — states %s', (_mode, freeze) => {
    setFreezesStates(freeze);
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { state, log } = run(steps);
        log.forEach((e, i) => {
          expect(e.seq).toBe(i + 1);
          expect(e.actor.id.length).toBeGreaterThan(0);
          if (i > 0) expect(e.at >= (log[i - 1] as CaseEvent).at).toBe(true);
        });
        expect(replay(log)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        expect(state.version).toBe(log.length);
      }),
      { numRuns: 150 },
    );
  });

  it('reach deep into the lifecycle often enough to be meaningful', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(stepsArb, (steps) => {
        for (const s of run(steps).state.statusHistory) reached.add(s.status);
      }),
      { numRuns: 150, seed: 42 },
    );
    expect([...reached]).toEqual(expect.arrayContaining(['referred', 'assessing', 'planning', 'active', 'reviewing', 'on-hold', 'closed']));
  });
});

describe('voided measurements', () => {
  it('never change any computed outcome: achievement, progress, evaluation statistics', () => {
    const score = fc.integer({ min: 0, max: 27 });
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 8 }), score, fc.nat(7), (scores, intruder, position) => {
        const now = steppingClock('2026-02-01T09:00:00.000Z', 3_600_000);
        const ctx = { actor: people.lead, now, newId: sequentialIds('p-') };
        const base = caseAt('reviewing');
        const withScores = (s: CaseState, list: readonly number[], extra?: number) => {
          let out = s;
          const record = (command: object) => {
            const r = dispatch(out, command, ctx);
            if (!r.ok) throw r.error;
            out = r.state;
          };
          const at = position % (list.length + 1);
          list.forEach((v, i) => {
            if (extra !== undefined && i === at) record({ type: 'recordMeasurement', measurementId: 'intruder', instrumentId: 'phq9', score: extra, source: 'observer' });
            record({ type: 'recordMeasurement', instrumentId: 'phq9', score: v, source: 'client-report' });
          });
          if (extra !== undefined && at === list.length) record({ type: 'recordMeasurement', measurementId: 'intruder', instrumentId: 'phq9', score: extra, source: 'observer' });
          return out;
        };
        const evaluate = (s: CaseState) => {
          const r = dispatch(s, { type: 'recordEvaluation', evaluationId: 'e-x', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx);
          if (!r.ok) throw r.error;
          return r.state;
        };
        const clean = evaluate(withScores(base, scores));
        let dirty = withScores(base, scores, intruder);
        const v = dispatch(dirty, { type: 'voidMeasurement', measurementId: 'intruder', reason: 'Wrong client' }, ctx);
        if (!v.ok) throw v.error;
        dirty = evaluate(v.state);
        expect(dirty.goals['g-1']?.achievement).toBe(clean.goals['g-1']?.achievement);
        expect(goalProgress(dirty, 'g-1').series.map((p) => p.value)).toEqual(goalProgress(clean, 'g-1').series.map((p) => p.value));
        expect(dirty.evaluations['e-x']?.measureChanges).toEqual(clean.evaluations['e-x']?.measureChanges);
      }),
      { numRuns: 80 },
    );
  });
});
