import { InputCheck, describeValue } from './input.js';

/** A Goal Attainment Scaling level: −2 much less than expected … 0 expected … +2 much more. */
export type GasLevel = -2 | -1 | 0 | 1 | 2;

const LEVELS: readonly number[] = [-2, -1, 0, 1, 2];

/**
 * The Goal Attainment Scaling T-score (Kiresuk & Sherman 1968):
 * T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²). Unweighted when `weights` is omitted; ρ, the
 * assumed correlation between goal scales, defaults to 0.3.
 *
 * @throws {LifecycleError} `INVALID_INPUT` for no goals, a level outside −2…+2, weights of another
 *   length or not positive, or ρ outside [0, 1).
 * @example
 * ```ts
 * gasTScore([0, 0, 0]); // 50
 * gasTScore([1]); // 60
 * gasTScore([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6]); // 55
 * ```
 */
export function gasTScore(levels: readonly number[], weights?: readonly number[], rho = 0.3): number {
  const check = new InputCheck('GAS T-score');
  if (!Array.isArray(levels) || levels.length === 0) {
    check.add(['levels'], 'empty', 'at least one goal level is needed');
    check.done();
  }
  levels.forEach((level, i) => {
    if (!LEVELS.includes(level)) check.add(['levels', i], 'out-of-range', `level ${i} must be one of −2, −1, 0, 1, 2, not ${describeValue(level)}`);
  });
  if (weights !== undefined && !Array.isArray(weights)) {
    check.add(['weights'], 'not-an-array', 'weights must be an array of numbers, one per level');
  } else if (weights !== undefined) {
    if (weights.length !== levels.length) {
      check.add(['weights'], 'length-mismatch', `there are ${levels.length} levels but ${weights.length} weights`);
    }
    weights.forEach((w, i) => check.positive(['weights', i], w));
  }
  if (check.finite(['rho'], rho) && !(rho >= 0 && rho < 1)) check.add(['rho'], 'out-of-range', `rho must lie in [0, 1), not ${rho}`);
  check.done();
  // T is the same for weights scaled by any factor, so they are scaled to at most 1: squares of large
  // weights (1e200) would overflow to Infinity and give 50, or NaN, instead of the T-score.
  let largest = 0;
  for (const w of weights ?? []) if (w > largest) largest = w;
  let weighted = 0;
  let sumW = 0;
  let sumW2 = 0;
  levels.forEach((level, i) => {
    const w = weights === undefined ? 1 : (weights[i] as number) / largest;
    weighted += w * level;
    sumW += w;
    sumW2 += w * w;
  });
  return 50 + (10 * weighted) / Math.sqrt((1 - rho) * sumW2 + rho * sumW * sumW);
}
