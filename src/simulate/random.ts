/**
 * Seeded randomness for simulations: sfc32 (Small Fast Counting, 32-bit; passes PractRand to many
 * terabytes), its state hashed (MurmurHash3) from the run's seed and the client's index alone. Each
 * client draws from a stream of its own, so a client's course does not depend on how many clients
 * came before it, on sharding, or on the number of workers. Nothing here calls an engine's own
 * logarithm or trigonometry (portable-math.ts says why): a stream's numbers are the same bits in
 * Node, in every browser and in every version.
 */

import { portableLog } from './portable-math.js';

/** Draws from one random stream. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** Whether an event of probability `p` happens. */
  chance(p: number): boolean;
  /** A normal deviate (Marsaglia's polar method). */
  normal(mean: number, sd: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A key of `weights`, drawn in proportion to its weight. */
  pick<K extends string>(weights: Readonly<Record<K, number>>): K;
}

// MurmurHash3's 32-bit hash of four words, with its own seed `k`: each word mixed in, then the
// finaliser. Three seeds give sfc32's three words of state from the same four words.
function murmur4(k: number, w0: number, w1: number, w2: number, w3: number): number {
  let h = k;
  for (const w of [w0, w1, w2, w3]) {
    let x = Math.imul(w, 0xcc9e2d51);
    x = Math.imul((x << 15) | (x >>> 17), 0x1b873593);
    h ^= x;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  h ^= 16;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO_32 = 4_294_967_296;

/**
 * The random stream of client `index` in a run seeded with `seed` (both non-negative integers, up
 * to 2^53 − 1: every bit of each counts). A group programme's members draw from streams of their own
 * (`'group-member'`), apart from the cohort's clients of the same index.
 *
 * @throws {RangeError} for a seed or index that is not a non-negative integer.
 * @example
 * ```ts
 * const r = clientRandom(42, 7);
 * r.next(); // the same number on every machine, in every shard
 * ```
 */
export function clientRandom(seed: number, index: number, of: 'client' | 'group-member' = 'client'): Random {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, not ${String(seed)}`);
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, not ${String(index)}`);
  if (of !== 'client' && of !== 'group-member') throw new RangeError(`a stream is of a 'client' or a 'group-member', not ${String(of)}`);
  // The state (96 bits) is hashed from all 106 bits of seed and index. It was a 32-bit number before
  // (the seed's low 32 bits mixed with the index): seeds 1 and 2^32 + 1 gave one cohort, and two
  // runs of 100,000 clients with different seeds shared about two clients' streams.
  // The index's high word is below 2^21: the bit above it tells a group member's stream from a client's.
  const words = [seed >>> 0, Math.floor(seed / TWO_32), index >>> 0, Math.floor(index / TWO_32) + (of === 'group-member' ? 0x20_0000 : 0)] as const;
  let a = murmur4(0x243f6a88, ...words);
  let b = murmur4(0x85a308d3, ...words);
  let c = murmur4(0x13198a2e, ...words);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare: number | null = null;
  return {
    next,
    chance: (p) => next() < p,
    normal(mean, sd) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      // Marsaglia's polar method: a point drawn in the unit disc gives two independent deviates
      // through a logarithm and a square root, with no sine or cosine; the logarithm is our own
      // (portable-math.ts), so the same seed gives the same bits in every engine.
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * portableLog(s)) / s);
      spare = v * f;
      return mean + sd * u * f;
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick(weights) {
      const keys = Object.keys(weights) as (keyof typeof weights & string)[];
      let total = 0;
      for (const k of keys) total += weights[k];
      let x = next() * total;
      for (const k of keys) {
        x -= weights[k];
        if (x < 0) return k;
      }
      return keys[keys.length - 1] as (typeof keys)[number];
    },
  };
}
