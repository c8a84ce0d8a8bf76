import { ruleMessages as say } from './model/messages.js';
import { REVIEW_OUTCOMES, type PlanActivatedData, type ReviewCompletedData } from './model/case.js';
import type { Rule, Precondition } from '../kernel/machine.js';
import type { CaseStatus } from './model/case.js';
import { CLINICAL_ROLES, LEAD_ROLES, textSchema } from './model/primitives.js';
import { clean, dataOf } from './rules/command-of.js';
import { defineEntity, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { editEntry } from './store/draft.js';
import type { Writable, CaseState } from './model/state.js';
import { z } from 'zod';
import { consentToTreat } from './rules/consent.js';
import { addDaysUtc } from './rules/dates.js';
import type { CaseGuardContext } from './model/context.js';
import { smartProblem } from './rules/smart.js';
import { accept } from './rules/decision.js';
import { moveTo, own } from './store/lookup.js';

/** Default days between reviews: twelve weeks. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 84;


export const activatePlanSchema = z.object({ type: z.literal('activatePlan') }).strict();
export const startReviewSchema = z.object({ type: z.literal('startReview') }).strict();
export const completeReviewSchema = z.object({ type: z.literal('completeReview'), outcome: z.enum(REVIEW_OUTCOMES), summary: textSchema.optional() }).strict();

/** Activates the plan. */
export interface ActivatePlan {
  type: 'activatePlan';
}
/** Starts a review of the plan. */
export interface StartReview {
  type: 'startReview';
}
/** Completes the review with its outcome. */
export interface CompleteReview {
  type: 'completeReview';
  outcome: 'continue' | 'revise' | 'step-up' | 'step-down' | 're-plan';
  summary?: string | undefined;
}

/** Commands of the care plan and its reviews. */
export type PlanCommand = ActivatePlan | StartReview | CompleteReview;
type Module = EntityModule<PlanCommand, PlanEvents>;

/** Events of the plan and its reviews. */
export interface PlanEvents {
  planActivated: PlanActivatedData;
  reviewStarted: Record<string, never>;
  reviewCompleted: ReviewCompletedData;
}

function agreedGoals(state: CaseState) {
  return Object.values(state.goals).filter((g) => g.status === 'agreed' || g.status === 'active');
}

/** The preconditions of activatePlan (DESIGN.md §4), in the order they are reported. */
export const activatePlanPreconditions: readonly Precondition<CaseGuardContext>[] = [
  { name: 'goalAgreed', check: ({ state }) => agreedGoals(state).length > 0 || say.goalAgreed() },
  {
    name: 'goalsSmart',
    check: ({ state, env }) => {
      for (const g of agreedGoals(state)) {
        const problem = smartProblem(g, state, env.at);
        if (problem) return problem;
      }
      return true;
    },
  },
  {
    name: 'strategyPerGoal',
    check: ({ state }) => {
      const covered = new Set<string>();
      for (const s of Object.values(state.strategies)) if (s.status === 'planned' || s.status === 'active') for (const id of s.goalIds) covered.add(id);
      const bare = agreedGoals(state).filter((g) => !covered.has(g.id));
      return bare.length === 0 || say.strategyPerGoal({ goalIds: bare.map((g) => g.id) });
    },
  },
  {
    name: 'treatmentConsent',
    check: ({ state, env }) => consentToTreat(state, env.at, undefined),
  },
  {
    name: 'safetyPlanInCrisis',
    check: ({ state }) => state.crisis === null || state.crisis.safetyPlanId !== null || say.safetyPlanInCrisis(),
  },
  {
    name: 'leadPractitioner',
    check: ({ state }) => {
      const lead = state.leadMemberId === null ? undefined : own(state.team, state.leadMemberId);
      return lead?.status === 'active' || say.leadPractitioner();
    },
  },
];

/** completeReview needs a final evaluation recorded during this review. */
export const completeReviewPreconditions: readonly Precondition<CaseGuardContext>[] = [
  {
    name: 'finalEvaluationThisReview',
    check: ({ state }) => finalEvaluationOfReview(state) !== undefined || say.finalEvaluationThisReview(),
  },
];

function finalEvaluationOfReview(state: CaseState): string | undefined {
  const started = state.review?.startedAtVersion;
  if (started === undefined) return undefined;
  let found: string | undefined;
  for (const e of Object.values(state.evaluations)) if (e.status === 'final' && e.reviewStartedAtVersion === started) found = e.id;
  return found;
}

function interval(policyDays: number | undefined): number {
  return policyDays ?? DEFAULT_REVIEW_INTERVAL_DAYS;
}

/** Where a completed review leads: back to planning to re-plan, otherwise on with the plan. */
const afterReview = (outcome: CompleteReview['outcome']): 'planning' | 'active' => (outcome === 're-plan' ? 'planning' : 'active');

// The case-table rows of the plan's commands: their targets are what the evolvers write.
const rows = {
  activatePlan: { from: ['planning'], to: 'active', requires: activatePlanPreconditions },
  startReview: { from: ['active'], to: 'reviewing' },
  completeReview: { from: ['reviewing'], to: { oneOf: ['active', 'planning'], pick: (c) => afterReview(c.outcome) }, requires: completeReviewPreconditions },
} as const satisfies { readonly [K in PlanCommand['type']]: Rule<CaseStatus, Extract<PlanCommand, { type: K }>, CaseGuardContext> };

const deciders: Module['deciders'] = {
  activatePlan: (state, _c, env) =>
    accept({
      type: 'planActivated',
      data: {
        activatedGoalIds: agreedGoals(state).filter((g) => g.status === 'agreed').map((g) => g.id),
        reviewDueBy: addDaysUtc(env.at, interval(env.policy.reviewIntervalDays)),
      },
    }),
  startReview: () => accept({ type: 'reviewStarted', data: {} }),
  completeReview: (state, c, env) => {
    const data: Writable<PlanEvents['reviewCompleted']> = { outcome: c.outcome, evaluationId: finalEvaluationOfReview(state) ?? '' };
    if (c.outcome !== 're-plan') data.reviewDueBy = addDaysUtc(env.at, interval(env.policy.reviewIntervalDays));
    if (c.summary !== undefined) data.summary = c.summary;
    return accept({ type: 'reviewCompleted', data });
  },
};

const evolvers: Module['evolvers'] = {
  planActivated: (d, e) => {
    for (const id of e.data.activatedGoalIds) {
      const g = editEntry(d, 'goals', id);
      if (g) g.status = 'active';
    }
    d.reviewDueBy = e.data.reviewDueBy;
    moveTo(d, rows.activatePlan.to, e.at);
  },
  reviewStarted: (d, e) => {
    d.review = { startedAt: e.at, startedAtVersion: e.seq };
    moveTo(d, rows.startReview.to, e.at);
  },
  reviewCompleted: (d, e) => {
    d.review = null;
    d.reviewDueBy = e.data.reviewDueBy ?? null;
    moveTo(d, afterReview(e.data.outcome), e.at);
  },
};

/** For each plan event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const planCommandOf: CommandOfMap<PlanEvents> = {
  planActivated: () => ({ type: 'activatePlan' }),
  reviewStarted: () => ({ type: 'startReview' }),
  reviewCompleted: (e) => clean({ type: 'completeReview', outcome: dataOf(e).outcome, summary: dataOf(e).summary }),
};

/** The care plan: activated once goals are agreed and served, reviewed on a cadence. */
export const plan = defineEntity<PlanCommand, PlanEvents>()({
  name: 'plan',
  machine: null,
  statuses: null,
  commands: {
    activatePlan: { schema: activatePlanSchema, roles: LEAD_ROLES, case: rows.activatePlan },
    startReview: { schema: startReviewSchema, roles: CLINICAL_ROLES, case: rows.startReview },
    completeReview: { schema: completeReviewSchema, roles: LEAD_ROLES, case: rows.completeReview },
  },
  deciders,
  evolvers,
});
