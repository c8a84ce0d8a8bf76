import { ruleMessages as say } from './model/messages.js';
import type { StrategyProposedData, StrategyPlannedData, StrategyStartedData, StrategySuspendedData, StrategyResumedData, StrategyCompletedData, StrategyDiscontinuedData, StrategyReassignedData } from './model/strategy.js';
import { consentGuard, interventionOutcomeGuard, memberGuard, reassignGuards, type StrategyContext } from './rules/strategies.js';
import { OPEN_CASE_STATUSES, PLANNING_ON, type CaseStatus } from './model/case.js';
import { CLINICAL_ROLES, TEAM_MANAGER_ROLES, idSchema, labelSchema, settingSchema, textSchema } from './model/primitives.js';
import { clean, dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { doseSchema, INTERVENTION_OUTCOMES, type Strategy, type StrategyStatus, STRATEGY_STATUSES } from './model/strategy.js';

import { editEntry, put } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import { OPEN_GOAL_STATUSES, type Goal } from './model/goal.js';
import { findModality } from './model/modalities.js';
import { accept, idTaken, notFound, stepEntity, type Decider, type Decision } from './rules/decision.js';
import { own } from './store/lookup.js';

export const proposeStrategySchema = z
  .object({
    type: z.literal('proposeStrategy'),
    strategyId: idSchema.optional(),
    modality: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a modality name in lower case'),
    description: textSchema,
    goalIds: z.array(idSchema).min(1).max(50),
    responsibleMemberId: idSchema,
    setting: settingSchema.optional(),
    dose: doseSchema,
    evidence: z.object({ source: labelSchema, level: labelSchema }).strict().optional(),
  })
  .strict();
const byId = { strategyId: idSchema };
export const planStrategySchema = z.object({ type: z.literal('planStrategy'), ...byId }).strict();
export const startStrategySchema = z.object({ type: z.literal('startStrategy'), ...byId }).strict();
export const suspendStrategySchema = z.object({ type: z.literal('suspendStrategy'), ...byId, reason: textSchema }).strict();
export const resumeStrategySchema = z.object({ type: z.literal('resumeStrategy'), ...byId }).strict();
export const completeStrategySchema = z.object({ type: z.literal('completeStrategy'), ...byId, interventionOutcome: z.enum(INTERVENTION_OUTCOMES).optional() }).strict();
export const discontinueStrategySchema = z.object({ type: z.literal('discontinueStrategy'), ...byId, reason: textSchema }).strict();
export const reassignStrategySchema = z.object({ type: z.literal('reassignStrategy'), ...byId, responsibleMemberId: idSchema, reason: textSchema.optional() }).strict();

/** Proposes an intervention strategy. */
export interface ProposeStrategy {
  type: 'proposeStrategy';
  modality: string;
  description: string;
  goalIds: string[];
  responsibleMemberId: string;
  dose: { plannedSessions: number; frequency: 'once' | 'daily' | 'twice-weekly' | 'weekly' | 'fortnightly' | 'monthly' | 'as-needed'; sessionMinutes?: number | undefined; };
  strategyId?: string | undefined;
  setting?: 'home' | 'clinic' | 'welfare-agency' | 'private-practice' | 'hospital' | 'care-home' | 'prison' | 'school' | 'community' | 'residential' | 'day-programme' | 'online' | undefined;
  evidence?: { source: string; level: string; } | undefined;
}
/** Puts a proposed strategy in the plan. */
export interface PlanStrategy {
  strategyId: string;
  type: 'planStrategy';
}
/** Starts a planned strategy. */
export interface StartStrategy {
  strategyId: string;
  type: 'startStrategy';
}
/** Suspends an active strategy. */
export interface SuspendStrategy {
  reason: string;
  strategyId: string;
  type: 'suspendStrategy';
}
/** Resumes a suspended strategy. */
export interface ResumeStrategy {
  strategyId: string;
  type: 'resumeStrategy';
}
/** Completes a strategy. */
export interface CompleteStrategy {
  strategyId: string;
  type: 'completeStrategy';
  interventionOutcome?: 'declined' | 'accepted' | undefined;
}
/** Discontinues a strategy, with a reason. */
export interface DiscontinueStrategy {
  reason: string;
  strategyId: string;
  type: 'discontinueStrategy';
}
/** Makes another team member responsible for a strategy that has not ended, optionally saying why. */
export interface ReassignStrategy {
  strategyId: string;
  type: 'reassignStrategy';
  responsibleMemberId: string;
  reason?: string | undefined;
}
/** Commands of strategies. */
export type StrategyCommand = ProposeStrategy | PlanStrategy | StartStrategy | SuspendStrategy | ResumeStrategy | CompleteStrategy | DiscontinueStrategy | ReassignStrategy;
type Emits = StrategyEvents;
type Module = EntityModule<StrategyCommand, StrategyEvents>;

/** Events of strategies. */
export interface StrategyEvents {
  strategyProposed: StrategyProposedData;
  strategyPlanned: StrategyPlannedData;
  strategyStarted: StrategyStartedData;
  strategySuspended: StrategySuspendedData;
  strategyResumed: StrategyResumedData;
  strategyCompleted: StrategyCompletedData;
  strategyDiscontinued: StrategyDiscontinuedData;
  strategyReassigned: StrategyReassignedData;
}

/** The strategy lifecycle (DESIGN.md §4). */
export const strategyMachine = defineMachine<StrategyStatus, StrategyCommand, StrategyContext>({
  id: 'strategy',
  states: [...STRATEGY_STATUSES],
  final: ['completed', 'discontinued'],
  transitions: {
    proposeStrategy: {
      from: [null],
      to: 'proposed',
      guards: [
        {
          name: 'knownModality',
          check: (c, { env }) => findModality(c.modality, env.policy.modalities) !== undefined || say.knownModality({ modality: c.modality }),
        },
        {
          name: 'openGoals',
          check: (c, { state }) => {
            // A goal that does not exist is NOT_FOUND (as everywhere); one that has ended is a guard.
            const missing = c.goalIds.filter((id) => own(state.goals, id) === undefined);
            if (missing.length > 0) return { code: 'NOT_FOUND', message: say.goalsExist({ goalIds: missing, caseId: state.id }) };
            const closed = c.goalIds.filter((id) => !OPEN_GOAL_STATUSES.includes((own(state.goals, id) as Goal).status));
            return closed.length === 0 || say.openGoals({ goalIds: closed });
          },
        },
        {
          name: 'memberOnTeam',
          check: (c, { state }) => {
            const member = own(state.team, c.responsibleMemberId);
            if (member === undefined) return { code: 'NOT_FOUND', message: say.memberExists({ memberId: c.responsibleMemberId, caseId: state.id }) };
            return member.status === 'active' || say.memberOnTeam({ memberId: c.responsibleMemberId });
          },
        },
      ],
    },
    planStrategy: { from: ['proposed'], to: 'planned' },
    startStrategy: { from: ['planned'], to: 'active', guards: [memberGuard, consentGuard] },
    suspendStrategy: { from: ['active'], to: 'suspended' },
    resumeStrategy: { from: ['suspended'], to: 'active', guards: [memberGuard, consentGuard] },
    completeStrategy: { from: ['active', 'suspended'], to: 'completed', guards: [interventionOutcomeGuard] },
    discontinueStrategy: { from: ['proposed', 'planned', 'active', 'suspended'], to: 'discontinued' },
    // Responsibility moves (a therapist leaves, a case is handed over); the status stays.
    reassignStrategy: { from: ['proposed', 'planned', 'active', 'suspended'], guards: reassignGuards },
  },
});

function onStrategy<C extends Exclude<StrategyCommand, ProposeStrategy>>(make: (s: Strategy, c: C) => Decision<Emits>): Decider<C, Emits> {
  return (state, command, env) => {
    const strategy = own(state.strategies, command.strategyId);
    if (strategy === undefined) return notFound('strategy', command.strategyId, state.id, 'strategyId');
    const r = stepEntity(strategyMachine, strategy.status, command, { state, env, strategy }, strategy.id);
    return 'refusal' in r ? r.refusal : make(strategy, command);
  };
}

const deciders: Module['deciders'] = {
  proposeStrategy: (state, c, env) => {
    const id = c.strategyId ?? env.newId();
    if (own(state.strategies, id)) return idTaken('strategy', id, state.id, 'strategyId');
    const r = stepEntity(strategyMachine, null, c, { state, env, strategy: undefined }, id);
    if ('refusal' in r) return r.refusal;
    const strategy = {
      id,
      modality: c.modality,
      description: c.description,
      goalIds: c.goalIds,
      responsibleMemberId: c.responsibleMemberId,
      setting: c.setting ?? state.setting,
      dose: c.dose,
      evidence: c.evidence ?? null,
    };
    return accept({ type: 'strategyProposed', data: { strategy } });
  },
  planStrategy: onStrategy<PlanStrategy>((s) => accept({ type: 'strategyPlanned', data: { strategyId: s.id } })),
  startStrategy: onStrategy<StartStrategy>((s) => accept({ type: 'strategyStarted', data: { strategyId: s.id } })),
  suspendStrategy: onStrategy<SuspendStrategy>((s, c) => accept({ type: 'strategySuspended', data: { strategyId: s.id }, reason: c.reason })),
  resumeStrategy: onStrategy<ResumeStrategy>((s) => accept({ type: 'strategyResumed', data: { strategyId: s.id } })),
  completeStrategy: onStrategy<CompleteStrategy>((s, c) =>
    accept({ type: 'strategyCompleted', data: c.interventionOutcome === undefined ? { strategyId: s.id } : { strategyId: s.id, interventionOutcome: c.interventionOutcome } }),
  ),
  discontinueStrategy: onStrategy<DiscontinueStrategy>((s, c) => accept({ type: 'strategyDiscontinued', data: { strategyId: s.id }, reason: c.reason })),
  reassignStrategy: onStrategy<ReassignStrategy>((s, c) => {
    const data = { strategyId: s.id, responsibleMemberId: c.responsibleMemberId, previousMemberId: s.responsibleMemberId };
    return c.reason === undefined ? accept({ type: 'strategyReassigned', data }) : accept({ type: 'strategyReassigned', data, reason: c.reason });
  }),
};

const evolvers: Module['evolvers'] = {
  strategyProposed: (d, e) => {
    const s = e.data.strategy;
    put(d, 'strategies', s.id, {
      id: s.id,
      status: 'proposed',
      modality: s.modality,
      description: s.description,
      goalIds: [...s.goalIds],
      responsibleMemberId: s.responsibleMemberId,
      setting: s.setting,
      dose: { ...s.dose },
      evidence: s.evidence === null ? null : { ...s.evidence },
      startedAt: null,
      endedAt: null,
      statusReason: null,
      suspendedByConsentId: null,
      interventionOutcome: null,
    });
  },
  strategyPlanned: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (s) s.status = 'planned';
  },
  strategyStarted: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (!s) return;
    s.status = 'active';
    s.startedAt = e.at;
  },
  strategySuspended: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (!s) return;
    s.status = 'suspended';
    if (e.reason !== undefined) s.statusReason = e.reason;
    if (e.data.consentId !== undefined) s.suspendedByConsentId = e.data.consentId;
  },
  strategyResumed: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (!s) return;
    s.status = 'active';
    s.statusReason = null;
    s.suspendedByConsentId = null;
  },
  strategyCompleted: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (!s) return;
    s.status = 'completed';
    s.endedAt = e.at;
    if (e.data.interventionOutcome !== undefined) s.interventionOutcome = e.data.interventionOutcome;
  },
  strategyDiscontinued: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (!s) return;
    s.status = 'discontinued';
    s.endedAt = e.at;
    if (e.reason !== undefined) s.statusReason = e.reason;
  },
  strategyReassigned: (d, e) => {
    const s = editEntry(d, 'strategies', e.data.strategyId);
    if (s) s.responsibleMemberId = e.data.responsibleMemberId;
  },
};

// The inverse of a command naming only the strategy (and, for some, a reason).
const byStrategy = (type: string, withReason = false) => (e: { readonly data?: unknown; readonly reason?: string }) =>
  withReason ? { type, strategyId: dataOf(e).strategyId, reason: e.reason } : { type, strategyId: dataOf(e).strategyId };
/** For each strategy event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const strategyCommandOf: CommandOfMap<StrategyEvents> = {
  strategyProposed: (e) => {
    const s = nested(dataOf(e), 'strategy');
    return clean({ type: 'proposeStrategy', strategyId: s.id, ...pick(s, 'modality', 'description', 'goalIds', 'responsibleMemberId', 'setting', 'dose', 'evidence') });
  },
  strategyPlanned: byStrategy('planStrategy'),
  strategyStarted: byStrategy('startStrategy'),
  strategySuspended: byStrategy('suspendStrategy', true),
  strategyResumed: byStrategy('resumeStrategy'),
  strategyCompleted: (e) => clean({ type: 'completeStrategy', strategyId: dataOf(e).strategyId, interventionOutcome: dataOf(e).interventionOutcome }),
  strategyDiscontinued: byStrategy('discontinueStrategy', true),
  strategyReassigned: (e) => clean({ type: 'reassignStrategy', strategyId: dataOf(e).strategyId, responsibleMemberId: dataOf(e).responsibleMemberId, reason: e.reason }),
};

const at = (from: readonly CaseStatus[]) => ({ from });
/** Intervention strategies: a modality delivered by a team member toward goals. */
export const strategy = defineEntity<StrategyCommand, StrategyEvents>()({
  name: 'strategy',
  machine: strategyMachine,
  statuses: (state) => statusesOf(Object.values(state.strategies)),
  commands: {
    proposeStrategy: { schema: proposeStrategySchema, roles: CLINICAL_ROLES, case: at(PLANNING_ON) },
    planStrategy: { schema: planStrategySchema, roles: CLINICAL_ROLES, case: at(PLANNING_ON) },
    startStrategy: { schema: startStrategySchema, roles: CLINICAL_ROLES, case: at(['active']) },
    suspendStrategy: { schema: suspendStrategySchema, roles: CLINICAL_ROLES, case: at(PLANNING_ON) },
    resumeStrategy: { schema: resumeStrategySchema, roles: CLINICAL_ROLES, case: at(['active']) },
    completeStrategy: { schema: completeStrategySchema, roles: CLINICAL_ROLES, case: at(PLANNING_ON) },
    discontinueStrategy: { schema: discontinueStrategySchema, roles: CLINICAL_ROLES, case: at(PLANNING_ON) },
    // Like the team itself (removeTeamMember, assignLead), and in any open status: a member may leave while the case is on hold.
    reassignStrategy: { schema: reassignStrategySchema, roles: TEAM_MANAGER_ROLES, case: at(OPEN_CASE_STATUSES) },
  },
  deciders,
  evolvers,
});
