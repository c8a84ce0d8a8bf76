/**
 * What a simulated assessment finds (the needs a client has, the risk screen), the Goal Attainment
 * Scale written for a goal, with the level a final score attains on it, and the risk review a
 * clinician records when a score implies a risk item.
 */
import type { RISK_LEVELS } from '../case/model/assessment.js';
import { getInstrument } from '../measures/instruments/registry.js';
import { impliedAbove } from '../measures/instruments/implied.js';
import type { Random } from './random.js';
import type { Scenario } from './scenario.js';

/** A need a client was found to have, as `recordNeed` takes it. */
export interface FoundNeed {
  readonly domain: Scenario['assessment']['needs'][number]['domain'];
  readonly description: string;
  readonly severity: number;
  readonly priority: number;
}

/**
 * The needs an assessment finds: each of the scenario's with its share of clients, and the first
 * one when none was drawn (every assessment finds something to address). A need every client has
 * (share 1) costs no draw.
 */
export function drawNeeds(scenario: Scenario, rnd: Random): FoundNeed[] {
  const all = scenario.assessment.needs;
  const found = all.filter((n) => n.share >= 1 || (n.share > 0 && rnd.chance(n.share)));
  return (found.length > 0 ? found : all.slice(0, 1)).map(({ domain, description, severity, priority }) => ({ domain, description, severity, priority }));
}

/** The risk screen's level: one of the scenario's weights (no draw when only one level is possible). */
export function drawRiskScreen(scenario: Scenario, rnd: Random): (typeof RISK_LEVELS)[number] {
  const weights = scenario.assessment.riskScreen as Record<(typeof RISK_LEVELS)[number], number>;
  const possible = (Object.keys(weights) as (typeof RISK_LEVELS)[number][]).filter((k) => weights[k] > 0);
  return possible.length === 1 ? (possible[0] as (typeof RISK_LEVELS)[number]) : rnd.pick(weights);
}

/** A goal's attainment scale: the text of each level, and the level a score attains. */
export interface GasScale {
  readonly levels: { readonly '-2': string; readonly '-1': string; readonly '0': string; readonly '1': string; readonly '2': string };
  levelOf(score: number): -2 | -1 | 0 | 1 | 2;
}

/**
 * The attainment scale of a "bring the score down to `target`" goal, written before treatment as GAS
 * asks: −2 no better than at assessment, −1 better but short of the target, 0 the target (down to
 * a band below it as wide as half the way from baseline to target), +1 and +2 the next such bands.
 * A band that falls below the instrument's floor says so (no score can attain it).
 */
export function gasScale(name: string, baseline: number, target: number, floor: number): GasScale {
  const band = Math.max(1, Math.ceil((baseline - target) / 2));
  const range = (low: number, high: number): string => {
    const lo = Math.max(floor, low);
    if (high < lo) return `${name} below ${floor}: not reachable from this baseline`;
    return lo === high ? `${name} ${lo}` : low <= floor ? `${name} ${high} or less` : `${name} ${lo} to ${high}`;
  };
  return {
    levels: {
      '-2': `${name} ${baseline} or more: no better than at assessment`,
      '-1': baseline - 1 > target ? `${range(target + 1, baseline - 1)}: better, short of the target` : `no ${name} score lies between the target ${target} and the baseline ${baseline}`,
      '0': `${range(target - band + 1, target)}: the target`,
      '1': `${range(target - 2 * band + 1, target - band)}: better than the target`,
      '2': `${range(floor, target - 2 * band)}: much better than the target`,
    },
    levelOf: (score) => (score >= baseline ? -2 : score > target ? -1 : score > target - band ? 0 : score > target - 2 * band ? 1 : 2),
  };
}

/**
 * The risk review a clinician records on a score entered without its items that a risk item must be
 * part of (a PHQ-9 of 25 or more raises the urgent alert): asked directly, the client reports
 * passive thoughts without a plan. Null when the score implies nothing.
 */
export function riskReviewFor(instrumentId: string, score: number): { readonly type: 'recordRiskLevel'; readonly level: 'moderate'; readonly factors: readonly string[] } | null {
  const instrument = getInstrument(instrumentId);
  const implied = instrument?.riskItems.some((r) => score > impliedAbove(instrument, r)) ?? false;
  return implied ? { type: 'recordRiskLevel', level: 'moderate', factors: [`${instrumentId} total of ${score}: asked directly, passive thoughts, no plan`] } : null;
}
