import { ruleMessages as say } from '../model/messages.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { findNeed } from './assessments.js';
import type { GoalFields } from '../model/goal.js';
import type { CaseState } from '../model/state.js';

/** One letter of SMART and whether the goal meets it. */
export interface SmartFinding {
  readonly letter: 'S' | 'M' | 'A' | 'R' | 'T';
  readonly criterion: 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time-bound';
  readonly ok: boolean;
  /** Why it fails, or what it checked. */
  readonly message: string;
}

/**
 * Checks a goal against SMART (DESIGN.md §6), one finding per letter: Specific (a description of at
 * least 10 characters that addresses a need), Measurable (baseline, target and direction; instrument
 * values inside the instrument's range), Achievable (the target lies from the baseline in the stated
 * direction), Relevant (every linked need belongs to this case), Time-bound (the target date follows
 * the start date and, given `asOf`, is still ahead).
 *
 * @example
 * ```ts
 * const findings = checkSmart(goal, state);
 * findings.filter((f) => !f.ok).map((f) => f.message); // [] when the goal is SMART
 * ```
 */
export function checkSmart(goal: GoalFields, state: CaseState, asOf?: string): SmartFinding[] {
  const m = goal.measure;
  const specific = goal.description.trim().length >= 10 && goal.addressesNeedIds.length > 0;
  let measurable = m.kind === 'indicator' ? (m.indicator ?? '').trim() !== '' : m.instrumentId !== undefined;
  let measurableWhy = 'a measure with baseline, target and direction';
  if (m.kind === 'instrument') {
    const instrument = m.instrumentId === undefined ? undefined : getInstrument(m.instrumentId);
    if (instrument === undefined) {
      measurable = false;
      measurableWhy = `unknown instrument ${m.instrumentId ?? '(none)'}`;
    } else if ([m.baseline, m.target].some((v) => v < instrument.range.min || v > instrument.range.max)) {
      measurable = false;
      measurableWhy = `baseline and target must lie in ${instrument.id}'s range ${instrument.range.min}–${instrument.range.max}`;
    }
  } else if (!measurable) {
    measurableWhy = 'an indicator measure needs the indicator named';
  }
  const achievable = m.direction === 'decrease' ? m.target < m.baseline : m.target > m.baseline;
  const missingNeeds = goal.addressesNeedIds.filter((id) => findNeed(state, id) === undefined);
  const relevant = goal.addressesNeedIds.length > 0 && missingNeeds.length === 0;
  const ordered = goal.targetDate > goal.startDate;
  const ahead = asOf === undefined || goal.targetDate > asOf.slice(0, 10);
  return [
    {
      letter: 'S',
      criterion: 'specific',
      ok: specific,
      message: specific ? 'described and linked to a need' : 'needs a description of at least 10 characters and a need it addresses',
    },
    { letter: 'M', criterion: 'measurable', ok: measurable, message: measurableWhy },
    {
      letter: 'A',
      criterion: 'achievable',
      ok: achievable,
      message: achievable ? 'target lies in the stated direction' : `target ${m.target} does not ${m.direction} from baseline ${m.baseline}`,
    },
    {
      letter: 'R',
      criterion: 'relevant',
      ok: relevant,
      message: relevant ? 'addresses needs of this case' : missingNeeds.length > 0 ? `needs ${missingNeeds.join(', ')} are not in this case` : 'addresses no need',
    },
    {
      letter: 'T',
      criterion: 'time-bound',
      ok: ordered && ahead,
      message: !ordered ? 'target date must follow the start date' : !ahead ? `target date ${goal.targetDate} has passed` : 'dated',
    },
  ];
}

/** A one-line reason a goal is not SMART, or `undefined` when it is. */
export function smartProblem(goal: GoalFields, state: CaseState, asOf?: string): string | undefined {
  const failed = checkSmart(goal, state, asOf).filter((f) => !f.ok);
  return failed.length === 0 ? undefined : say.smart({ goalId: goal.id, findings: failed.map((f) => `${f.criterion}: ${f.message}`) });
}
