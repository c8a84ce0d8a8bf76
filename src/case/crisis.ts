import { ruleMessages as say } from './model/messages.js';
import type { RiskLevelRecordedData, SafetyPlanRecordedData } from './model/crisis.js';
import { OPEN_CASE_STATUSES } from './model/case.js';
import { CLINICAL_ROLES, idSchema, labelSchema } from './model/primitives.js';
import { dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, type EntityModule, type CommandOfMap } from './rules/entity.js';
import type { RiskLevel } from './model/crisis.js';
import { crisisCopier } from './store/copies.js';
import { append, writable } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import type { Env } from './model/context.js';
import { accept, idTaken, stepEntity } from './rules/decision.js';
import { byId } from './store/lookup.js';
import type { CaseState } from './model/state.js';
import { RISK_LEVELS } from './model/assessment.js';

const RANK: Readonly<Record<RiskLevel, number>> = { none: 0, low: 1, moderate: 2, high: 3, imminent: 4 };

const items = z.array(labelSchema).max(50);

export const recordRiskLevelSchema = z.object({ type: z.literal('recordRiskLevel'), level: z.enum(RISK_LEVELS), factors: items.optional() }).strict();
export const recordSafetyPlanSchema = z
  .object({
    type: z.literal('recordSafetyPlan'),
    safetyPlanId: idSchema.optional(),
    warningSigns: items.min(1),
    copingStrategies: items.min(1),
    socialContacts: items,
    professionalContacts: items.min(1),
    meansSafety: items,
  })
  .strict();
export const resolveCrisisSchema = z.object({ type: z.literal('resolveCrisis') }).strict();

/** Records a risk level; high or imminent opens a crisis. */
export interface RecordRiskLevel {
  type: 'recordRiskLevel';
  level: 'none' | 'low' | 'moderate' | 'high' | 'imminent';
  factors?: string[] | undefined;
}
/** Records a Stanley–Brown safety plan; it attaches to an open crisis. */
export interface RecordSafetyPlan {
  type: 'recordSafetyPlan';
  warningSigns: string[];
  copingStrategies: string[];
  socialContacts: string[];
  professionalContacts: string[];
  meansSafety: string[];
  safetyPlanId?: string | undefined;
}
/** Resolves the open crisis. */
export interface ResolveCrisis {
  type: 'resolveCrisis';
}

/** Events of the crisis overlay. */
export interface CrisisEvents {
  riskLevelRecorded: RiskLevelRecordedData;
  safetyPlanRecorded: SafetyPlanRecordedData;
  crisisResolved: Record<string, never>;
}

/** Whether a level opens a crisis. */
export function opensCrisis(level: RiskLevel): boolean {
  return RANK[level] >= RANK.high;
}

/** Commands of the crisis overlay. */
export type CrisisCommand = RecordRiskLevel | RecordSafetyPlan | ResolveCrisis;
type Module = EntityModule<CrisisCommand, CrisisEvents>;
type CrisisStatus = 'calm' | 'crisis';

/** The crisis overlay as a machine: calm ⇄ crisis. */
export const crisisMachine = defineMachine<CrisisStatus, CrisisCommand, { state: CaseState; env: Env }>({
  id: 'crisis',
  states: ['calm', 'crisis'],
  final: [],
  transitions: {
    recordRiskLevel: { from: ['calm', 'crisis'], to: { oneOf: ['calm', 'crisis'], pick: (c, _x, from) => (from === 'crisis' || opensCrisis(c.level) ? 'crisis' : 'calm') } },
    recordSafetyPlan: { from: ['calm', 'crisis'] },
    resolveCrisis: {
      from: ['crisis'],
      to: 'calm',
      guards: [
        {
          name: 'riskLoweredSinceCrisis',
          check: (_c, { state }) => {
            // The latest level recorded decides, not any since the crisis opened: low, then imminent
            // again, is a crisis still. (The entry that opened it is high or imminent, so a latest
            // entry of moderate or lower was recorded after it.)
            const latest = state.riskHistory[state.riskHistory.length - 1];
            return (latest !== undefined && RANK[latest.level] <= RANK.moderate) || say.riskLoweredSinceCrisis({ latest: latest?.level ?? null });
          },
        },
      ],
    },
  },
});

const statusOf = (state: CaseState): CrisisStatus => (state.crisis === null ? 'calm' : 'crisis');

const deciders: Module['deciders'] = {
  recordRiskLevel: (state, c, env) => {
    const r = stepEntity(crisisMachine, statusOf(state), c, { state, env }, state.id);
    if ('refusal' in r) return r.refusal;
    return accept({ type: 'riskLevelRecorded', data: { level: c.level, factors: c.factors ?? [], opensCrisis: state.crisis === null && opensCrisis(c.level) } });
  },
  recordSafetyPlan: (state, c, env) => {
    const id = c.safetyPlanId ?? env.newId();
    if (byId(state.safetyPlans, id)) return idTaken('safety plan', id, state.id, 'safetyPlanId');
    const r = stepEntity(crisisMachine, statusOf(state), c, { state, env }, state.id);
    if ('refusal' in r) return r.refusal;
    const { type: _t, safetyPlanId: _s, ...lists } = c;
    return accept({ type: 'safetyPlanRecorded', data: { plan: { id, ...lists }, attachesToCrisis: state.crisis !== null } });
  },
  resolveCrisis: (state, c, env) => {
    const r = stepEntity(crisisMachine, statusOf(state), c, { state, env }, state.id);
    return 'refusal' in r ? r.refusal : accept({ type: 'crisisResolved', data: {} });
  },
};

const evolvers: Module['evolvers'] = {
  riskLevelRecorded: (d, e) => {
    append(d, 'riskHistory', { level: e.data.level, factors: [...e.data.factors], at: e.at });
    if (e.data.opensCrisis) d.crisis = { since: e.at, level: e.data.level, safetyPlanId: null };
    else if (d.crisis !== null && RANK[e.data.level] > RANK[d.crisis.level]) writable(d, d, 'crisis', crisisCopier).level = e.data.level;
  },
  safetyPlanRecorded: (d, e) => {
    const p = e.data.plan;
    append(d, 'safetyPlans', {
      id: p.id,
      warningSigns: [...p.warningSigns],
      copingStrategies: [...p.copingStrategies],
      socialContacts: [...p.socialContacts],
      professionalContacts: [...p.professionalContacts],
      meansSafety: [...p.meansSafety],
      agreedAt: e.at,
    });
    if (e.data.attachesToCrisis && d.crisis !== null) writable(d, d, 'crisis', crisisCopier).safetyPlanId = p.id;
  },
  crisisResolved: (d) => {
    d.crisis = null;
  },
};

/** For each crisis event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const crisisCommandOf: CommandOfMap<CrisisEvents> = {
  riskLevelRecorded: (e) => ({ type: 'recordRiskLevel', level: dataOf(e).level, factors: dataOf(e).factors }),
  safetyPlanRecorded: (e) => {
    const p = nested(dataOf(e), 'plan');
    return { type: 'recordSafetyPlan', safetyPlanId: p.id, ...pick(p, 'warningSigns', 'copingStrategies', 'socialContacts', 'professionalContacts', 'meansSafety') };
  },
  crisisResolved: () => ({ type: 'resolveCrisis' }),
};

/** The crisis overlay: risk levels, safety plans, and a crisis that opens and resolves over any open status. */
export const crisis = defineEntity<CrisisCommand, CrisisEvents>()({
  name: 'crisis',
  machine: crisisMachine,
  statuses: (state) => new Set([state.crisis === null ? 'calm' : 'crisis']),
  commands: {
    recordRiskLevel: { schema: recordRiskLevelSchema, roles: CLINICAL_ROLES, case: { from: OPEN_CASE_STATUSES } },
    recordSafetyPlan: { schema: recordSafetyPlanSchema, roles: CLINICAL_ROLES, case: { from: OPEN_CASE_STATUSES } },
    resolveCrisis: { schema: resolveCrisisSchema, roles: CLINICAL_ROLES, case: { from: OPEN_CASE_STATUSES } },
  },
  deciders,
  evolvers,
});
