/**
 * Seeded randomness for simulations: sfc32 (Small Fast Counting, 32-bit; passes PractRand to many
 * terabytes), seeded through splitmix32. Each client draws from a stream of its own, derived from
 * the run's seed and the client's index alone, so a client's course does not depend on how many
 * clients came before it, on sharding, or on the number of workers. Nothing here calls an
 * engine's own logarithm or trigonometry (portable-math.ts says why): a stream's numbers are the
 * same bits in Node, in every browser and in every version.
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

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * The random stream of client `index` in a run seeded with `seed` (both non-negative integers).
 *
 * @example
 * ```ts
 * const r = clientRandom(42, 7);
 * r.next(); // the same number on every machine, in every shard
 * ```
 */
export function clientRandom(seed: number, index: number): Random {
  // Seed and index are mixed through two rounds, so streams of neighbouring clients are unrelated.
  const mix = splitmix32((splitmix32(seed)() ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0);
  let a = mix();
  let b = mix();
  let c = mix();
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
