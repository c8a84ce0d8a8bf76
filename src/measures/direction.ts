/**
 * Which way is better on a scale: `'lower'` (symptom scales such as PHQ-9) or `'higher'` (well-being
 * scales such as WHO-5).
 */
export type BetterIs = 'lower' | 'higher';

/** Both directions, for checking input from JavaScript. */
export const BETTER_IS: readonly BetterIs[] = ['lower', 'higher'];

/** +1 where higher is better, −1 where lower is better: the peer's `direction`. */
export function directionOf(betterIs: BetterIs): 1 | -1 {
  return betterIs === 'higher' ? 1 : -1;
}
