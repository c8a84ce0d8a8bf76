/**
 * The natural logarithm and exponential from IEEE-754 arithmetic alone. JavaScript specifies + − × ÷
 * and `Math.sqrt` exactly (correctly rounded), but leaves `Math.log`, `Math.exp`, `Math.sin` and the
 * rest "implementation-approximated": engines round them their own way in the last bit (on this
 * project's machine, Debian's Chromium and Node 20 differ on some of a million inputs to each of
 * those four). A simulation's draws made with these are the same bits in every engine and version
 * by construction, not just almost always.
 */

// ln 2 split in two (the first with its low bits zero, so that e × LN2_HI is exact for any exponent):
// the published constants of the classic range reduction.
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO_54 = 18_014_398_509_481_984;
const MIN_NORMAL = 2.2250738585072014e-308;

// 1/23, 1/21, …, 1/1: the coefficients of the atanh series, highest term first (for Horner).
const ODD_RECIPROCALS = Array.from({ length: 12 }, (_, j) => 1 / (23 - 2 * j));

const bits = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in [−1022, 1023], written directly as its bits (exact). */
function pow2(k: number): number {
  bits.setUint32(0, (k + 1023) << 20);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/**
 * ln x, within a few units in the last place of the true value, the same bits in every engine:
 * NaN for a negative x or NaN, −Infinity for 0, Infinity for Infinity.
 *
 * @example
 * ```ts
 * portableLog(Math.E); // 1
 * ```
 */
export function portableLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : Number.NaN;
  if (x === Infinity) return Infinity;
  // x = m · 2^e with m in [√½, √2): the exponent read from the bits, subnormals scaled up first.
  let scale = 0;
  let v = x;
  if (v < MIN_NORMAL) {
    v *= TWO_54;
    scale = -54;
  }
  bits.setFloat64(0, v);
  const high = bits.getUint32(0);
  let e = ((high >>> 20) & 0x7ff) - 1023 + scale;
  bits.setUint32(0, (high & 0x000f_ffff) | 0x3ff0_0000);
  let m = bits.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln m = 2 atanh(t), t = (m − 1)/(m + 1), |t| ≤ 0.1716: twelve terms of t + t³/3 + t⁵/5 + … reach 1e-18.
  const t = (m - 1) / (m + 1);
  const t2 = t * t;
  let sum = 0;
  for (const c of ODD_RECIPROCALS) sum = sum * t2 + c;
  return e * LN2_HI + (e * LN2_LO + 2 * t * sum);
}

/**
 * e^x, within a few units in the last place of the true value, the same bits in every engine:
 * 0 below −745.13, Infinity above 709.78, NaN for NaN.
 *
 * @example
 * ```ts
 * portableExp(0); // 1
 * ```
 */
export function portableExp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k ln 2 + r with |r| ≤ ½ ln 2; e^r by its Taylor series (the 16th term is below 1e-19).
  const k = Math.round(x / Math.LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let s = 1;
  for (let n = 16; n >= 1; n--) s = 1 + (r / n) * s;
  // × 2^k, in two steps where 2^k itself is not a normal number.
  if (k > 1023) return s * pow2(k - 1) * 2;
  if (k < -1022) return s * pow2(k + 54) * pow2(-54);
  return s * pow2(k);
}
