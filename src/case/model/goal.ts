import { z } from 'zod';
import { dateSchema, idSchema, labelSchema, textSchema } from './primitives.js';
/** Goals as data: statuses, the goal's fields and the zod schemas of the goal commands. */

export const GOAL_STATUSES = ['proposed', 'agreed', 'active', 'on-hold', 'achieved', 'partially-achieved', 'not-achieved', 'cancelled', 'superseded', 'rejected'] as const;
/** A goal's status. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** The statuses of a goal still in play (the one list every rule reads). */
export const OPEN_GOAL_STATUSES: readonly GoalStatus[] = ['proposed', 'agreed', 'active', 'on-hold'];
/** The statuses a goal ends in: an outcome, cancelled, superseded by a revision, or rejected by the client (FHIR `rejected`). */
export const TERMINAL_GOAL_STATUSES: readonly GoalStatus[] = ['achieved', 'partially-achieved', 'not-achieved', 'cancelled', 'superseded', 'rejected'];

/** FHIR Goal.achievementStatus. Derived from measurements once monitoring lands. */
export const ACHIEVEMENTS = ['in-progress', 'improving', 'worsening', 'no-change', 'achieved', 'sustaining', 'not-achieved', 'no-progress', 'not-attainable'] as const;
/** A goal's achievement (FHIR Goal.achievementStatus). */
export type Achievement = (typeof ACHIEVEMENTS)[number];

/** The terminal outcomes of a goal. */
export const GOAL_OUTCOMES = ['achieved', 'partially-achieved', 'not-achieved'] as const;
/** A goal's outcome. */
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];

/** How progress on a goal is measured: an instrument score or a named indicator, from baseline to target. */
export interface GoalMeasure {
  readonly kind: 'instrument' | 'indicator';
  readonly instrumentId?: string | undefined;
  readonly indicator?: string | undefined;
  readonly baseline: number;
  readonly target: number;
  readonly direction: 'decrease' | 'increase';
}

/** Goal Attainment Scaling: a weight and the text of each level from −2 to +2. */
export interface GoalGas {
  readonly weight: number;
  readonly levels: { readonly '-2': string; readonly '-1': string; readonly '0': string; readonly '1': string; readonly '2': string };
}

/** The fields a goal is SMART-checked on. */
export interface GoalFields {
  readonly id: string;
  readonly description: string;
  readonly addressesNeedIds: readonly string[];
  readonly measure: GoalMeasure;
  readonly startDate: string;
  readonly targetDate: string;
}

/** The fields a goal is proposed with. */
export interface ProposedGoal extends GoalFields {
  readonly gas: GoalGas | null;
}

/** A goal of the plan. Every field is always present (null where empty). */
export interface Goal extends ProposedGoal {
  readonly status: GoalStatus;
  readonly achievement: Achievement;
  /** Person ids of those who agreed the goal (the client, or a family member on their behalf). */
  readonly agreedBy: readonly string[];
  readonly supersedes: string | null;
  readonly supersededBy: string | null;
  readonly outcome: { readonly status: GoalOutcome; readonly at: string; readonly evidence: string | null } | null;
  /** Why it was last held or cancelled. */
  readonly statusReason: string | null;
  readonly proposedAt: string;
}

export const measureSchema = z
  .object({
    kind: z.enum(['instrument', 'indicator']),
    instrumentId: idSchema.optional(),
    indicator: labelSchema.optional(),
    baseline: z.number().finite(),
    target: z.number().finite(),
    direction: z.enum(['decrease', 'increase']),
  })
  .strict();

export const gasSchema = z
  .object({
    weight: z.number().positive().finite(),
    levels: z.object({ '-2': textSchema, '-1': textSchema, '0': textSchema, '1': textSchema, '2': textSchema }).strict(),
  })
  .strict();

/** The fields of a goal as a command gives them (proposeGoal, reviseGoal). */
export const goalFieldsShape = {
  description: textSchema,
  addressesNeedIds: z.array(idSchema).min(1).max(50),
  measure: measureSchema,
  startDate: dateSchema,
  targetDate: dateSchema,
  gas: gasSchema.optional(),
};

/** The data of a `goalProposed` event. */
export interface GoalProposedData {
  readonly goal: ProposedGoal;
}

/** The data of a `goalAgreed` event. */
export interface GoalAgreedData {
  readonly goalId: string;
  readonly agreedBy: readonly string[];
  readonly status: 'agreed' | 'active';
}

/** The data of a `goalHeld` event. */
export interface GoalHeldData {
  readonly goalId: string;
}

/** The data of a `goalResumed` event. */
export interface GoalResumedData {
  readonly goalId: string;
}

/** The data of a `goalCancelled` event. */
export interface GoalCancelledData {
  readonly goalId: string;
}

/** The data of a `goalRejected` event. */
export interface GoalRejectedData {
  readonly goalId: string;
}

/** The data of a `goalOutcomeRecorded` event. */
export interface GoalOutcomeRecordedData {
  readonly goalId: string;
  readonly outcome: GoalOutcome;
  readonly evidence?: string;
}

/** The data of a `goalRevised` event. */
export interface GoalRevisedData {
  readonly goalId: string;
  readonly goal: ProposedGoal;
  /** Strategies still open that served the old goal and now serve the new one. */
  readonly movedStrategyIds: readonly string[];
}
