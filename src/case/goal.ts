import { ruleMessages as say } from './model/messages.js';
import type { GoalProposedData, GoalAgreedData, GoalHeldData, GoalResumedData, GoalCancelledData, GoalRejectedData, GoalOutcomeRecordedData, GoalRevisedData } from './model/goal.js';
import { speaksForClient } from './rules/people.js';
import { datesInOrder, planRunning, type GoalContext, goalFields, newGoal } from './rules/goals.js';
import { DELIVERING, PLANNING_ON } from './model/case.js';
import { CLINICAL_ROLES, idSchema, textSchema, dateSchema } from './model/primitives.js';
import type { Draft, CaseState } from './model/state.js';
import { clean, dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { z } from 'zod';

import { goalFieldsShape, measureSchema, gasSchema, GOAL_OUTCOMES, GOAL_STATUSES, type Goal, type GoalStatus, OPEN_GOAL_STATUSES, TERMINAL_GOAL_STATUSES } from './model/goal.js';
import { editEntry, put } from './store/draft.js';
import { defineMachine } from '../kernel/machine.js';
import type { Env } from './model/context.js';
import { smartProblem } from './rules/smart.js';
import { accept, defined, idTaken, notFound, stepEntity, type Decider, type Decision } from './rules/decision.js';
import { own } from './store/lookup.js';
import { refreshAchievement } from './rules/achievement.js';


export const proposeGoalSchema = z.object({ type: z.literal('proposeGoal'), goalId: idSchema.optional(), ...goalFieldsShape }).strict();
export const agreeGoalSchema = z.object({ type: z.literal('agreeGoal'), goalId: idSchema, agreedBy: z.array(idSchema).min(1).max(20) }).strict();
export const reviseGoalSchema = z
  .object({
    type: z.literal('reviseGoal'),
    goalId: idSchema,
    newGoalId: idSchema.optional(),
    reason: textSchema,
    description: goalFieldsShape.description.optional(),
    addressesNeedIds: goalFieldsShape.addressesNeedIds.optional(),
    measure: measureSchema.optional(),
    startDate: dateSchema.optional(),
    targetDate: dateSchema.optional(),
    gas: gasSchema.optional(),
  })
  .strict();
export const holdGoalSchema = z.object({ type: z.literal('holdGoal'), goalId: idSchema, reason: textSchema }).strict();
export const resumeGoalSchema = z.object({ type: z.literal('resumeGoal'), goalId: idSchema }).strict();
export const cancelGoalSchema = z.object({ type: z.literal('cancelGoal'), goalId: idSchema, reason: textSchema }).strict();
export const rejectGoalSchema = z.object({ type: z.literal('rejectGoal'), goalId: idSchema, reason: textSchema.optional() }).strict();
export const recordGoalOutcomeSchema = z
  .object({ type: z.literal('recordGoalOutcome'), goalId: idSchema, outcome: z.enum(GOAL_OUTCOMES), evidence: textSchema.optional() })
  .strict();

/** Proposes a goal. */
export interface ProposeGoal {
  description: string;
  addressesNeedIds: string[];
  measure: { kind: 'instrument' | 'indicator'; baseline: number; target: number; direction: 'decrease' | 'increase'; instrumentId?: string | undefined; indicator?: string | undefined; };
  startDate: string;
  targetDate: string;
  type: 'proposeGoal';
  gas?: { weight: number; levels: { '-2': string; '-1': string; '0': string; '1': string; '2': string; }; } | undefined;
  goalId?: string | undefined;
}
/** Records the client's agreement to a goal. */
export interface AgreeGoal {
  type: 'agreeGoal';
  goalId: string;
  agreedBy: string[];
}
/** Replaces a goal with a revised one that supersedes it. */
export interface ReviseGoal {
  type: 'reviseGoal';
  goalId: string;
  reason: string;
  newGoalId?: string | undefined;
  description?: string | undefined;
  addressesNeedIds?: string[] | undefined;
  measure?: { kind: 'instrument' | 'indicator'; baseline: number; target: number; direction: 'decrease' | 'increase'; instrumentId?: string | undefined; indicator?: string | undefined; } | undefined;
  startDate?: string | undefined;
  targetDate?: string | undefined;
  gas?: { weight: number; levels: { '-2': string; '-1': string; '0': string; '1': string; '2': string; }; } | undefined;
}
/** Puts an active goal on hold. */
export interface HoldGoal {
  type: 'holdGoal';
  goalId: string;
  reason: string;
}
/** Resumes a held goal. */
export interface ResumeGoal {
  type: 'resumeGoal';
  goalId: string;
}
/** Cancels an open goal. */
export interface CancelGoal {
  type: 'cancelGoal';
  goalId: string;
  reason: string;
}
/** Records that the client rejects a proposed goal (FHIR Goal.lifecycleStatus `rejected`). */
export interface RejectGoal {
  type: 'rejectGoal';
  goalId: string;
  reason?: string | undefined;
}
/** Records a goal's outcome. */
export interface RecordGoalOutcome {
  type: 'recordGoalOutcome';
  goalId: string;
  outcome: 'achieved' | 'partially-achieved' | 'not-achieved';
  evidence?: string | undefined;
}

/** Commands of goals. */
export type GoalCommand = ProposeGoal | AgreeGoal | ReviseGoal | HoldGoal | ResumeGoal | CancelGoal | RejectGoal | RecordGoalOutcome;
type Emits = GoalEvents;
type Module = EntityModule<GoalCommand, GoalEvents>;

/** Events of goals. */
export interface GoalEvents {
  goalProposed: GoalProposedData;
  goalAgreed: GoalAgreedData;
  goalRevised: GoalRevisedData;
  goalHeld: GoalHeldData;
  goalResumed: GoalResumedData;
  goalCancelled: GoalCancelledData;
  goalRejected: GoalRejectedData;
  goalOutcomeRecorded: GoalOutcomeRecordedData;
}

const OPEN = OPEN_GOAL_STATUSES;

/** The goal lifecycle (DESIGN.md §4). */
export const goalMachine = defineMachine<GoalStatus, GoalCommand, GoalContext>({
  id: 'goal',
  states: [...GOAL_STATUSES],
  final: TERMINAL_GOAL_STATUSES,
  transitions: {
    proposeGoal: { from: [null], to: 'proposed', guards: [datesInOrder] },
    agreeGoal: {
      from: ['proposed'],
      to: { oneOf: ['agreed', 'active'], pick: (_c, x) => (planRunning(x.state) ? 'active' : 'agreed') },
      guards: [
        {
          name: 'agreedByClient',
          check: (c, { state }) =>
            c.agreedBy.some((person) => speaksForClient(state, person)) || say.agreedByClient({ clientId: state.clientId }),
        },
        { name: 'smart', check: (_c, { state, env, goal }) => (goal ? (smartProblem(goal, state, env.at) ?? true) : true) },
      ],
    },
    reviseGoal: { from: OPEN, to: 'superseded', guards: [datesInOrder] },
    holdGoal: { from: ['active'], to: 'on-hold' },
    resumeGoal: { from: ['on-hold'], to: 'active' },
    cancelGoal: { from: OPEN, to: 'cancelled' },
    rejectGoal: { from: ['proposed'], to: 'rejected' },
    recordGoalOutcome: { from: ['active', 'on-hold'], to: { oneOf: ['achieved', 'partially-achieved', 'not-achieved'], pick: (c) => c.outcome } },
  },
});

function onGoal<C extends Exclude<GoalCommand, ProposeGoal>>(make: (goal: Goal, command: C, env: Env, state: CaseState, target: GoalStatus) => Decision<Emits>): Decider<C, Emits> {
  return (state, command, env) => {
    const goal = own(state.goals, command.goalId);
    if (goal === undefined) return notFound('goal', command.goalId, state.id, 'goalId');
    const r = stepEntity(goalMachine, goal.status, command, { state, env, goal }, goal.id);
    return 'refusal' in r ? r.refusal : make(goal, command, env, state, r.target);
  };
}



const deciders: Module['deciders'] = {
  proposeGoal: (state, command, env) => {
    const id = command.goalId ?? env.newId();
    if (own(state.goals, id)) return idTaken('goal', id, state.id, 'goalId');
    const r = stepEntity(goalMachine, null, command, { state, env, goal: undefined }, id);
    if ('refusal' in r) return r.refusal;
    return accept({ type: 'goalProposed', data: { goal: goalFields(id, command) } });
  },
  agreeGoal: onGoal<AgreeGoal>((goal, c, _env, _state, target) =>
    accept({ type: 'goalAgreed', data: { goalId: goal.id, agreedBy: c.agreedBy, status: target === 'active' ? 'active' : 'agreed' } }),
  ),
  reviseGoal: onGoal<ReviseGoal>((goal, c, env, state) => {
    const id = c.newGoalId ?? env.newId();
    if (own(state.goals, id)) return idTaken('goal', id, state.id, 'newGoalId');
    const { type: _t, goalId: _g, newGoalId: _n, reason, ...changes } = c;
    const merged = Object.assign({}, goal, defined(changes)) as Goal;
    // The plan keeps its strategies: those still open move from the old goal to the new one.
    const movedStrategyIds = Object.values(state.strategies)
      .filter((s) => s.goalIds.includes(goal.id) && s.status !== 'completed' && s.status !== 'discontinued')
      .map((s) => s.id);
    return accept({ type: 'goalRevised', data: { goalId: goal.id, goal: goalFields(id, merged), movedStrategyIds }, reason });
  }),
  holdGoal: onGoal<HoldGoal>((goal, c) => accept({ type: 'goalHeld', data: { goalId: goal.id }, reason: c.reason })),
  resumeGoal: onGoal<ResumeGoal>((goal) => accept({ type: 'goalResumed', data: { goalId: goal.id } })),
  cancelGoal: onGoal<CancelGoal>((goal, c) => accept({ type: 'goalCancelled', data: { goalId: goal.id }, reason: c.reason })),
  rejectGoal: onGoal<RejectGoal>((goal, c) => (c.reason === undefined ? accept({ type: 'goalRejected', data: { goalId: goal.id } }) : accept({ type: 'goalRejected', data: { goalId: goal.id }, reason: c.reason }))),
  recordGoalOutcome: onGoal<RecordGoalOutcome>((goal, c) =>
    accept({ type: 'goalOutcomeRecorded', data: c.evidence === undefined ? { goalId: goal.id, outcome: c.outcome } : { goalId: goal.id, outcome: c.outcome, evidence: c.evidence } }),
  ),
};

// The status a new goal starts in (a revision's successor too): the goal table's target for proposeGoal.
const PROPOSED = goalMachine.transitions.proposeGoal?.to as 'proposed';


/** Moves a goal to a status, keeping the reason given. */
function setStatus(d: Draft, e: { readonly data: { readonly goalId: string }; readonly reason?: string }, status: GoalStatus): void {
  const g = editEntry(d, 'goals', e.data.goalId);
  if (!g) return;
  g.status = status;
  if (e.reason !== undefined) g.statusReason = e.reason;
}

const evolvers: Module['evolvers'] = {
  goalProposed: (d, e) => {
    put(d, 'goals', e.data.goal.id, newGoal(e.data.goal, e.at, null, PROPOSED));
    refreshAchievement(d, e.data.goal.id);
  },
  goalAgreed: (d, e) => {
    const g = editEntry(d, 'goals', e.data.goalId);
    if (!g) return;
    g.status = e.data.status;
    g.agreedBy = [...e.data.agreedBy];
  },
  goalRevised: (d, e) => {
    const old = editEntry(d, 'goals', e.data.goalId);
    if (old) {
      old.status = 'superseded';
      old.supersededBy = e.data.goal.id;
      if (e.reason !== undefined) old.statusReason = e.reason;
    }
    put(d, 'goals', e.data.goal.id, newGoal(e.data.goal, e.at, e.data.goalId, PROPOSED));
    for (const id of e.data.movedStrategyIds ?? []) {
      const s = editEntry(d, 'strategies', id);
      if (s !== undefined) s.goalIds = s.goalIds.map((g) => (g === e.data.goalId ? e.data.goal.id : g));
    }
    refreshAchievement(d, e.data.goal.id);
  },
  goalHeld: (d, e) => setStatus(d, e, 'on-hold'),
  goalResumed: (d, e) => {
    const g = editEntry(d, 'goals', e.data.goalId);
    if (g) g.status = 'active';
  },
  goalCancelled: (d, e) => setStatus(d, e, 'cancelled'),
  goalRejected: (d, e) => setStatus(d, e, 'rejected'),
  goalOutcomeRecorded: (d, e) => {
    const g = editEntry(d, 'goals', e.data.goalId);
    if (!g) return;
    g.status = e.data.outcome;
    g.outcome = { status: e.data.outcome, at: e.at, evidence: e.data.evidence ?? null };
    if (e.data.outcome === 'achieved') g.achievement = 'achieved';
    if (e.data.outcome === 'not-achieved') g.achievement = 'not-achieved';
  },
};

const GOAL_FIELDS = ['description', 'addressesNeedIds', 'measure', 'startDate', 'targetDate', 'gas'];
const byGoal = (type: string) => (e: { readonly data?: unknown; readonly reason?: string }) => ({ type, goalId: dataOf(e).goalId, reason: e.reason });
/** For each goal event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const goalCommandOf: CommandOfMap<GoalEvents> = {
  goalProposed: (e) => {
    const g = nested(dataOf(e), 'goal');
    return clean({ type: 'proposeGoal', goalId: g.id, ...pick(g, ...GOAL_FIELDS) });
  },
  goalAgreed: (e) => ({ type: 'agreeGoal', goalId: dataOf(e).goalId, agreedBy: dataOf(e).agreedBy }),
  goalRevised: (e) => {
    const g = nested(dataOf(e), 'goal');
    return clean({ type: 'reviseGoal', goalId: dataOf(e).goalId, newGoalId: g.id, reason: e.reason, ...pick(g, ...GOAL_FIELDS) });
  },
  goalHeld: byGoal('holdGoal'),
  goalResumed: (e) => ({ type: 'resumeGoal', goalId: dataOf(e).goalId }),
  goalCancelled: byGoal('cancelGoal'),
  goalRejected: (e) => clean(byGoal('rejectGoal')(e)),
  goalOutcomeRecorded: (e) => {
    const d = dataOf(e);
    return clean({ type: 'recordGoalOutcome', goalId: d.goalId, outcome: d.outcome, evidence: d.evidence });
  },
};

/** SMART goals: proposed, agreed with the client, worked on, and ended with an outcome. */
export const goal = defineEntity<GoalCommand, GoalEvents>()({
  name: 'goal',
  machine: goalMachine,
  statuses: (state) => statusesOf(Object.values(state.goals)),
  commands: {
    proposeGoal: { schema: proposeGoalSchema, roles: [...CLINICAL_ROLES, 'client'], case: { from: PLANNING_ON } },
    agreeGoal: { schema: agreeGoalSchema, roles: [...CLINICAL_ROLES, 'client'], case: { from: PLANNING_ON } },
    reviseGoal: { schema: reviseGoalSchema, roles: CLINICAL_ROLES, case: { from: PLANNING_ON } },
    holdGoal: { schema: holdGoalSchema, roles: CLINICAL_ROLES, case: { from: PLANNING_ON } },
    resumeGoal: { schema: resumeGoalSchema, roles: CLINICAL_ROLES, case: { from: PLANNING_ON } },
    cancelGoal: { schema: cancelGoalSchema, roles: CLINICAL_ROLES, case: { from: PLANNING_ON } },
    rejectGoal: { schema: rejectGoalSchema, roles: [...CLINICAL_ROLES, 'client'], case: { from: PLANNING_ON } },
    recordGoalOutcome: { schema: recordGoalOutcomeSchema, roles: CLINICAL_ROLES, case: { from: DELIVERING } },
  },
  deciders,
  evolvers,
});
