import { GOAL_STATUSES, type GoalStatus } from '../../case/model/goal.js';
import { GOAL_ACHIEVEMENT, OWN } from '../codes.js';
import type { FhirGoal } from '../types.js';
import type { InstrumentIndex } from './instruments.js';
import type { IssueLog } from './issues.js';
import { keyOf } from './keys.js';
import type { Resources } from './read.js';
import type { ClientOf } from './subject.js';
import { codings, dateOf, isObject, loincCodes, numberOf, objects, str } from './values.js';

/**
 * A goal read from FHIR, with what R4's Goal holds: status, achievement, description, the measure
 * and target (an instrument by its LOINC code or our id, or an indicator by name), direction from
 * the comparator or range, dates, and the needs it addresses where they carry our need ids.
 *
 * @example
 * ```ts
 * const g: ImportedGoal = {
 *   id: 'g-1', description: 'Reduce depressive symptoms', lifecycleStatus: 'active', status: 'active', achievement: 'improving',
 *   measure: { instrumentId: 'phq9', indicator: null, baseline: 17, target: 9, direction: 'decrease' },
 *   startDate: '2026-01-10', targetDate: '2026-06-30', addressesNeedIds: ['n-mood'], clientId: 'client-7', path: '/entry/4/resource',
 * };
 * ```
 */
export interface ImportedGoal {
  readonly id: string;
  readonly description: string;
  readonly lifecycleStatus: FhirGoal['lifecycleStatus'];
  /** Our own status, where the Goal carries it (our export writes it as an outcome code); else null. */
  readonly status: GoalStatus | null;
  /** R4's achievementStatus code, or null. */
  readonly achievement: string | null;
  readonly measure: {
    readonly instrumentId: string | null;
    readonly indicator: string | null;
    readonly baseline: number | null;
    readonly target: number | null;
    readonly direction: 'decrease' | 'increase' | null;
  } | null;
  readonly startDate: string | null;
  readonly targetDate: string | null;
  readonly addressesNeedIds: readonly string[];
  /** Who the goal is for (its subject), named as the case's client is; null where it names no one. */
  readonly clientId: string | null;
  readonly path: string;
}

const LIFECYCLE = ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected'] as const;

/** Reads each Goal; one without a description or a valid lifecycle status is an issue and left out. */
export function readGoals(resources: Resources, index: InstrumentIndex, log: IssueLog, clientOf: ClientOf): ImportedGoal[] {
  const out: ImportedGoal[] = [];
  for (const f of resources.ofType('Goal')) {
    const g = f.resource;
    const lifecycle = LIFECYCLE.find((s) => s === g.lifecycleStatus);
    if (lifecycle === undefined) {
      log.add(`${f.path}/lifecycleStatus`, 'INVALID_STATUS', `${JSON.stringify(g.lifecycleStatus)} is not an R4 goal lifecycle status`);
      continue;
    }
    const description = isObject(g.description) ? (str(g.description.text) ?? codings(g.description).find((c) => c.display !== undefined)?.display) : undefined;
    if (description === undefined) {
      log.add(`${f.path}/description`, 'NO_DESCRIPTION', 'a goal without a description text');
      continue;
    }
    const ours = codings(objects(g.outcomeCode)[0]).find((c) => c.system === OWN.goalStatus)?.code;
    const achievement = codings(g.achievementStatus).find((c) => c.system === GOAL_ACHIEVEMENT || c.system === undefined)?.code ?? null;
    const targets = objects(g.target);
    const target = targets[0];
    // One measure a goal here: a second target is said, not dropped unseen.
    targets.slice(1).forEach((t, k) => log.add(`${f.path}/target/${k + 1}`, 'TARGET_NOT_READ', `a goal has one measure here: this target${isObject(t.measure) ? ` (${JSON.stringify(loincCodes(t.measure)[0] ?? str(t.measure.text) ?? codings(t.measure)[0]?.code ?? '')})` : ''} is not read; import it as a goal of its own`, 'warning'));
    let measure: ImportedGoal['measure'] = null;
    if (target !== undefined && (target.measure !== undefined || target.detailQuantity !== undefined || target.detailRange !== undefined || target.detailInteger !== undefined)) {
      const instrument = loincCodes(target.measure).map((c) => index.byTotal(c)).find((i) => i !== undefined) ?? index.byOwn(target.measure);
      const indicator = instrument === undefined && isObject(target.measure) ? (str(target.measure.text) ?? null) : null;
      if (instrument === undefined && indicator === null) log.add(`${f.path}/target/0/measure`, 'UNKNOWN_MEASURE', 'the target measures neither a registered instrument nor a named indicator', 'warning');
      const q = isObject(target.detailQuantity) ? target.detailQuantity : undefined;
      const range = isObject(target.detailRange) ? target.detailRange : undefined;
      const low = numberOf(isObject(range?.low) ? range.low.value : undefined);
      const high = numberOf(isObject(range?.high) ? range.high.value : undefined);
      const comparator = str(q?.comparator);
      // A range open at one end, or closed at the instrument's own end (PHQ-9 0 to 4: down to 4), has a direction.
      const scale = instrument?.range;
      const downTo = range !== undefined && high !== undefined && (low === undefined || low === scale?.min);
      const upTo = range !== undefined && low !== undefined && (high === undefined || high === scale?.max);
      const direction = comparator === '<=' || comparator === '<' ? 'decrease' : comparator === '>=' || comparator === '>' ? 'increase' : downTo && !upTo ? 'decrease' : upTo && !downTo ? 'increase' : null;
      const value = numberOf(q?.value) ?? numberOf(target.detailInteger) ?? (direction === 'decrease' ? high : direction === 'increase' ? low : undefined);
      const unread = ['detailString', 'detailCodeableConcept', 'detailBoolean', 'detailRatio'].find((k) => target[k] !== undefined);
      if (unread !== undefined) log.add(`${f.path}/target/0/${unread}`, 'TARGET_NOT_READ', `the target's ${unread} ${JSON.stringify(target[unread])} is not read as a target value`, 'warning');
      const baseline = objects(g.extension).find((e) => e.url === OWN.goalBaselineExtension);
      measure = { instrumentId: instrument?.id ?? null, indicator, baseline: numberOf(baseline?.valueDecimal) ?? null, target: value ?? null, direction };
    }
    out.push({
      id: keyOf(f, 'Goal'),
      description,
      lifecycleStatus: lifecycle,
      status: GOAL_STATUSES.find((s) => s === ours) ?? null,
      achievement,
      measure,
      startDate: dateOf(g.startDate, `${f.path}/startDate`, log) ?? null,
      targetDate: dateOf(target?.dueDate, `${f.path}/target/0/dueDate`, log) ?? null,
      addressesNeedIds: objects(g.addresses)
        .map((a) => (isObject(a.identifier) && a.identifier.system === OWN.need ? str(a.identifier.value) : undefined))
        .filter((id): id is string => id !== undefined),
      clientId: clientOf(f),
      path: f.path,
    });
  }
  return out;
}
