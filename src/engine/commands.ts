import { fastParser } from './fast-parse.js';
import { z } from 'zod';
import type { StartAssessment, RecordNeed, RecordStrength, RecordClientPriority, RecordCulturalConsiderations, RecordRiskScreen, CompleteAssessment } from '../case/assessment.js';
import { type RecordConsent, type WithdrawConsent, recordConsentSchema, withdrawConsentSchema } from '../case/consent.js';
import { type RecordEvaluation, recordEvaluationSchema } from '../case/evaluation.js';
import { type ProposeGoal, type AgreeGoal, type ReviseGoal, type HoldGoal, type ResumeGoal, type CancelGoal, type RejectGoal, type RecordGoalOutcome, agreeGoalSchema, cancelGoalSchema, holdGoalSchema, proposeGoalSchema, recordGoalOutcomeSchema, rejectGoalSchema, resumeGoalSchema, reviseGoalSchema } from '../case/goal.js';
import { type OpenCase, type DeclineReferral, type HoldCase, type ResumeCase, type CloseCase, type ReopenCase, closeCaseSchema, declineReferralSchema, holdCaseSchema, openCaseSchema, reopenCaseSchema, resumeCaseSchema } from '../case/case.js';
import { type AddNote, addNoteSchema } from '../case/note.js';
import { type ActivatePlan, type StartReview, type CompleteReview, activatePlanSchema, completeReviewSchema, startReviewSchema } from '../case/plan.js';
import { type ScheduleSession, type RecordAttendance, recordAttendanceSchema, scheduleSessionSchema } from '../case/session.js';
import type { ProposeStrategy, PlanStrategy, StartStrategy, SuspendStrategy, ResumeStrategy, CompleteStrategy, DiscontinueStrategy } from '../case/strategy.js';
import { type AddTeamMember, type RemoveTeamMember, type AssignLead, addTeamMemberSchema, assignLeadSchema, removeTeamMemberSchema } from '../case/team.js';
import {
  completeAssessmentSchema,
  recordClientPrioritySchema,
  recordCulturalConsiderationsSchema,
  recordNeedSchema,
  recordRiskScreenSchema,
  recordStrengthSchema,
  startAssessmentSchema,
} from '../case/assessment.js';
import {
  completeStrategySchema,
  discontinueStrategySchema,
  planStrategySchema,
  proposeStrategySchema,
  resumeStrategySchema,
  startStrategySchema,
  suspendStrategySchema,
} from '../case/strategy.js';
import { recordRiskLevelSchema, recordSafetyPlanSchema, resolveCrisisSchema, type RecordRiskLevel, type RecordSafetyPlan, type ResolveCrisis } from '../case/crisis.js';
import { markEnteredInErrorSchema, type MarkEnteredInError } from '../case/correction.js';
import { amendMeasurementSchema, recordMeasurementSchema, setMonitoringScheduleSchema, voidMeasurementSchema, type AmendMeasurement, type RecordMeasurement, type SetMonitoringSchedule, type VoidMeasurement } from '../case/measurement.js';

const schemas = [
  openCaseSchema,
  startAssessmentSchema,
  declineReferralSchema,
  recordNeedSchema,
  recordStrengthSchema,
  recordClientPrioritySchema,
  recordCulturalConsiderationsSchema,
  recordRiskScreenSchema,
  completeAssessmentSchema,
  proposeGoalSchema,
  agreeGoalSchema,
  reviseGoalSchema,
  holdGoalSchema,
  resumeGoalSchema,
  cancelGoalSchema,
  rejectGoalSchema,
  recordGoalOutcomeSchema,
  proposeStrategySchema,
  planStrategySchema,
  startStrategySchema,
  suspendStrategySchema,
  resumeStrategySchema,
  completeStrategySchema,
  discontinueStrategySchema,
  scheduleSessionSchema,
  recordAttendanceSchema,
  addTeamMemberSchema,
  removeTeamMemberSchema,
  assignLeadSchema,
  addNoteSchema,
  recordConsentSchema,
  withdrawConsentSchema,
  activatePlanSchema,
  startReviewSchema,
  recordEvaluationSchema,
  completeReviewSchema,
  holdCaseSchema,
  resumeCaseSchema,
  closeCaseSchema,
  reopenCaseSchema,
  recordRiskLevelSchema,
  recordSafetyPlanSchema,
  resolveCrisisSchema,
  markEnteredInErrorSchema,
  setMonitoringScheduleSchema,
  recordMeasurementSchema,
  amendMeasurementSchema,
  voidMeasurementSchema,
] as const;

let union: z.ZodType<CaseCommand> | undefined;

/**
 * The zod schema of every command: a discriminated union on `type`, strict (unknown fields are
 * issues). Built on first use.
 *
 * @example
 * ```ts
 * commandSchema().safeParse({ type: 'startReview' }).success; // true
 * ```
 */
export function commandSchema(): z.ZodType<CaseCommand> {
  union ??= z.discriminatedUnion('type', schemas) as unknown as z.ZodType<CaseCommand>;
  return union;
}

let fast: ((input: unknown) => CaseCommand | undefined) | null | undefined;

/**
 * Parses a command: {@link commandSchema}'s `safeParse`, with a fast path compiled from the same
 * schema for the common, certainly valid command (zod then only explains what is wrong).
 *
 * @example
 * ```ts
 * const r = parseCommand({ type: 'startReview' });
 * if (r.success) r.data.type; // 'startReview'
 * ```
 */
export function parseCommand(input: unknown): z.ZodSafeParseResult<CaseCommand> {
  if (fast === undefined) fast = fastParser<CaseCommand>(commandSchema());
  const data = fast === null ? undefined : fast(input);
  return data === undefined ? commandSchema().safeParse(input) : { success: true, data };
}

/** Any command the Case engine accepts. */
export type CaseCommand =
  | OpenCase
  | StartAssessment
  | DeclineReferral
  | RecordNeed
  | RecordStrength
  | RecordClientPriority
  | RecordCulturalConsiderations
  | RecordRiskScreen
  | CompleteAssessment
  | ProposeGoal
  | AgreeGoal
  | ReviseGoal
  | HoldGoal
  | ResumeGoal
  | CancelGoal
  | RejectGoal
  | RecordGoalOutcome
  | ProposeStrategy
  | PlanStrategy
  | StartStrategy
  | SuspendStrategy
  | ResumeStrategy
  | CompleteStrategy
  | DiscontinueStrategy
  | ScheduleSession
  | RecordAttendance
  | AddTeamMember
  | RemoveTeamMember
  | AssignLead
  | AddNote
  | RecordConsent
  | WithdrawConsent
  | ActivatePlan
  | StartReview
  | RecordEvaluation
  | CompleteReview
  | HoldCase
  | ResumeCase
  | CloseCase
  | ReopenCase
  | RecordRiskLevel
  | RecordSafetyPlan
  | ResolveCrisis
  | MarkEnteredInError
  | SetMonitoringSchedule
  | RecordMeasurement
  | AmendMeasurement
  | VoidMeasurement;

/** A command type. */
export type CommandType = CaseCommand['type'];

/** The command of one type. */
export type CommandOf<K extends CommandType> = Extract<CaseCommand, { type: K }>;

/** Every command type, in lifecycle order. */
export const COMMAND_TYPES: readonly CommandType[] = schemas.map((s) => s.shape.type.value);

export type {
  OpenCase, StartAssessment, DeclineReferral, RecordNeed, RecordStrength, RecordClientPriority, RecordCulturalConsiderations,
  RecordRiskScreen, CompleteAssessment, ProposeGoal, AgreeGoal, ReviseGoal, HoldGoal, ResumeGoal, CancelGoal, RejectGoal, RecordGoalOutcome,
  ProposeStrategy, PlanStrategy, StartStrategy, SuspendStrategy, ResumeStrategy, CompleteStrategy, DiscontinueStrategy,
  ScheduleSession, RecordAttendance, AddTeamMember, RemoveTeamMember, AssignLead, AddNote, RecordConsent, WithdrawConsent,
  ActivatePlan, StartReview, RecordEvaluation, CompleteReview, HoldCase, ResumeCase, CloseCase, ReopenCase,
  RecordRiskLevel, RecordSafetyPlan, ResolveCrisis, MarkEnteredInError,
  SetMonitoringSchedule, RecordMeasurement, AmendMeasurement, VoidMeasurement,
};
