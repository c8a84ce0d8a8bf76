import { METHODS, classifyChange, changeModel, type ChangeCategory, type ChangeMethod, type ChangeModel, type ScoreStats } from './reliable-change.js';
import { CUTOFF_TYPES, clinicalCutoffs, trueCutoffs, type CutoffType } from './cutoffs.js';
import { correlation, mean, sampleSd } from './descriptives.js';
import { BETTER_IS, directionOf, type BetterIs } from './direction.js';
import { InputCheck, describeValue } from './input.js';
import { normalCdf } from './normal.js';

/** One client's pre and post scores; `null` or `undefined` marks a missing score. */
export interface ScorePair {
  readonly id?: string | number;
  readonly pre: number | null | undefined;
  readonly post: number | null | undefined;
}

/**
 * - `distribution`: reliable change only (improved, unchanged, deteriorated);
 * - `combined`: reliable change and a cut-off (recovered, improved, unchanged, deteriorated, harmed);
 * - `statistical`: a cut-off only (improved = crossed into the functional range, …).
 */
export type Approach = 'distribution' | 'combined' | 'statistical';

/** A category of any approach. */
export type CohortCategory = 'recovered' | ChangeCategory | 'harmed';

/** Options of {@link cohortChange}. */
export interface CohortOptions {
  /** Default `'distribution'`. */
  readonly approach?: Approach;
  /** The reliable change method (for `statistical`: the cut-off method, JT or HA). Default `'JT'`. */
  readonly method?: ChangeMethod;
  readonly betterIs: BetterIs;
  /** The instrument's reliability; needed by every approach but `statistical` with JT cut-offs. */
  readonly reliability?: number;
  /** NK only. */
  readonly reliabilityPost?: number;
  /** Default 0.05. */
  readonly alpha?: number;
  /**
   * The cut-off for `combined` and `statistical`. The clinical population defaults to the pre scores
   * of the complete pairs; `b` and `c` need the functional population. With method HA the
   * Hageman–Arrindell "true" cut-off is used.
   */
  readonly cutoff?: {
    readonly type: CutoffType;
    readonly functional?: ScoreStats;
    readonly clinical?: ScoreStats;
  };
}

/** One client's result in a cohort. */
export interface CohortClient {
  readonly id: string | number;
  readonly pre: number;
  readonly post: number;
  readonly change: number;
  /** The reliable change index (absent in the statistical approach). */
  readonly index?: number;
  /** Below (or, where higher is better, above) the cut-off at pre — absent without a cut-off. */
  readonly clinicalPre?: boolean;
  readonly functionalPost?: boolean;
  readonly category: CohortCategory;
}

/** The outcome of {@link cohortChange}. */
export interface CohortChange {
  readonly approach: Approach;
  readonly method: ChangeMethod;
  readonly n: { readonly total: number; readonly used: number; readonly excluded: number };
  /** The critical value of the index (absent in the statistical approach with JT cut-offs). */
  readonly critical?: number;
  /** Descriptives of the complete pairs (sample SD). */
  readonly reference: { readonly pre: ScoreStats; readonly post: ScoreStats; readonly correlation: number };
  readonly cutoff?: { readonly type: CutoffType; readonly value: number; readonly true: boolean };
  readonly clients: readonly CohortClient[];
  readonly counts: Readonly<Record<CohortCategory, number>>;
  readonly proportions: Readonly<Record<CohortCategory, number>>;
  /** HA, combined approach: the group-level proportions changed and functional at post. */
  readonly groupLevel?: { readonly changed: number; readonly functional: number };
}

interface Complete {
  id: string | number;
  pre: number;
  post: number;
}

function completePairs(pairs: readonly ScorePair[], check: InputCheck): Complete[] {
  const used: Complete[] = [];
  pairs.forEach((pair, i) => {
    if (!check.object(['pairs', i], pair)) return;
    const { pre, post } = pair;
    // null or undefined is a missing score (the pair is left out); anything else must be a score.
    const preMissing = pre === null || pre === undefined;
    const postMissing = post === null || post === undefined;
    const preOk = preMissing || check.finite(['pairs', i, 'pre'], pre);
    const postOk = postMissing || check.finite(['pairs', i, 'post'], post);
    if (preOk && postOk && !preMissing && !postMissing) used.push({ id: pair.id ?? i, pre: pre as number, post: post as number });
  });
  return used;
}

interface CutoffRule {
  readonly value: number;
  readonly isTrue: boolean;
  readonly clinicalPre: (pre: number) => boolean;
  readonly functionalPost: (pre: number, post: number) => boolean;
  /** HA: reliably back in the clinical range although functional at pre. */
  readonly clinicalPost?: (pre: number, post: number) => boolean;
  readonly rPost?: number;
}

function cutoffRule(options: CohortOptions, pre: ScoreStats, post: ScoreStats, critical: number, check: InputCheck): CutoffRule | undefined {
  const spec = options.cutoff;
  if (spec === undefined) {
    check.add(['cutoff'], 'missing', `the ${options.approach ?? 'distribution'} approach needs a cut-off`);
    return undefined;
  }
  if (spec.type !== 'a' && spec.functional === undefined) {
    check.add(['cutoff', 'functional'], 'missing', `cut-off ${spec.type} needs the functional population's mean and SD`);
    return undefined;
  }
  const clinical = spec.clinical ?? pre;
  const dir = directionOf(options.betterIs);
  if (options.method !== 'HA') {
    const cuts = clinicalCutoffs({ betterIs: options.betterIs, clinical, ...(spec.functional ? { functional: spec.functional } : {}) });
    const value = cuts[spec.type] ?? Number.NaN;
    return { value, isTrue: false, clinicalPre: (x1) => dir * x1 < dir * value, functionalPost: (_x1, x2) => dir * x2 > dir * value };
  }
  // Hageman & Arrindell: reliabilities of each population follow from one standard error of measurement.
  const r = options.reliability ?? Number.NaN;
  const se = clinical.sd * Math.sqrt(1 - r);
  const rel = (sd: number): number => (sd * sd - se * se) / (sd * sd);
  const rPost = rel(post.sd);
  const rClinical = rel(clinical.sd);
  const rFunctional = spec.functional ? rel(spec.functional.sd) : undefined;
  for (const [name, value] of [['post', rPost], ['clinical', rClinical], ['functional', rFunctional]] as const) {
    if (value !== undefined && !(value > 0 && value < 1)) {
      check.add(['cutoff', name], 'degenerate', `the HA reliability of the ${name} scores is ${value}; the SD must exceed the standard error of measurement (${se})`);
    }
  }
  check.done();
  const cuts = trueCutoffs({
    betterIs: options.betterIs,
    clinical: { ...clinical, reliability: rClinical },
    ...(spec.functional && rFunctional !== undefined ? { functional: { ...spec.functional, reliability: rFunctional } } : {}),
  });
  const value = cuts[spec.type] ?? Number.NaN;
  const csIndiv = (x2: number): number => (post.mean + (x2 - post.mean) * rPost - value) / (Math.sqrt(rPost) * se);
  const clinicalPre = (x1: number): boolean => dir * x1 < dir * value;
  return {
    value,
    isTrue: true,
    rPost,
    clinicalPre,
    functionalPost: (x1, x2) => clinicalPre(x1) && dir * csIndiv(x2) > critical,
    clinicalPost: (x1, x2) => !clinicalPre(x1) && dir * csIndiv(x2) < -critical,
  };
}

function combinedCategory(change: ChangeCategory, clinicalPre: boolean, functionalPost: boolean): CohortCategory {
  if (change === 'improved' && clinicalPre && functionalPost) return 'recovered';
  if (change === 'deteriorated' && !clinicalPre && !functionalPost) return 'harmed';
  return change;
}

function statisticalCategory(rule: CutoffRule, x1: number, x2: number): ChangeCategory {
  const functionalPost = rule.functionalPost(x1, x2);
  if (rule.clinicalPost) return functionalPost ? 'improved' : rule.clinicalPost(x1, x2) ? 'deteriorated' : 'unchanged';
  const clinicalPre = rule.clinicalPre(x1);
  return clinicalPre && functionalPost ? 'improved' : !clinicalPre && !functionalPost ? 'deteriorated' : 'unchanged';
}

const CATEGORIES: Record<Approach, readonly CohortCategory[]> = {
  distribution: ['improved', 'unchanged', 'deteriorated'],
  combined: ['recovered', 'improved', 'unchanged', 'deteriorated', 'harmed'],
  statistical: ['improved', 'unchanged', 'deteriorated'],
};

/**
 * Reliable and clinically significant change for a cohort of pre/post pairs, reproducing the R
 * package clinicalsignificance: only complete pairs count; means and sample SDs (n − 1) come from
 * those pairs; critical values are exact normal quantiles (one-sided for HA); comparisons are strict.
 *
 * @throws {LifecycleError} `INVALID_INPUT` for non-finite scores, fewer than two complete pairs,
 *   missing parameters or a degenerate SD.
 * @example
 * ```ts
 * const result = cohortChange(
 *   [{ pre: 24, post: 10 }, { pre: 18, post: 17 }, { pre: 20, post: 25 }, { pre: 15, post: 6 }],
 *   { approach: 'combined', betterIs: 'lower', reliability: 0.8,
 *     cutoff: { type: 'c', functional: { mean: 8, sd: 8 } } },
 * );
 * result.counts; // { recovered: 1, improved: 1, unchanged: 1, deteriorated: 1, harmed: 0 }
 * ```
 */
export function cohortChange(pairs: readonly ScorePair[], options: CohortOptions): CohortChange {
  if (typeof options !== 'object' || options === null) {
    const check = new InputCheck('Cohort change');
    check.object(['options'], options);
    check.done();
  }
  const approach = options.approach ?? 'distribution';
  const method = options.method ?? 'JT';
  const check = new InputCheck(`Cohort change (${describeValue(approach)}, ${describeValue(method)})`);
  if (!Array.isArray(pairs)) check.add(['pairs'], 'not-array', 'pairs must be an array');
  check.oneOf(['betterIs'], options.betterIs, BETTER_IS);
  check.oneOf(['method'], method, METHODS);
  if (options.cutoff !== undefined && check.object(['cutoff'], options.cutoff)) check.oneOf(['cutoff', 'type'], options.cutoff.type, CUTOFF_TYPES);
  if (!(approach in CATEGORIES)) check.add(['approach'], 'unknown-approach', `approach must be distribution, combined or statistical, not ${describeValue(approach)}`);
  if (approach === 'statistical' && method !== 'JT' && method !== 'HA') {
    check.add(['method'], 'unknown-method', `the statistical approach takes cut-off method JT or HA, not ${method}`);
  }
  check.done();
  const used = completePairs(pairs, check);
  if (used.length < 2) check.add(['pairs'], 'too-few', `at least two complete pre/post pairs are needed, found ${used.length}`);
  check.done();

  const preScores = used.map((p) => p.pre);
  const postScores = used.map((p) => p.post);
  const pre = { mean: mean(preScores), sd: sampleSd(preScores) };
  const post = { mean: mean(postScores), sd: sampleSd(postScores) };
  const r12 = correlation(preScores, postScores);
  if (!(pre.sd > 0)) check.add(['pairs'], 'no-variance', 'the pre scores do not vary, so no SD-based statistic is defined');
  check.done();

  const needsModel = approach !== 'statistical' || method === 'HA';
  const model: ChangeModel | undefined = needsModel
    ? changeModel({
        method,
        betterIs: options.betterIs,
        reliability: options.reliability ?? Number.NaN,
        ...(options.reliabilityPost === undefined ? {} : { reliabilityPost: options.reliabilityPost }),
        ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
        pre,
        post,
        correlation: r12,
      })
    : undefined;
  const critical = model?.critical ?? Number.NaN;
  const rule = approach === 'distribution' ? undefined : cutoffRule({ ...options, approach, method }, pre, post, critical, check);
  check.done();

  // Each client's result written out: on Node 20 `{ ...base, more }` takes V8's slow path (about
  // 2 µs an object), which a cohort of thousands would feel.
  const clients: CohortClient[] = used.map(({ id, pre: x1, post: x2 }) => {
    const change = x2 - x1;
    if (approach === 'statistical' && rule) {
      return { id, pre: x1, post: x2, change, clinicalPre: rule.clinicalPre(x1), functionalPost: rule.functionalPost(x1, x2), category: statisticalCategory(rule, x1, x2) };
    }
    const { index, category } = classifyChange(model as ChangeModel, x1, x2);
    if (rule === undefined) return { id, pre: x1, post: x2, change, index, category };
    const clinicalPre = rule.clinicalPre(x1);
    const functionalPost = rule.functionalPost(x1, x2);
    return { id, pre: x1, post: x2, change, index, clinicalPre, functionalPost, category: combinedCategory(category, clinicalPre, functionalPost) };
  });

  const counts = Object.fromEntries(CATEGORIES[approach].map((c) => [c, 0])) as Record<CohortCategory, number>;
  for (const client of clients) counts[client.category] += 1;
  const proportions = Object.fromEntries(Object.entries(counts).map(([c, n]) => [c, n / clients.length])) as Record<CohortCategory, number>;

  return {
    approach,
    method,
    n: { total: pairs.length, used: used.length, excluded: pairs.length - used.length },
    ...(model ? { critical } : {}),
    reference: { pre, post, correlation: r12 },
    ...(rule ? { cutoff: { type: options.cutoff?.type ?? 'a', value: rule.value, true: rule.isTrue } } : {}),
    clients,
    counts,
    proportions,
    ...(approach === 'combined' && method === 'HA' && rule && model
      ? { groupLevel: haGroupLevel(used, options.betterIs, model, rule, post) }
      : {}),
  };
}

// Hageman & Arrindell's group-level estimates: the proportion whose true change is in the better
// direction, and the proportion whose true post score lies beyond the cut-off.
function haGroupLevel(used: readonly Complete[], betterIs: BetterIs, model: ChangeModel, rule: CutoffRule, post: ScoreStats) {
  const changes = used.map((p) => p.post - p.pre);
  const zChanged = (0 - mean(changes)) / (sampleSd(changes) * Math.sqrt(model.rdd ?? 1));
  const zFunctional = (rule.value - post.mean) / (post.sd * Math.sqrt(rule.rPost ?? 1));
  return betterIs === 'higher'
    ? { changed: 1 - normalCdf(zChanged), functional: 1 - normalCdf(zFunctional) }
    : { changed: normalCdf(zChanged), functional: normalCdf(zFunctional) };
}
