import type { CaseStatus } from '../../case/model/case.js';
import type { StrategyStatus } from '../../case/model/strategy.js';
import { OWN } from '../codes.js';
import type { FhirCarePlan, FhirCarePlanActivityDetail } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Case status → CarePlan.status: a draft until the plan activates. A closed plan completed or was revoked.
 *
 * @example
 * ```ts
 * CARE_PLAN_STATUS.active; // 'active'
 * ```
 */
export const CARE_PLAN_STATUS: Readonly<Record<CaseStatus, FhirCarePlan['status']>> = {
  referred: 'draft',
  assessing: 'draft',
  planning: 'draft',
  active: 'active',
  reviewing: 'active',
  'on-hold': 'on-hold',
  closed: 'completed',
  'entered-in-error': 'entered-in-error',
};

/**
 * Strategy status → CarePlan.activity.detail.status.
 *
 * @example
 * ```ts
 * ACTIVITY_STATUS.suspended; // 'on-hold'
 * ```
 */
export const ACTIVITY_STATUS: Readonly<Record<StrategyStatus, FhirCarePlanActivityDetail['status']>> = {
  proposed: 'not-started',
  planned: 'scheduled',
  active: 'in-progress',
  suspended: 'on-hold',
  completed: 'completed',
  discontinued: 'stopped',
};

/** The plan's status: a closed case's plan completed when the work did (completed, partially completed), else it was revoked. */
export function carePlanStatus(ctx: ExportContext): FhirCarePlan['status'] {
  const { status, closure } = ctx.state;
  if (status === 'closed' && closure !== null && closure.reason !== 'completed' && closure.reason !== 'partially-completed') return 'revoked';
  return CARE_PLAN_STATUS[status];
}

/** The plan, with one activity per strategy (a detail, never a reference too: cpl-3), or nothing before any goal or strategy. */
export function toCarePlan(ctx: ExportContext): Mapped[] {
  const { state } = ctx;
  const goals = Object.keys(state.goals);
  const strategies = Object.values(state.strategies);
  if (goals.length === 0 && strategies.length === 0) return [];
  const activated = state.statusHistory.find((c) => c.status === 'active');
  const resource: FhirCarePlan = {
    resourceType: 'CarePlan',
      id: fhirId('plan'),
    identifier: ctx.identifier('CarePlan', 'plan'),
    status: carePlanStatus(ctx),
    intent: 'plan',
    subject: ctx.patient,
    ...(activated === undefined ? {} : { period: state.closure === null ? { start: activated.at } : { start: activated.at, end: state.closure.at } }),
    ...(Object.keys(state.team).length === 0 ? {} : { careTeam: [ctx.ref('CareTeam', 'team')] }),
    goal: goals.map((id) => ctx.ref('Goal', id)),
    activity: strategies.map((s) => {
      const performer = ctx.member(s.responsibleMemberId);
      const detail: FhirCarePlanActivityDetail = {
        code: { coding: [{ system: OWN.modality, code: s.modality }], text: s.modality },
        goal: s.goalIds.map((id) => ctx.ref('Goal', id)),
        status: state.status === 'entered-in-error' ? 'entered-in-error' : ACTIVITY_STATUS[s.status],
        ...(s.statusReason === null ? {} : { statusReason: { text: s.statusReason } }),
        ...(s.startedAt === null ? {} : { scheduledPeriod: s.endedAt === null ? { start: s.startedAt } : { start: s.startedAt, end: s.endedAt } }),
        ...(performer === undefined ? {} : { performer: [performer] }),
        description: s.description,
      };
      return { detail };
    }),
  };
  return [{ key: 'plan', resource }];
}
