import type { TalkingTherapiesOutcome } from '../../measures/nhs-talking-therapies.js';

/** The statuses of an evaluation. */
export const EVALUATION_STATUSES = ['draft', 'final'] as const;
/** An evaluation's status. */
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const DECISIONS = ['continue', 'revise', 'step-up', 'step-down', 'close'] as const;
export const GOAL_PROGRESS = ['achieved', 'partially-achieved', 'not-achieved', 'in-progress'] as const;

/** One goal's standing at an evaluation. */
export interface GoalOutcomeEntry {
  readonly goalId: string;
  readonly status: (typeof GOAL_PROGRESS)[number];
  readonly evidence: string;
  /** The Goal Attainment Scaling level reached (−2…+2), for goals that carry GAS levels. */
  readonly gasLevel: number | null;
}

/** A monitored instrument's change, first versus latest valid score (Jacobson–Truax). */
export type MeasureChange = InstrumentChange;

/** An evaluation: goal outcomes, barriers, the client's feedback and a decision. Final is immutable. */
export interface Evaluation {
  readonly id: string;
  readonly status: EvaluationStatus;
  readonly at: string;
  readonly goalOutcomes: readonly GoalOutcomeEntry[];
  readonly measureChanges: readonly MeasureChange[];
  /** The GAS T-score over the goals given a level, weighted by each goal's GAS weight. */
  readonly gasTScore: number | null;
  /** The NHS Talking Therapies outcome, when PHQ-9 and GAD-7 are both monitored (recovery only for a finished course of a case at start). */
  readonly talkingTherapies: CaseTalkingTherapies | null;
  readonly barriers: readonly string[];
  readonly clientFeedback: string | null;
  readonly decision: (typeof DECISIONS)[number];
  /** The case version at which the review it belongs to started, when recorded during a review. */
  readonly reviewStartedAtVersion: number | null;
}

/** The change of one instrument between its first and latest valid measurement. */
export interface InstrumentChange {
  readonly instrumentId: string;
  readonly pre: number;
  readonly post: number;
  /** The Jacobson–Truax reliable change index. */
  readonly rci: number;
  readonly minimumReliableChange: number;
  readonly category: 'improved' | 'unchanged' | 'deteriorated';
}

/**
 * A case's NHS Talking Therapies outcome. Recovery is defined only for a finished course (at least
 * two attended treatment sessions) of a client who was a case at the start: otherwise it is
 * `'not-applicable'`, never `false` (a client who was never a case did not fail to recover).
 */
export interface CaseTalkingTherapies extends Omit<TalkingTherapiesOutcome, 'recovery' | 'reliableRecovery'> {
  /** Attended treatment sessions in the case. */
  readonly attendedSessions: number;
  /** At least two attended treatment sessions: the national definition of a finished course. */
  readonly finishedCourse: boolean;
  readonly recovery: boolean | 'not-applicable';
  readonly reliableRecovery: boolean | 'not-applicable';
}

/** The data of a `evaluationRecorded` event. */
export interface EvaluationRecordedData {
  readonly evaluation: Omit<Evaluation, 'at' | 'reviewStartedAtVersion'>;
}
