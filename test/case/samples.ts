import type { CaseState, CommandType } from '../../src/index.js';
import { phqGoal, referral } from './fixtures.js';

/**
 * A well-formed command of every type, aimed at the entities of the fixture case, so a matrix test
 * can send each command to a case in each status.
 */
export function sampleCommand(type: CommandType, state: CaseState | null): Record<string, unknown> {
  const goalId = Object.keys(state?.goals ?? {})[0] ?? 'g-1';
  const strategyId = Object.keys(state?.strategies ?? {})[0] ?? 's-1';
  const sessionId = Object.keys(state?.sessions ?? {})[0] ?? 'sess-1';
  const samples: Record<CommandType, Record<string, unknown>> = {
    openCase: { clientId: 'client-2', referral, setting: 'clinic' },
    startAssessment: { methods: ['interview'] },
    declineReferral: { reason: 'not-accepted' },
    recordNeed: { domain: 'social', description: 'Isolated since moving', severity: 3, priority: 3 },
    recordStrength: { description: 'Enjoys walking' },
    recordClientPriority: { text: 'I want to sleep through the night' },
    recordCulturalConsiderations: { language: 'Polish', interpreterNeeded: false },
    recordRiskScreen: { level: 'low', factors: [] },
    completeAssessment: {},
    proposeGoal: { addressesNeedIds: ['n-mood'], ...phqGoal },
    agreeGoal: { goalId, agreedBy: ['client-1'] },
    reviseGoal: { goalId, reason: 'Target was too ambitious', measure: { ...phqGoal.measure, target: 12 } },
    holdGoal: { goalId, reason: 'Client in hospital' },
    resumeGoal: { goalId },
    cancelGoal: { goalId, reason: 'No longer wanted' },
    rejectGoal: { goalId, reason: 'Not what I want to work on' },
    recordGoalOutcome: { goalId, outcome: 'partially-achieved' },
    proposeStrategy: {
      modality: 'psychoeducation',
      description: 'Sleep hygiene education',
      goalIds: [goalId],
      responsibleMemberId: 'm-ther',
      dose: { plannedSessions: 2, frequency: 'weekly' },
    },
    planStrategy: { strategyId },
    startStrategy: { strategyId },
    suspendStrategy: { strategyId, reason: 'Therapist on leave' },
    resumeStrategy: { strategyId },
    completeStrategy: { strategyId },
    discontinueStrategy: { strategyId, reason: 'Client prefers group work' },
    reassignStrategy: { strategyId, responsibleMemberId: 'm-lead', reason: 'Therapist left the service' },
    scheduleSession: { strategyId, scheduledFor: '2026-01-01T09:00:00.000Z' },
    rescheduleSession: { sessionId, scheduledFor: '2026-01-02T09:00:00.000Z', reason: 'Client asked to move it' },
    recordAttendance: { sessionId, attendance: 'attended' },
    addTeamMember: { personId: 'p-nurse', role: 'nurse' },
    removeTeamMember: { memberId: 'm-ther' },
    assignLead: { memberId: 'm-ther' },
    addNote: { kind: 'communication', text: 'Spoke with GP about medication', authorMemberId: 'm-lead', visibility: 'team' },
    recordConsent: { scope: 'information-sharing', grantedBy: 'client-1', sharingWith: ['gp-practice'] },
    withdrawConsent: { consentId: Object.keys(state?.consents ?? {})[0] ?? 'k-1' },
    activatePlan: {},
    startReview: {},
    recordEvaluation: { status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' },
    completeReview: { outcome: 'continue' },
    holdCase: { reason: 'Client in hospital' },
    resumeCase: {},
    closeCase: { reason: 'disengaged' },
    reopenCase: { reason: 'Referred again by GP' },
    recordRiskLevel: { level: 'high', factors: ['new plan of self-harm'] },
    recordSafetyPlan: {
      warningSigns: ['Not sleeping'],
      copingStrategies: ['Walk the dog'],
      socialContacts: ['Sister'],
      professionalContacts: ['Crisis line'],
      meansSafety: ['Medication kept by partner'],
    },
    resolveCrisis: {},
    markEnteredInError: { reason: 'Opened for the wrong client' },
    setMonitoringSchedule: { instrumentId: 'phq9', everyWeeks: 2, startDate: '2026-01-10' },
    recordMeasurement: { measurementId: 'ms-1', instrumentId: 'phq9', responses: [2, 2, 2, 2, 1, 1, 1, 1, 0], source: 'client-report' },
    amendMeasurement: { measurementId: state?.measurements[0]?.id ?? 'ms-1', score: 11, reason: 'Typo in item 3' },
    voidMeasurement: { measurementId: state?.measurements[0]?.id ?? 'ms-1', reason: 'Wrong client' },
  };
  return { type, ...samples[type] };
}
