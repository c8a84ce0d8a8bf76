/**
 * The standard lifecycle of the benchmarks: open → assessment → 3 goals → 3 strategies → activate
 * → 20 sessions with weekly PHQ-9 (item responses) and GAD-7 (totals) → review → close, as commands
 * with their actors.
 */
import { dispatch, type Actor, type CaseEvent, type CaseState } from '../src/index.js';

export const lead: Actor = { id: 'p-lead', role: 'lead-practitioner' };
export const client: Actor = { id: 'client-1', role: 'client' };

const goal = (i: number) => ({
  type: 'proposeGoal',
  goalId: `g-${i}`,
  description: `Goal number ${i} of the standard plan`,
  addressesNeedIds: [`n-${i}`],
  measure: { kind: 'instrument', instrumentId: 'phq9', baseline: 17, target: 9, direction: 'decrease' },
  startDate: '2026-01-10',
  targetDate: '2027-06-30',
});
const strategy = (i: number) => ({
  type: 'proposeStrategy',
  strategyId: `s-${i}`,
  modality: 'cbt',
  description: `Strategy ${i}`,
  goalIds: [`g-${i}`],
  responsibleMemberId: 'm-ther',
  dose: { plannedSessions: 10, frequency: 'weekly' },
});

export const scenario: readonly (readonly [Actor, Record<string, unknown>])[] = [
  [lead, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }],
  [lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' }],
  [lead, { type: 'assignLead', memberId: 'm-lead' }],
  [lead, { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' }],
  [lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview'] }],
  ...[1, 2, 3].map((i) => [lead, { type: 'recordNeed', needId: `n-${i}`, domain: 'emotional', description: `Need ${i}`, severity: 3, priority: 3 }] as const),
  [lead, { type: 'recordStrength', strengthId: 'st-1', description: 'Supportive family' }],
  [lead, { type: 'recordRiskScreen', level: 'low', factors: [] }],
  [lead, { type: 'completeAssessment' }],
  ...[1, 2, 3].map((i) => [lead, goal(i)] as const),
  ...[1, 2, 3].map((i) => [client, { type: 'agreeGoal', goalId: `g-${i}`, agreedBy: ['client-1'] }] as const),
  ...[1, 2, 3].map((i) => [lead, strategy(i)] as const),
  ...[1, 2, 3].map((i) => [lead, { type: 'planStrategy', strategyId: `s-${i}` }] as const),
  [client, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: 'client-1' }],
  [lead, { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 1, startDate: '2026-01-03' }],
  [lead, { type: 'setMonitoringSchedule', instrumentId: 'gad7', everyWeeks: 1, startDate: '2026-01-03' }],
  [lead, { type: 'activatePlan' }],
  ...[1, 2, 3].map((i) => [lead, { type: 'startStrategy', strategyId: `s-${i}` }] as const),
  ...Array.from({ length: 20 }, (_, i) => [
    [lead, { type: 'scheduleSession', sessionId: `v-${i}`, strategyId: `s-${(i % 3) + 1}`, scheduledFor: '2026-01-03T09:00:00.000Z' }] as const,
    [lead, { type: 'recordAttendance', sessionId: `v-${i}`, attendance: i === 4 ? 'did-not-attend' : 'attended' }] as const,
    ...(i % 2 === 0
      ? [
          [client, { type: 'recordMeasurement', instrumentId: 'phq9', responses: [2, 2, 1, 1, 1, 1, 1, 0, 0].map((v, k) => Math.max(0, v - (k < i / 4 ? 1 : 0))), source: 'client-report' }] as const,
          [client, { type: 'recordMeasurement', instrumentId: 'gad7', score: Math.max(3, 14 - i), source: 'client-report' }] as const,
        ]
      : []),
  ]).flat(),
  [lead, { type: 'startReview' }],
  ...[1, 2, 3].map((i) => [lead, { type: 'recordGoalOutcome', goalId: `g-${i}`, outcome: 'achieved' }] as const),
  [lead, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'final', goalOutcomes: [], barriers: [], decision: 'close' }],
  [lead, { type: 'closeCase', reason: 'completed' }],
];

/** The scenario run once through the engine: its event log and the state it ends in. */
export function runScenario(): { events: CaseEvent[]; state: CaseState } {
  let state: CaseState | null = null;
  let n = 0;
  const events: CaseEvent[] = [];
  for (const [actor, command] of scenario) {
    const r = dispatch(state, command, { actor, now: () => '2026-01-05T10:00:00.000Z', newId: () => `id-${++n}` });
    if (!r.ok) throw r.error;
    state = r.state;
    events.push(...r.events);
  }
  if (state === null) throw new Error('the scenario opened no case');
  return { events, state };
}
