import { ruleMessages as say } from './model/messages.js';
import type { EvaluationRecordedData } from './model/evaluation.js';
import { CLINICAL_ROLES, idSchema, labelSchema, textSchema } from './model/primitives.js';
import { clean, dataOf, nested, pick, type Data } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { EVALUATION_STATUSES, GOAL_PROGRESS, DECISIONS, type EvaluationStatus } from './model/evaluation.js';
import { put } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import { accept, idTaken, stepEntity } from './rules/decision.js';
import { own } from './store/lookup.js';
import type { CaseState } from './model/state.js';
import { gasTScore } from '../measures/gas.js';
import { endsOf, instrumentChanges, talkingTherapiesOf } from './rules/outcomes.js';

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
export interface RecordEvaluation {
  type: 'recordEvaluation';
  status: 'draft' | 'final';
  goalOutcomes: { goalId: string; status: 'achieved' | 'partially-achieved' | 'not-achieved' | 'in-progress'; evidence: string; gasLevel?: number | undefined; }[];
  barriers: string[];
  decision: 'continue' | 'revise' | 'step-up' | 'step-down' | 'close';
  evaluationId?: string | undefined;
  clientFeedback?: string | undefined;
}

/** Commands of evaluations. */
export type EvaluationCommand = RecordEvaluation;
type Module = EntityModule<EvaluationCommand, EvaluationEvents>;

/** Events of evaluations. */
export interface EvaluationEvents {
  evaluationRecorded: EvaluationRecordedData;
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
            return unknown.length === 0 || { code: 'NOT_FOUND', message: say.knownGoals({ goalIds: unknown, caseId: state.id }) };
          },
        },
        {
          name: 'gasLevelsOnGasGoals',
          check: (c, { state }) => {
            const bad = c.goalOutcomes.filter((o) => o.gasLevel !== undefined && own(state.goals, o.goalId)?.gas == null).map((o) => o.goalId);
            return bad.length === 0 || say.gasLevelsOnGasGoals({ goalIds: bad });
          },
        },
      ],
    },
  },
});

const deciders: Module['deciders'] = {
  recordEvaluation: (state, c, env) => {
    const id = c.evaluationId ?? env.newId();
    const existing = own(state.evaluations, id);
    // A given id names the draft to update (or a new evaluation); a generated one must be fresh.
    if (c.evaluationId === undefined && existing !== undefined) return idTaken('evaluation', id, state.id, 'evaluationId');
    const r = stepEntity(evaluationMachine, existing?.status ?? null, c, { state }, id);
    if ('refusal' in r) return r.refusal;
    // Outcome statistics are computed when the evaluation is recorded, so the log carries them as facts.
    const goalOutcomes = c.goalOutcomes.map((o) => ({ goalId: o.goalId, status: o.status, evidence: o.evidence, gasLevel: o.gasLevel ?? null }));
    const scaled = goalOutcomes.filter((o) => o.gasLevel !== null);
    // Read once for both summaries (a short series is read whole each time).
    const ends = endsOf(state);
    const evaluation = {
      id,
      status: c.status,
      goalOutcomes,
      measureChanges: instrumentChanges(state, ends),
      gasTScore: scaled.length === 0 ? null : gasTScore(scaled.map((o) => o.gasLevel as number), scaled.map((o) => own(state.goals, o.goalId)?.gas?.weight ?? 1)),
      talkingTherapies: talkingTherapiesOf(state, ends),
      barriers: c.barriers,
      decision: c.decision,
      clientFeedback: c.clientFeedback ?? null,
    };
    return accept({ type: 'evaluationRecorded', data: { evaluation } });
  },
};

const evolvers: Module['evolvers'] = {
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

/** For each evaluation event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const evaluationCommandOf: CommandOfMap<EvaluationEvents> = {
  evaluationRecorded: (e) => {
    const v = nested(dataOf(e), 'evaluation');
    const outcomes = Array.isArray(v.goalOutcomes) ? (v.goalOutcomes as unknown[]).map((o) => (typeof o === 'object' && o !== null ? clean(o as Data) : o)) : v.goalOutcomes;
    return clean(Object.assign({ type: 'recordEvaluation', evaluationId: v.id }, pick(v, 'status', 'barriers', 'clientFeedback', 'decision'), { goalOutcomes: outcomes }));
  },
};

/** Evaluations: goal outcomes, measured change, barriers, the client's feedback and a decision. */
export const evaluation = defineEntity<EvaluationCommand, EvaluationEvents>()({
  name: 'evaluation',
  machine: evaluationMachine,
  statuses: (state) => statusesOf(Object.values(state.evaluations)),
  commands: {
    recordEvaluation: { schema: recordEvaluationSchema, roles: CLINICAL_ROLES, case: { from: ['active', 'reviewing', 'on-hold'] } },
  },
  deciders,
  evolvers,
});
