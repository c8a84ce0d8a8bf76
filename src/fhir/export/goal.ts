import type { Goal, GoalMeasure, GoalStatus } from '../../case/model/goal.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { GOAL_ACHIEVEMENT, LOINC, OWN, UCUM } from '../codes.js';
import type { FhirCodeableConcept, FhirGoal, FhirGoalTarget, FhirReference } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Goal status → Goal.lifecycleStatus. R4 has one `completed` for our three outcomes and one
 * `cancelled` for cancelled and superseded goals; the outcome travels as `outcomeCode` and the
 * successor in `statusReason`.
 *
 * @example
 * ```ts
 * GOAL_LIFECYCLE.agreed; // 'accepted'
 * ```
 */
export const GOAL_LIFECYCLE: Readonly<Record<GoalStatus, FhirGoal['lifecycleStatus']>> = {
  proposed: 'proposed',
  agreed: 'accepted',
  active: 'active',
  'on-hold': 'on-hold',
  achieved: 'completed',
  'partially-achieved': 'completed',
  'not-achieved': 'completed',
  cancelled: 'cancelled',
  superseded: 'cancelled',
  rejected: 'rejected',
};

/** What a goal's measure is, as a CodeableConcept: the instrument's LOINC total code where it has one. */
export function measureConcept(measure: GoalMeasure): FhirCodeableConcept {
  if (measure.kind === 'indicator' || measure.instrumentId === undefined) return { text: measure.indicator ?? 'indicator' };
  const instrument = getInstrument(measure.instrumentId);
  const own = { system: OWN.instrument, code: measure.instrumentId };
  const total = instrument?.loinc?.total;
  return {
    coding: total === undefined ? [own] : [{ system: LOINC, code: total }, own],
    text: instrument === undefined ? measure.instrumentId : `${instrument.name} total score`,
  };
}

/** The target: the score to reach, with the direction as a comparator (`<=` to decrease, `>=` to increase). */
function target(goal: Goal): FhirGoalTarget {
  const m = goal.measure;
  const quantity = m.kind === 'instrument' ? { unit: 'score', system: UCUM, code: '{score}' } : {};
  return { measure: measureConcept(m), detailQuantity: { value: m.target, comparator: m.direction === 'decrease' ? '<=' : '>=', ...quantity }, dueDate: goal.targetDate };
}

/** Each goal as a Goal. */
export function toGoals(ctx: ExportContext): Mapped[] {
  const needs = new Map<string, string>();
  for (const a of ctx.state.assessments) for (const n of a.needs) needs.set(n.id, n.description);
  const out: Mapped[] = [];
  for (const goal of Object.values(ctx.state.goals)) {
    const addresses: FhirReference[] = goal.addressesNeedIds.map((id) => ({ identifier: { system: OWN.need, value: id }, ...(needs.has(id) ? { display: needs.get(id) as string } : {}) }));
    const reason = goal.status === 'superseded' && goal.supersededBy !== null ? `superseded by goal ${goal.supersededBy}` : goal.statusReason;
    const resource: FhirGoal = {
      resourceType: 'Goal',
      id: fhirId(goal.id),
      identifier: ctx.identifier('Goal', goal.id),
      extension: [{ url: OWN.goalBaselineExtension, valueDecimal: goal.measure.baseline }],
      lifecycleStatus: ctx.state.status === 'entered-in-error' ? 'entered-in-error' : GOAL_LIFECYCLE[goal.status],
      achievementStatus: { coding: [{ system: GOAL_ACHIEVEMENT, code: goal.achievement }] },
      description: { text: goal.description },
      subject: ctx.patient,
      startDate: goal.startDate,
      target: [target(goal)],
      ...(reason === null ? {} : { statusReason: reason }),
      ...(addresses.length === 0 ? {} : { addresses }),
      outcomeCode: [{ coding: [{ system: OWN.goalStatus, code: goal.status }] }],
    };
    out.push({ key: goal.id, resource });
  }
  return out;
}
