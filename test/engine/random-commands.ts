/**
 * Random command sequences for property tests of the engine: commands drawn from small id pools (so
 * random sequences often hit real entities and get far), random actors, and the happy path through
 * the lifecycle with random commands interleaved.
 */
import fc from 'fast-check';
import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent } from '../../src/index.js';
import { people, phqGoal, referral } from '../case/fixtures.js';

// Commands drawn from small id pools, so random sequences often hit real entities and get far.
const goalIds = ['g-1', 'g-2'];
const strategyIds = ['s-1', 's-2'];
export const templates: Record<string, unknown>[] = [
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
export const actors: Actor[] = [people.lead, people.lead, people.client, people.therapist, people.supervisor, people.psychiatrist, people.stranger, people.admin];

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
export const stepsArb = fc.oneof(
  fc.array(randomStep, { minLength: 1, maxLength: 120 }),
  fc.array(fc.array(randomStep, { maxLength: 3 }), { minLength: happy.length, maxLength: happy.length }).map((noise) =>
    happy.flatMap((step, i) => [...(noise[i] ?? []), step]),
  ),
);


/** The events a run of `stepsArb`'s steps records, after opening the case (refused commands leave none). */
export function randomLog(steps: readonly [number, number][]): CaseEvent[] {
  const now = steppingClock('2026-01-05T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('r-');
  const first = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!first.ok) throw first.error;
  let state = first.state;
  const log = [...first.events];
  for (const [a, t] of steps) {
    const r = dispatch(state, templates[t % templates.length], { actor: actors[a % actors.length] as Actor, now, newId });
    if (!r.ok) continue;
    state = r.state;
    log.push(...r.events);
  }
  return log;
}
