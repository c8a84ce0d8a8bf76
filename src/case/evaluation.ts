import { put } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import { idSchema, labelSchema, textSchema } from './model/primitives.js';
import { accept, idTaken, stepEntity, type Decider, type Evolvers } from './rules/decision.js';
import { own, type CaseState } from './model/state.js';
import { gasTScore } from '../measures/gas.js';
import { instrumentChanges, talkingTherapiesOf, type CaseTalkingTherapies, type InstrumentChange } from './rules/outcomes.js';

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

export const recordEvaluationSchema = z
  .object({
    type: z.literal('recordEvaluation'),
    evaluationId: idSchema.optional(),
    status: z.enum(EVALUATION_STATUSES),
    goalOutcomes: z
      .array(z.object({ goalId: idSchema, status: z.enum(GOAL_PROGRESS), evidence: textSchema, gasLevel: z.number().int().min(-2).max(2).optional() }).strict())
      .max(100),
    barriers: z.array(labelSchema).max(100),
    clientFeedback: textSchema.optional(),
    decision: z.enum(DECISIONS),
  })
  .strict();

/** Records (or finalises) an evaluation. */
export type RecordEvaluation = z.infer<typeof recordEvaluationSchema>;

/** Events of evaluations. */
export interface EvaluationEvents {
  evaluationRecorded: { readonly evaluation: Omit<Evaluation, 'at' | 'reviewStartedAtVersion'> };
}

/** The evaluation lifecycle: draft → final; a final evaluation cannot change. */
export const evaluationMachine = defineMachine<EvaluationStatus, RecordEvaluation, { state: CaseState }>({
  id: 'evaluation',
  states: [...EVALUATION_STATUSES],
  final: ['final'],
  transitions: {
    recordEvaluation: {
      from: [null, 'draft'],
      to: { oneOf: ['draft', 'final'], pick: (c) => c.status },
      guards: [
        {
          name: 'knownGoals',
          check: (c, { state }) => {
            const unknown = c.goalOutcomes.filter((o) => own(state.goals, o.goalId) === undefined).map((o) => o.goalId);
            return unknown.length === 0 || { code: 'NOT_FOUND', message: `no goals ${unknown.join(', ')} in case ${state.id}` };
          },
        },
        {
          name: 'gasLevelsOnGasGoals',
          check: (c, { state }) => {
            const bad = c.goalOutcomes.filter((o) => o.gasLevel !== undefined && own(state.goals, o.goalId)?.gas == null).map((o) => o.goalId);
            return bad.length === 0 || `goals ${bad.join(', ')} carry no GAS levels, so they cannot be given one`;
          },
        },
      ],
    },
  },
});

export const evaluationDeciders = {
  recordEvaluation: ((state, c, env) => {
    const id = c.evaluationId ?? env.newId();
    const existing = own(state.evaluations, id);
    // A given id names the draft to update (or a new evaluation); a generated one must be fresh.
    if (c.evaluationId === undefined && existing !== undefined) return idTaken('evaluation', id, state.id, 'evaluationId');
    const r = stepEntity(evaluationMachine, existing?.status ?? null, c, { state }, id);
    if ('refusal' in r) return r.refusal;
    // Outcome statistics are computed when the evaluation is recorded, so the log carries them as facts.
    const goalOutcomes = c.goalOutcomes.map((o) => ({ goalId: o.goalId, status: o.status, evidence: o.evidence, gasLevel: o.gasLevel ?? null }));
    const scaled = goalOutcomes.filter((o) => o.gasLevel !== null);
    const evaluation = {
      id,
      status: c.status,
      goalOutcomes,
      measureChanges: instrumentChanges(state),
      gasTScore: scaled.length === 0 ? null : gasTScore(scaled.map((o) => o.gasLevel as number), scaled.map((o) => own(state.goals, o.goalId)?.gas?.weight ?? 1)),
      talkingTherapies: talkingTherapiesOf(state),
      barriers: c.barriers,
      decision: c.decision,
      clientFeedback: c.clientFeedback ?? null,
    };
    return accept({ type: 'evaluationRecorded', data: { evaluation } });
  }) as Decider<RecordEvaluation>,
};

export const evaluationEvolvers: Evolvers<keyof EvaluationEvents> = {
  evaluationRecorded: (d, e) => {
    const v = e.data.evaluation;
    put(d, 'evaluations', v.id, {
      id: v.id,
      status: v.status,
      at: e.at,
      goalOutcomes: v.goalOutcomes.map((o) => ({ goalId: o.goalId, status: o.status, evidence: o.evidence, gasLevel: o.gasLevel })),
      measureChanges: v.measureChanges.map((m) => ({ ...m })),
      gasTScore: v.gasTScore,
      talkingTherapies: v.talkingTherapies === null ? null : { ...v.talkingTherapies },
      barriers: [...v.barriers],
      clientFeedback: v.clientFeedback,
      decision: v.decision,
      reviewStartedAtVersion: d.review ? d.review.startedAtVersion : null,
    });
  },
};
