/**
 * intervention-lifecycle: the lifecycle of a therapeutic intervention as validated, audited state
 * machines over plain JSON. Every export is named here by hand; nothing leaks from internals.
 *
 * @packageDocumentation
 */

// The engine (DESIGN.md §5)
export { openCase, dispatch, dispatchOrThrow, evolve, replay, type DispatchResult } from './engine/dispatch.js';
export { decide, type DecideResult } from './engine/decide.js';
export { allowedCommands, type AllowedOptions } from './engine/allowed.js';
export { machines } from './engine/machines.js';
export { commandSchema, command, type CommandPayload } from './engine/commands.js';
export { COMMAND_TYPES } from './engine/registry.js';
export { type CaseCommand, type CommandType, type CommandOf } from './engine/command-types.js';
export type { OpenCase, DeclineReferral, HoldCase, ResumeCase, CloseCase, ReopenCase } from './case/case.js';
export type { StartAssessment, RecordNeed, RecordStrength, RecordClientPriority, RecordCulturalConsiderations, RecordRiskScreen, CompleteAssessment } from './case/assessment.js';
export type { ProposeGoal, AgreeGoal, ReviseGoal, HoldGoal, ResumeGoal, CancelGoal, RejectGoal, RecordGoalOutcome } from './case/goal.js';
export type { ProposeStrategy, PlanStrategy, StartStrategy, SuspendStrategy, ResumeStrategy, CompleteStrategy, DiscontinueStrategy, ReassignStrategy } from './case/strategy.js';
export type { ScheduleSession, RescheduleSession, RecordAttendance } from './case/session.js';
export type { AddTeamMember, RemoveTeamMember, AssignLead } from './case/team.js';
export type { AddNote } from './case/note.js';
export type { RecordConsent, WithdrawConsent } from './case/consent.js';
export type { ActivatePlan, StartReview, CompleteReview } from './case/plan.js';
export type { RecordEvaluation } from './case/evaluation.js';
export type { RecordRiskLevel, RecordSafetyPlan, ResolveCrisis } from './case/crisis.js';
export type { MarkEnteredInError } from './case/correction.js';
export type { SetMonitoringSchedule, RecordMeasurement, AmendMeasurement, VoidMeasurement } from './case/measurement.js';
export { MEASUREMENT_STATUSES, type Measurement, type MeasurementStatus, type MeasuredValue, type MonitoringSchedule } from './case/model/measurement.js';
export type { Crisis, RiskEntry, RiskLevel, SafetyPlan } from './case/model/crisis.js';
export type { CaseEvent, CaseEventOf, EventType, EventMap } from './engine/events.js';
// The data of each event, by name (EventMap lists them by event type).
export type { AssessmentStartedData, NeedRecordedData, StrengthRecordedData, ClientPriorityRecordedData, CulturalConsiderationsRecordedData, RiskScreenRecordedData, AssessmentCompletedData } from './case/model/assessment.js';
export type { CaseOpenedData, ReferralDeclinedData, CaseHeldData, CaseResumedData, CaseReopenedData, CaseClosedData } from './case/model/case.js';
export type { ConsentRecordedData, ConsentWithdrawnData } from './case/model/consent.js';
export type { RiskLevelRecordedData, SafetyPlanRecordedData } from './case/model/crisis.js';
export type { EvaluationRecordedData } from './case/model/evaluation.js';
export type { GoalProposedData, GoalAgreedData, GoalHeldData, GoalResumedData, GoalCancelledData, GoalRejectedData, GoalOutcomeRecordedData, GoalRevisedData } from './case/model/goal.js';
export type { MonitoringScheduleSetData, MeasurementRecordedData, MeasurementAmendedData, MeasurementVoidedData } from './case/model/measurement.js';
export type { NoteAddedData } from './case/model/note.js';
export type { PlanActivatedData, ReviewCompletedData } from './case/model/case.js';
export type { SessionScheduledData, SessionRescheduledData, AttendanceRecordedData } from './case/model/session.js';
export type { StrategyProposedData, StrategyPlannedData, StrategyStartedData, StrategySuspendedData, StrategyResumedData, StrategyCompletedData, StrategyDiscontinuedData, StrategyReassignedData } from './case/model/strategy.js';
export type { TeamMemberAddedData, TeamMemberRemovedData, LeadAssignedData } from './case/model/team.js';
export type { Context, Policy } from './engine/context.js';
export { DEFAULT_ROLES } from './engine/registry.js';
export { permitted } from './engine/policy.js';
export { MODALITIES, findModality, type ModalityDefinition } from './case/model/modalities.js';
export { checkSmart, type SmartFinding } from './case/rules/smart.js';
export { consentStatus, mayShare } from './case/rules/consent.js';
export { SCHEMA_VERSION, type CaseState, type StatusChange } from './case/model/state.js';
export { ROLES, SETTINGS, type Actor, type Role, type Setting } from './case/model/primitives.js';
export { CASE_STATUSES, CLOSE_REASONS, type CaseStatus, type CloseReason, type Closure, type Referral } from './case/model/case.js';
export type { NeedsAssessment, Need, Strength, ClientPriority, CulturalConsiderations, RiskScreen } from './case/model/assessment.js';
export { ASSESSMENT_STATUSES, type AssessmentStatus } from './case/model/assessment.js';
export { GOAL_STATUSES, OPEN_GOAL_STATUSES, TERMINAL_GOAL_STATUSES, ACHIEVEMENTS, GOAL_OUTCOMES, type Goal, type GoalFields, type GoalMeasure, type GoalGas, type GoalStatus, type GoalOutcome, type Achievement } from './case/model/goal.js';
export { STRATEGY_STATUSES, FREQUENCIES, INTERVENTION_OUTCOMES, type Strategy, type StrategyStatus, type Dose, type InterventionOutcome } from './case/model/strategy.js';
export { SESSION_STATUSES, type Session, type SessionStatus } from './case/model/session.js';
export type { TeamMember } from './case/model/team.js';
export type { Note } from './case/model/note.js';
export { CONSENT_STATUSES, type Consent, type ConsentStatus } from './case/model/consent.js';
export { EVALUATION_STATUSES, type Evaluation, type EvaluationStatus, type GoalOutcomeEntry, type MeasureChange } from './case/model/evaluation.js';

// Queries
export { summary, type CaseSummary } from './queries/summary.js';
export { doseDelivered, type DoseDelivered } from './queries/dose.js';
export { goalProgress, type GoalProgress } from './queries/progress.js';
export { alerts } from './queries/alerts.js';
export { type Alert } from './queries/alert.js';
export { dueReviews, overdueMeasurements, type DueReview, type OverdueMeasurement } from './queries/due.js';
export { FINISHED_COURSE_SESSIONS } from './case/rules/outcomes.js';
export { type InstrumentChange, type CaseTalkingTherapies } from './case/model/evaluation.js';
export { timeline, mayRead, type TimelineEntry } from './queries/timeline.js';

// The kernel: domain-free machines
export {
  LifecycleError,
  isLifecycleError,
  ok,
  err,
  defineMachine,
  machineEntries,
  step,
  allowedMachineCommands,
  toMermaid,
  systemClock,
  randomId,
  steppingClock,
  sequentialIds,
  toInstant,
} from './kernel/index.js';
export type {
  ErrorCode,
  Issue,
  LifecycleErrorOptions,
  RefusedAt,
  Result,
  AnyCommand,
  AnyMachine,
  DynamicTarget,
  Guard,
  GuardVerdict,
  Machine,
  MachineEntry,
  Precondition,
  Rule,
  TransitionTable,
  StepOptions,
  MermaidOptions,
  Clock,
  IdGenerator,
} from './kernel/index.js';
