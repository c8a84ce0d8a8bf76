/**
 * intervention-lifecycle: the lifecycle of a therapeutic intervention as validated, audited state
 * machines over plain JSON. Every export is named here by hand; nothing leaks from internals.
 *
 * @packageDocumentation
 */

// The engine (DESIGN.md §5)
export { openCase, dispatch, dispatchOrThrow, evolve, replay, type DispatchResult } from './case/dispatch.js';
export { decide, type DecideResult } from './case/decide.js';
export { allowedCommands, type AllowedOptions } from './case/allowed.js';
export { machines } from './case/machines.js';
export { commandSchema, COMMAND_TYPES, type CaseCommand, type CommandType, type CommandOf } from './case/commands.js';
export type { CaseEvent, CaseEventOf, EventType, EventMap } from './case/events.js';
export type { Context, Policy } from './case/context.js';
export { DEFAULT_ROLES, permitted } from './case/policy.js';
export { MODALITIES, findModality, type ModalityDefinition } from './case/modalities.js';
export { checkSmart, type SmartFinding } from './case/smart.js';
export { consentStatus } from './case/consent.js';
export { SCHEMA_VERSION, type CaseState, type StatusChange } from './case/state.js';
export { ROLES, SETTINGS, type Actor, type Role, type Setting } from './case/primitives.js';
export type { CaseStatus, CloseReason, Closure, Referral } from './case/lifecycle.js';
export type { NeedsAssessment, Need, Strength, ClientPriority, CulturalConsiderations, RiskScreen } from './case/assessment.js';
export type { Goal, GoalFields, GoalMeasure, GoalGas, GoalStatus, GoalOutcome, Achievement } from './case/goal.js';
export type { Strategy, StrategyStatus, Dose } from './case/strategy.js';
export type { Session, SessionStatus } from './case/session.js';
export type { TeamMember } from './case/team.js';
export type { Note } from './case/note.js';
export type { Consent, ConsentStatus } from './case/consent.js';
export type { Evaluation, EvaluationStatus, GoalOutcomeEntry, MeasureChange } from './case/evaluation.js';

// Queries
export { summary, type CaseSummary } from './queries/summary.js';
export { doseDelivered, type DoseDelivered } from './queries/dose.js';

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
