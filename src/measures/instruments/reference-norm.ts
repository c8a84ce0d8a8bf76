import type { Instrument } from './types.js';

/** One of an instrument's published norms. */
export type Norm = NonNullable<Instrument['norms']>[number];

/**
 * The norm an instrument's reliable change is computed against: the clinical population's (one
 * whose name says caseness or clinical) where the catalogue has one, else its first. The engine's
 * evaluations and the simulator's measurement error both take their SD from it, so a simulated score's
 * error is the very standard error the engine's reliable change assumes.
 *
 * @example
 * ```ts
 * referenceNorm(getInstrument('gad7')!)?.sd; // 4.5 (NHS Talking Therapies completers at caseness)
 * ```
 */
export function referenceNorm(instrument: Instrument): Norm | undefined {
  return instrument.norms?.find((n) => /caseness|clinical/i.test(n.population)) ?? instrument.norms?.[0];
}
