import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalValue, LifecycleError, reliableChange, type ChangeMethod, type ChangeParameters } from '../../src/measures/index.js';

const jt = { betterIs: 'higher', reliability: 0.8, pre: { sd: 7.5 } } as const;

describe('reliableChange: the Jacobson & Truax (1991) worked check', () => {
  it('gives SE, S_diff and RC for a client 32.5 → 47.5', () => {
    const rc = reliableChange(32.5, 47.5, jt);
    expect(rc.standardError).toBeCloseTo(4.743416, 6);
    expect(rc.standardError / Math.SQRT2).toBeCloseTo(3.354102, 6);
    expect(rc.index).toBeCloseTo(Math.sqrt(10), 12);
    expect(rc.change).toBe(15);
    expect(rc.category).toBe('improved');
  });

  it('uses the exact quantile, not 1.96 (pitfall 4): minimum reliable change 9.296925484568419', () => {
    expect(reliableChange(0, 0, jt).minimumReliableChange).toBeCloseTo(9.296925484568419, 12);
    expect(criticalValue('JT')).toBeCloseTo(1.959963984540054, 14);
  });

  it('HA is one-sided (pitfall 6): qnorm(0.95)', () => {
    expect(criticalValue('HA')).toBeCloseTo(1.6448536269514722, 14);
    expect(criticalValue('GLN', 0.1)).toBeCloseTo(1.6448536269514722, 14);
  });

  it('is strict at the threshold', () => {
    const critical = criticalValue('JT');
    const sdiff = Math.sqrt(2) * 7.5 * Math.sqrt(0.2);
    // An index a hair above the critical value is reliable; exactly at it would not be.
    expect(reliableChange(0, critical * sdiff * (1 + 1e-12), jt).category).toBe('improved');
    expect(reliableChange(0, critical * sdiff * (1 - 1e-12), jt).category).toBe('unchanged');
  });

  it('signs categories by direction: lower is better on a symptom scale', () => {
    const params = { betterIs: 'lower', reliability: 0.89, pre: { sd: 5.5 } } as const;
    expect(reliableChange(20, 8, params).category).toBe('improved');
    expect(reliableChange(8, 20, params).category).toBe('deteriorated');
    expect(reliableChange(15, 13, params).category).toBe('unchanged');
  });
});

describe('reliableChange: each method follows its formula (reference/measures.md)', () => {
  const x1 = 30;
  const x2 = 18;
  const r = 0.8;
  const pre = { mean: 25, sd: 6 };
  const post = { mean: 15, sd: 7 };
  const base = { betterIs: 'lower', reliability: r, pre, post, reliabilityPost: 0.5, correlation: 0.4 } as const;
  const se = pre.sd * Math.sqrt(1 - r);
  const cases: [ChangeMethod, number][] = [
    ['JT', (x2 - x1) / Math.sqrt(2 * se * se)],
    ['GLN', (x2 - pre.mean - r * (x1 - pre.mean)) / (pre.sd * Math.sqrt(1 - r * r))],
    ['HLL', (x2 - post.mean - r * (x1 - pre.mean)) / (pre.sd * Math.sqrt(1 - r * r))],
    ['EN', (x2 - (r * (x1 - pre.mean) + pre.mean)) / (pre.sd * Math.sqrt(1 - r))],
    ['NK', (x2 - (r * (x1 - pre.mean) + pre.mean)) / Math.sqrt(r * r * pre.sd ** 2 * (1 - r) + pre.sd ** 2 * (1 - 0.5))],
    [
      'HA',
      (() => {
        const r1 = (pre.sd ** 2 - se ** 2) / pre.sd ** 2;
        const r2 = (post.sd ** 2 - se ** 2) / post.sd ** 2;
        const rdd = (pre.sd ** 2 * r1 + post.sd ** 2 * r2 - 2 * pre.sd * post.sd * 0.4) / (pre.sd ** 2 + post.sd ** 2 - 2 * pre.sd * post.sd * 0.4);
        return ((x2 - x1) * rdd + (post.mean - pre.mean) * (1 - rdd)) / (Math.sqrt(rdd) * Math.sqrt(2 * se * se));
      })(),
    ],
  ];
  for (const [method, expected] of cases) {
    it(method, () => {
      const rc = reliableChange(x1, x2, { ...base, method });
      expect(rc.index).toBeCloseTo(expected, 12);
      // The threshold is consistent with the index: expectedPost ± minimumReliableChange is the edge.
      expect((rc.expectedPost - rc.minimumReliableChange - rc.expectedPost) / rc.standardError).toBeCloseTo(-rc.critical, 12);
    });
  }
});

describe('reliableChange: refuses bad numbers with every issue', () => {
  it('lists each problem', () => {
    const bad = { betterIs: 'lower', reliability: 1.2, pre: { sd: -1 } } as const;
    try {
      reliableChange(Number.NaN, Infinity, bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LifecycleError);
      expect((e as LifecycleError).code).toBe('INVALID_INPUT');
      expect((e as LifecycleError).issues.map((i) => i.path.join('.'))).toEqual(['pre', 'post']);
    }
    try {
      reliableChange(1, 2, bad);
      expect.unreachable();
    } catch (e) {
      expect((e as LifecycleError).issues.map((i) => i.path.join('.'))).toEqual(['reliability', 'pre.sd']);
    }
  });

  it('names what a method needs', () => {
    expect(() => reliableChange(1, 2, { method: 'GLN', betterIs: 'lower', reliability: 0.8, pre: { sd: 5 } })).toThrow(/pre\.mean/);
    expect(() => reliableChange(1, 2, { method: 'NK', betterIs: 'lower', reliability: 0.8, pre: { sd: 5, mean: 3 } })).toThrow(/reliabilityPost/);
    expect(() => reliableChange(1, 2, { method: 'HA', betterIs: 'lower', reliability: 0.8, pre: { sd: 5, mean: 3 } })).toThrow(LifecycleError);
    expect(() => reliableChange(1, 2, { method: 'XX' as ChangeMethod, betterIs: 'lower', reliability: 0.8, pre: { sd: 5 } })).toThrow(/method/);
    expect(() => reliableChange(1, 2, { betterIs: 'up' as 'lower', reliability: 0.8, pre: { sd: 5 } })).toThrow(/betterIs/);
    expect(() => reliableChange(1, 2, { ...jt, reliability: 0 })).toThrow(/reliability/);
    expect(() => reliableChange(1, 2, { ...jt, reliability: 1 })).toThrow(/reliability/);
  });
});

describe('reliableChange: properties', () => {
  const score = fc.double({ min: -100, max: 100, noNaN: true });
  const params = fc.record({
    reliability: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    sd: fc.double({ min: 0.5, max: 30, noNaN: true }),
  });

  it('the JT index is antisymmetric in pre and post', () => {
    fc.assert(
      fc.property(score, score, params, (a, b, p) => {
        const q: ChangeParameters = { betterIs: 'lower', reliability: p.reliability, pre: { sd: p.sd } };
        expect(reliableChange(a, b, q).index).toBeCloseTo(-reliableChange(b, a, q).index, 9);
      }),
    );
  });

  it('swapping the direction mirrors the category', () => {
    const mirror = { improved: 'deteriorated', deteriorated: 'improved', unchanged: 'unchanged' } as const;
    const method = fc.constantFrom<ChangeMethod>('JT', 'GLN', 'HLL', 'EN', 'NK');
    fc.assert(
      fc.property(score, score, params, method, (a, b, p, m) => {
        const q = { method: m, reliability: p.reliability, reliabilityPost: 0.7, pre: { sd: p.sd, mean: 10 }, post: { mean: 8 } } as const;
        const lower = reliableChange(a, b, { ...q, betterIs: 'lower' });
        const higher = reliableChange(a, b, { ...q, betterIs: 'higher' });
        expect(higher.index).toBe(lower.index);
        expect(higher.category).toBe(mirror[lower.category]);
      }),
    );
  });
});
