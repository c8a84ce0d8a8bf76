/**
 * The standard normal distribution, to full double precision: critical values must be exact
 * (qnorm(0.975) = 1.959963984540054, not 1.96), or counts drift from published tools.
 */

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

// erf(z) = 2/√π · e^{−z²} · Σ 2ⁿ z^{2n+1} / (1·3·…·(2n+1)): every term positive, so no cancellation.
function erfSeries(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (2 * z * z) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return ((2 / SQRT_PI) * Math.exp(-z * z) * sum);
}

// erfc(z) for z ≥ 2.5 by its continued fraction, evaluated backwards (converges fast out here).
function erfcContinuedFraction(z: number): number {
  let f = z;
  for (let k = 80; k >= 1; k--) f = z + k / 2 / f;
  return Math.exp(-z * z) / SQRT_PI / f;
}

/**
 * The standard normal CDF, P(Z ≤ x), accurate in the tails too.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054); // 0.975
 * ```
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x) / SQRT2;
  const upperTail = z < 2.5 ? (1 - erfSeries(z)) / 2 : erfcContinuedFraction(z) / 2;
  return x >= 0 ? 1 - upperTail : upperTail;
}

function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * The quantile of the standard normal distribution (R's `qnorm`), to about 1e-15.
 *
 * @throws {RangeError} unless 0 < p < 1.
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.95996398454005…
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A normal quantile needs 0 < p < 1, not ${p}`);
  if (p === 0.5) return 0;
  // A rough start (Abramowitz & Stegun 26.2.23, error < 4.5e-4), then Newton steps on the exact CDF.
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  let x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  x = p < 0.5 ? -x : x;
  for (let i = 0; i < 8; i++) {
    const delta = (normalCdf(x) - p) / normalDensity(x);
    x -= delta;
    if (Math.abs(delta) < 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
