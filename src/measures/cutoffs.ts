import { BETTER_IS, directionOf, type BetterIs } from './direction.js';
import { InputCheck } from './input.js';
import type { ScoreStats } from './reliable-change.js';

/** The three Jacobson–Truax cut-offs; `b` and `c` need the functional population. */
export interface Cutoffs {
  /** Two SDs beyond the clinical mean, in the better direction. */
  readonly a: number;
  /** Two functional SDs short of the functional mean (absent without a functional population). */
  readonly b?: number;
  /** The SD-weighted midpoint of the two populations (absent without a functional population). */
  readonly c?: number;
}

/** A population for cut-offs: mean and SD, and for the "true" cut-offs its reliability. */
export interface PopulationStats extends ScoreStats {
  readonly reliability?: number;
}

/** Input of {@link clinicalCutoffs} and {@link trueCutoffs}. */
export interface CutoffInput {
  readonly betterIs: BetterIs;
  /** The clinical (dysfunctional) population, often the cohort's pre scores. */
  readonly clinical: PopulationStats;
  /** The functional (non-clinical) population, from published norms. */
  readonly functional?: PopulationStats;
}

/** A cut-off type. */
export type CutoffType = 'a' | 'b' | 'c';

function checkPopulation(check: InputCheck, path: string, p: PopulationStats | undefined, needsReliability: boolean): void {
  if (p === undefined || !check.object([path], p)) return;
  check.finite([path, 'mean'], p.mean);
  check.positive([path, 'sd'], p.sd);
  if (needsReliability) check.openUnit([path, 'reliability'], p.reliability);
}

function checkInput(check: InputCheck, input: CutoffInput, needsReliability: boolean): void {
  if (!check.object([], input)) return;
  check.oneOf(['betterIs'], input.betterIs, BETTER_IS);
  if (input.clinical === undefined) check.add(['clinical'], 'missing', 'the clinical population (mean and SD) is needed');
  checkPopulation(check, 'clinical', input.clinical, needsReliability);
  checkPopulation(check, 'functional', input.functional, needsReliability);
}

/** Every cut-off type. */
export const CUTOFF_TYPES: readonly CutoffType[] = ['a', 'b', 'c'];

function cutoffsFrom(betterIs: BetterIs, m1: number, s1: number, functional: { mean: number; sd: number } | undefined): Cutoffs {
  const dir = directionOf(betterIs);
  const a = m1 + dir * 2 * s1;
  if (functional === undefined) return { a };
  const { mean: m0, sd: s0 } = functional;
  // b uses the functional SD, as Jacobson & Truax (1991) define it. (The R package
  // clinicalsignificance uses the clinical SD here; we do not follow it.)
  const b = m0 - dir * 2 * s0;
  // c weighs each mean by the other population's SD.
  const c = (s0 * m1 + s1 * m0) / (s0 + s1);
  return { a, b, c };
}

/**
 * Jacobson & Truax (1991) clinical cut-offs, mirrored where lower scores are better:
 * a = M₁ + 2s₁ (beyond the clinical range), b = M₀ − 2s₀ (inside the functional range, with the
 * functional SD), c = (s₀M₁ + s₁M₀)/(s₀ + s₁).
 *
 * @throws {LifecycleError} `INVALID_INPUT` for non-finite means or non-positive SDs.
 * @example
 * ```ts
 * clinicalCutoffs({ betterIs: 'higher', clinical: { mean: 40, sd: 7.5 }, functional: { mean: 60, sd: 7.5 } });
 * // { a: 55, b: 45, c: 50 }
 * ```
 */
export function clinicalCutoffs(input: CutoffInput): Cutoffs {
  const check = new InputCheck('Clinical cut-offs');
  checkInput(check, input, false);
  check.done();
  return cutoffsFrom(input.betterIs, input.clinical.mean, input.clinical.sd, input.functional);
}

/**
 * Hageman & Arrindell (1999) "true" cut-offs: the same formulas with s·√r in place of each SD.
 *
 * @throws {LifecycleError} `INVALID_INPUT` when a reliability is missing or outside (0, 1).
 * @example
 * ```ts
 * trueCutoffs({
 *   betterIs: 'lower',
 *   clinical: { mean: 68.35, sd: 22.33, reliability: 0.93 },
 *   functional: { mean: 50, sd: 22, reliability: 0.93 },
 * }).c; // 59.1067…
 * ```
 */
export function trueCutoffs(input: CutoffInput): Cutoffs {
  const check = new InputCheck('True cut-offs');
  checkInput(check, input, true);
  check.done();
  const { clinical, functional } = input;
  const s1 = clinical.sd * Math.sqrt(clinical.reliability ?? 1);
  const f = functional === undefined ? undefined : { mean: functional.mean, sd: functional.sd * Math.sqrt(functional.reliability ?? 1) };
  return cutoffsFrom(input.betterIs, clinical.mean, s1, f);
}
