import { type BetterIs, directionOf } from './direction.js';
import { InputCheck, describeValue } from './input.js';
import { upperQuantile } from './normal.js';

/**
 * Reliable change methods: Jacobson–Truax, Gulliksen–Lord–Novick, Hsu–Lin–Lord, Edwards–Nunnally
 * (Speer's form), NK, and Hageman–Arrindell.
 */
export type ChangeMethod = 'JT' | 'GLN' | 'HLL' | 'EN' | 'NK' | 'HA';

/** The three reliable-change outcomes. */
export type ChangeCategory = 'improved' | 'unchanged' | 'deteriorated';

/** Mean and standard deviation of a set of scores. */
export interface ScoreStats {
  readonly mean: number;
  readonly sd: number;
}

/**
 * What a reliable change index needs besides the two scores. Which fields are required depends on the
 * method: JT needs `pre.sd`; GLN and EN need `pre`; HLL needs `pre` and `post.mean`; NK needs `pre`
 * and `reliabilityPost`; HA needs `pre`, `post` and `correlation` (pre–post, r12).
 */
export interface ChangeParameters {
  /** Default `'JT'`. */
  readonly method?: ChangeMethod;
  readonly betterIs: BetterIs;
  /** The instrument's reliability, strictly between 0 and 1. */
  readonly reliability: number;
  /** NK only: the reliability at the post measurement. */
  readonly reliabilityPost?: number;
  /** Mean and SD of the pre scores (the reference sample, usually the cohort's complete pairs). */
  readonly pre: Partial<ScoreStats> & { readonly sd: number };
  /** Mean and SD of the post scores (HLL: mean; HA: both). */
  readonly post?: Partial<ScoreStats>;
  /** HA only: the correlation of pre and post scores. */
  readonly correlation?: number;
  /** Significance level, default 0.05: two-sided for every method but HA, one-sided for HA. */
  readonly alpha?: number;
}

/** The outcome of {@link reliableChange}. */
export interface ReliableChange {
  readonly method: ChangeMethod;
  readonly pre: number;
  readonly post: number;
  /** post − pre, in raw score points. */
  readonly change: number;
  /** The method's index, as the peer reports it (positive means the score went up). */
  readonly index: number;
  /** The critical value the index is compared with (exact normal quantile). */
  readonly critical: number;
  /**
   * The index's denominator: S_diff for JT, the standard error of prediction for GLN and HLL, the
   * standard error of measurement for EN, and their equivalents for NK and HA.
   */
  readonly standardError: number;
  /** The post score this method expects if nothing changed (the pre score itself for JT). */
  readonly expectedPost: number;
  /**
   * How far the post score must move beyond `expectedPost` to be reliable: critical × standardError
   * (for JT, the minimum reliable raw change; for the regression-based methods, measured from the
   * predicted post score).
   */
  readonly minimumReliableChange: number;
  readonly category: ChangeCategory;
}

/**
 * A method's index as a line in the post score: index = (post − center(pre)) / scale.
 * Writing every method this way gives thresholds and expected scores for free.
 */
export interface ChangeModel {
  readonly method: ChangeMethod;
  readonly direction: 1 | -1;
  readonly critical: number;
  readonly scale: number;
  readonly center: (pre: number) => number;
  /** HA: the reliability of difference scores; SE: standard error of measurement. */
  readonly rdd?: number;
  readonly se: number;
}

/**
 * The critical value of a method at significance level `alpha`: two-sided qnorm(1 − α/2) for all but
 * HA, which is one-sided qnorm(1 − α).
 *
 * @example
 * ```ts
 * criticalValue('JT'); // 1.959963984540054
 * criticalValue('HA'); // 1.6448536269514722
 * ```
 */
export function criticalValue(method: ChangeMethod, alpha = 0.05): number {
  const check = new InputCheck('criticalValue');
  if (!METHODS.includes(method)) check.add(['method'], 'unknown-method', `method must be one of ${METHODS.join(', ')}, not ${describeValue(method)}`);
  check.openUnit(['alpha'], alpha);
  check.done();
  // From the tail probability itself: α/2 is exact where 1 − α/2 is not.
  const q = method === 'HA' ? alpha : alpha / 2;
  // The same few quantiles are asked for again and again (every evaluation, every client).
  let z = QUANTILES.get(q);
  if (z === undefined) {
    z = q <= 0.5 ? upperQuantile(q) : -upperQuantile(1 - q);
    if (QUANTILES.size < 16) QUANTILES.set(q, z);
  }
  return z;
}

const QUANTILES = new Map<number, number>();

/** Every reliable change method. */
export const METHODS: readonly ChangeMethod[] = ['JT', 'GLN', 'HLL', 'EN', 'NK', 'HA'];

/** Builds the model of a method from its parameters, refusing any that are missing or out of range. */
export function changeModel(params: ChangeParameters): ChangeModel {
  if (typeof params !== 'object' || params === null || typeof params.pre !== 'object' || params.pre === null) {
    // From JavaScript, without the types: an INVALID_INPUT naming what is missing, not a TypeError.
    const check = new InputCheck('Reliable change');
    if (check.object(['params'], params)) check.object(['pre'], params.pre);
    check.done();
  }
  const method = params.method ?? 'JT';
  const check = new InputCheck(`Reliable change (${describeValue(method)})`);
  if (!METHODS.includes(method)) check.add(['method'], 'unknown-method', `method must be one of ${METHODS.join(', ')}, not ${describeValue(method)}`);
  if (params.betterIs !== 'lower' && params.betterIs !== 'higher') {
    check.add(['betterIs'], 'unknown-direction', `betterIs must be "lower" or "higher", not ${describeValue(params.betterIs)}`);
  }
  const r = params.reliability;
  check.openUnit(['reliability'], r);
  check.positive(['pre', 'sd'], params.pre.sd);
  const needsPreMean = method !== 'JT';
  if (needsPreMean) check.finite(['pre', 'mean'], params.pre.mean);
  if (method === 'HLL' || method === 'HA') check.finite(['post', 'mean'], params.post?.mean);
  if (method === 'HA') {
    check.positive(['post', 'sd'], params.post?.sd);
    if (check.finite(['correlation'], params.correlation) && Math.abs(params.correlation) > 1) {
      check.add(['correlation'], 'out-of-range', `correlation must lie between −1 and 1, not ${params.correlation}`);
    }
  }
  if (method === 'NK') check.openUnit(['reliabilityPost'], params.reliabilityPost);
  if (params.alpha !== undefined) check.openUnit(['alpha'], params.alpha);
  check.done();

  const direction = directionOf(params.betterIs);
  const critical = criticalValue(method, params.alpha);
  const sPre = params.pre.sd;
  const mPre = params.pre.mean ?? 0;
  const mPost = params.post?.mean ?? 0;
  const se = sPre * Math.sqrt(1 - r);
  const regressed = (x1: number): number => r * (x1 - mPre) + mPre;
  switch (method) {
    case 'JT':
      return { method, direction, critical, se, scale: Math.sqrt(2 * se * se), center: (x1) => x1 };
    case 'GLN':
      return { method, direction, critical, se, scale: sPre * Math.sqrt(1 - r * r), center: regressed };
    case 'HLL':
      return { method, direction, critical, se, scale: sPre * Math.sqrt(1 - r * r), center: (x1) => mPost + r * (x1 - mPre) };
    case 'EN':
      return { method, direction, critical, se, scale: se, center: regressed };
    case 'NK': {
      const rPost = params.reliabilityPost ?? 0;
      const scale = Math.sqrt(r * r * sPre * sPre * (1 - r) + sPre * sPre * (1 - rPost));
      return { method, direction, critical, se, scale, center: regressed };
    }
    case 'HA':
      return haModel(params, direction, critical, se);
  }
}

// Hageman & Arrindell (1999): the reliability of the difference score r_dd weighs the individual
// change against the group's mean change.
function haModel(params: ChangeParameters, direction: 1 | -1, critical: number, se: number): ChangeModel {
  const sPre = params.pre.sd;
  const sPost = params.post?.sd ?? 0;
  const r12 = params.correlation ?? 0;
  const r1 = (sPre * sPre - se * se) / (sPre * sPre);
  const r2 = (sPost * sPost - se * se) / (sPost * sPost);
  const rdd = (sPre * sPre * r1 + sPost * sPost * r2 - 2 * sPre * sPost * r12) / (sPre * sPre + sPost * sPost - 2 * sPre * sPost * r12);
  if (!(rdd > 0) || !Number.isFinite(rdd)) {
    const check = new InputCheck('Reliable change (HA)');
    check.add(['correlation'], 'degenerate', `the reliability of the difference scores is ${rdd}, so the HA index is undefined for these SDs and correlation`);
    check.done();
  }
  const meanShift = ((params.post?.mean ?? 0) - (params.pre.mean ?? 0)) * ((1 - rdd) / rdd);
  // index = ((x2 − x1)·r_dd + (M_post − M_pre)·(1 − r_dd)) / (√r_dd · √(2·SE²))
  //       = (x2 − (x1 − meanShift)) / (√(2·SE²) / √r_dd)
  return { method: 'HA', direction, critical, se, rdd, scale: Math.sqrt(2 * se * se) / Math.sqrt(rdd), center: (x1) => x1 - meanShift };
}

/** The index and category of one pre/post pair under a model (strict comparisons, as the peer). */
export function classifyChange(model: ChangeModel, pre: number, post: number): { index: number; category: ChangeCategory } {
  const index = (post - model.center(pre)) / model.scale;
  const signed = model.direction * index;
  const category: ChangeCategory = signed > model.critical ? 'improved' : signed < -model.critical ? 'deteriorated' : 'unchanged';
  return { index, category };
}

/**
 * Reliable change for one client: the index, its critical value, the minimum reliable change and
 * the category (improved, unchanged, deteriorated), with the R package clinicalsignificance's
 * conventions (exact quantiles, strict comparisons).
 *
 * @throws {LifecycleError} `INVALID_INPUT` listing every missing or out-of-range parameter.
 * @example
 * ```ts
 * // Jacobson & Truax (1991): SD 7.5, reliability .80, higher is better
 * const rc = reliableChange(32.5, 47.5, { betterIs: 'higher', reliability: 0.8, pre: { sd: 7.5 } });
 * rc.index; // 3.16227766016838 (√10)
 * rc.standardError; // 4.743416490252569 (S_diff)
 * rc.minimumReliableChange; // 9.2969…
 * rc.category; // 'improved'
 * ```
 */
export function reliableChange(pre: number, post: number, params: ChangeParameters): ReliableChange {
  const check = new InputCheck('Reliable change');
  check.finite(['pre'], pre);
  check.finite(['post'], post);
  check.done();
  const model = changeModel(params);
  const { index, category } = classifyChange(model, pre, post);
  return {
    method: model.method,
    pre,
    post,
    change: post - pre,
    index,
    critical: model.critical,
    standardError: model.scale,
    expectedPost: model.center(pre),
    minimumReliableChange: model.critical * model.scale,
    category,
  };
}
