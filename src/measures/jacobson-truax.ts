/**
 * The Jacobson–Truax reliable change of one pair alone: what the engine records in an evaluation.
 * The same arithmetic as `reliableChange` with method `JT` (bit for bit, tested), in a module of its
 * own so that the engine's bundle does not carry the other five methods it never uses.
 */
import { criticalValue, type ChangeCategory } from './reliable-change.js';
import { directionOf } from './direction.js';

/** The index, the minimum reliable change and the category of one pair. */
export interface JacobsonTruax {
  readonly index: number;
  readonly minimumReliableChange: number;
  readonly category: ChangeCategory;
}

/**
 * Jacobson & Truax (1991) for one pre/post pair, with the exact critical value at α = .05: the
 * index (post − pre) / S_diff, S_diff = √(2·SE²), SE = SD·√(1 − reliability). Inputs are the
 * catalogue's, already checked: no validation here (`reliableChange` validates).
 *
 * @example
 * ```ts
 * jacobsonTruax(32.5, 47.5, 'higher', 0.8, 7.5).index; // 3.16227766016838 (√10)
 * ```
 */
export function jacobsonTruax(pre: number, post: number, betterIs: 'lower' | 'higher', reliability: number, sd: number): JacobsonTruax {
  const critical = criticalValue('JT');
  const se = sd * Math.sqrt(1 - reliability);
  const scale = Math.sqrt(2 * se * se);
  const index = (post - pre) / scale;
  const signed = directionOf(betterIs) * index;
  return { index, minimumReliableChange: critical * scale, category: signed > critical ? 'improved' : signed < -critical ? 'deteriorated' : 'unchanged' };
}
