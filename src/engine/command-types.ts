import type { AssessmentCommand } from '../case/assessment.js';
import type { CaseLifecycleCommand } from '../case/case.js';
import type { ConsentCommand } from '../case/consent.js';
import type { CorrectionCommand } from '../case/correction.js';
import type { CrisisCommand } from '../case/crisis.js';
import type { EvaluationCommand } from '../case/evaluation.js';
import type { GoalCommand } from '../case/goal.js';
import type { MeasurementCommand } from '../case/measurement.js';
import type { NoteCommand } from '../case/note.js';
import type { PlanCommand } from '../case/plan.js';
import type { SessionCommand } from '../case/session.js';
import type { StrategyCommand } from '../case/strategy.js';
import type { TeamCommand } from '../case/team.js';

/**
 * Any command the Case engine accepts: the union of every entity's commands (the registry checks at
 * compile time that this union and its list of entities agree).
 */
export type CaseCommand =
  | CaseLifecycleCommand
  | AssessmentCommand
  | GoalCommand
  | StrategyCommand
  | SessionCommand
  | TeamCommand
  | NoteCommand
  | ConsentCommand
  | PlanCommand
  | EvaluationCommand
  | CrisisCommand
  | CorrectionCommand
  | MeasurementCommand;

/** A command type. */
export type CommandType = CaseCommand['type'];

/** The command of one type. */
export type CommandOf<K extends CommandType> = Extract<CaseCommand, { type: K }>;
