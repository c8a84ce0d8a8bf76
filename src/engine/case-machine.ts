import { defineMachine } from '../kernel/machine.js';
import type { CaseCommand } from './commands.js';
import { CASE_STATUSES, type CaseStatus } from '../case/model/case.js';
import { closeGuards, reopenGuards, type CaseGuardContext } from '../case/case.js';
import { activatePlanPreconditions, completeReviewPreconditions } from '../case/plan.js';

const OPEN: CaseStatus[] = ['referred', 'assessing', 'planning', 'active', 'reviewing', 'on-hold'];
const PLANNING_ON: CaseStatus[] = ['planning', 'active', 'reviewing'];
const DELIVERING: CaseStatus[] = ['active', 'reviewing'];

/**
 * The Case lifecycle (DESIGN.md §4) as data. It lists every command: those that move the case name
 * a target; the others name only the case statuses they are allowed in and leave the status as it is
 * (their own entity's machine then decides). `decide`, `allowedCommands`, `toMermaid` and the record
 * validator all read this one table.
 */
export const caseMachine = defineMachine<CaseStatus, CaseCommand, CaseGuardContext>({
  id: 'case',
  states: [...CASE_STATUSES],
  final: ['entered-in-error'],
  transitions: {
    openCase: { from: [null], to: 'referred' },
    startAssessment: { from: ['referred'], to: 'assessing' },
    declineReferral: { from: ['referred'], to: 'closed' },
    recordNeed: { from: ['assessing'] },
    recordStrength: { from: ['assessing'] },
    recordClientPriority: { from: ['assessing'] },
    recordCulturalConsiderations: { from: ['assessing'] },
    recordRiskScreen: { from: ['assessing'] },
    completeAssessment: { from: ['assessing'], to: 'planning' },
    proposeGoal: { from: PLANNING_ON },
    agreeGoal: { from: PLANNING_ON },
    reviseGoal: { from: PLANNING_ON },
    holdGoal: { from: PLANNING_ON },
    resumeGoal: { from: PLANNING_ON },
    cancelGoal: { from: PLANNING_ON },
    rejectGoal: { from: PLANNING_ON },
    recordGoalOutcome: { from: DELIVERING },
    proposeStrategy: { from: PLANNING_ON },
    planStrategy: { from: PLANNING_ON },
    startStrategy: { from: ['active'] },
    suspendStrategy: { from: PLANNING_ON },
    resumeStrategy: { from: ['active'] },
    completeStrategy: { from: PLANNING_ON },
    discontinueStrategy: { from: PLANNING_ON },
    scheduleSession: { from: DELIVERING },
    recordAttendance: { from: DELIVERING },
    addTeamMember: { from: OPEN },
    removeTeamMember: { from: OPEN },
    assignLead: { from: OPEN },
    addNote: { from: [...OPEN, 'closed'] },
    recordConsent: { from: OPEN },
    withdrawConsent: { from: [...OPEN, 'closed'] },
    activatePlan: { from: ['planning'], to: 'active', requires: activatePlanPreconditions },
    startReview: { from: ['active'], to: 'reviewing' },
    recordEvaluation: { from: ['active', 'reviewing', 'on-hold'] },
    completeReview: {
      from: ['reviewing'],
      to: { oneOf: ['active', 'planning'], pick: (c) => (c.outcome === 're-plan' ? 'planning' : 'active') },
      requires: completeReviewPreconditions,
    },
    holdCase: { from: ['assessing', 'planning', 'active'], to: 'on-hold' },
    resumeCase: {
      from: ['on-hold'],
      to: { oneOf: ['assessing', 'planning', 'active'], pick: (_c, { state }) => state.heldFrom ?? 'active' },
    },
    closeCase: { from: ['assessing', 'planning', 'active', 'reviewing', 'on-hold'], to: 'closed', guards: closeGuards },
    reopenCase: { from: ['closed'], to: 'assessing', guards: reopenGuards },
    recordRiskLevel: { from: OPEN },
    recordSafetyPlan: { from: OPEN },
    resolveCrisis: { from: OPEN },
    markEnteredInError: { from: [...OPEN, 'closed'], to: 'entered-in-error' },
    setMonitoringSchedule: { from: PLANNING_ON },
    recordMeasurement: { from: ['assessing', 'planning', 'active', 'reviewing', 'on-hold'] },
    amendMeasurement: { from: OPEN },
    voidMeasurement: { from: [...OPEN, 'closed'] },
  },
});
