import { describe, expect, it } from 'vitest';
import { clinicalCutoffs, trueCutoffs } from '../../src/measures/index.js';

describe('clinicalCutoffs', () => {
  it('reproduces the Jacobson & Truax (1991) hypothetical: a 55, b 45, c 50', () => {
    expect(clinicalCutoffs({ betterIs: 'higher', clinical: { mean: 40, sd: 7.5 }, functional: { mean: 60, sd: 7.5 } })).toEqual({ a: 55, b: 45, c: 50 });
  });

  it('mirrors a and b where lower is better', () => {
    const cuts = clinicalCutoffs({ betterIs: 'lower', clinical: { mean: 20, sd: 5 }, functional: { mean: 5, sd: 3 } });
    expect(cuts.a).toBe(10);
    expect(cuts.b).toBe(11);
  });

  it('computes b with the functional SD, not the clinical SD (pitfall 1)', () => {
    const cuts = clinicalCutoffs({ betterIs: 'higher', clinical: { mean: 40, sd: 10 }, functional: { mean: 60, sd: 5 } });
    expect(cuts.b).toBe(50); // 60 − 2·5; the clinical SD would give 40
  });

  it('weights c by the other population’s SD (pitfall 2)', () => {
    const cuts = clinicalCutoffs({ betterIs: 'higher', clinical: { mean: 40, sd: 10 }, functional: { mean: 60, sd: 5 } });
    // (s0·M1 + s1·M0)/(s0 + s1) = (5·40 + 10·60)/15; swapped weights would give 46.67
    expect(cuts.c).toBeCloseTo(53.333333, 6);
  });

  it('gives only a without a functional population', () => {
    expect(clinicalCutoffs({ betterIs: 'lower', clinical: { mean: 20, sd: 5 } })).toEqual({ a: 10 });
  });

  it('refuses bad populations', () => {
    expect(() => clinicalCutoffs({ betterIs: 'lower', clinical: { mean: Number.NaN, sd: 0 } })).toThrow(/2 more|1 more/);
  });
});

describe('trueCutoffs (Hageman & Arrindell)', () => {
  it('reproduces c_true = 59.10670', () => {
    const cuts = trueCutoffs({
      betterIs: 'lower',
      clinical: { mean: 68.35, sd: 22.33, reliability: 0.93 },
      functional: { mean: 50, sd: 22, reliability: 0.93 },
    });
    expect(cuts.c).toBeCloseTo(59.1067, 4);
  });

  it('puts s·√r in place of s', () => {
    const cuts = trueCutoffs({ betterIs: 'higher', clinical: { mean: 40, sd: 10, reliability: 0.81 }, functional: { mean: 60, sd: 10, reliability: 0.64 } });
    expect(cuts.a).toBeCloseTo(40 + 2 * 9, 12);
    expect(cuts.b).toBeCloseTo(60 - 2 * 8, 12);
    expect(cuts.c).toBeCloseTo((8 * 40 + 9 * 60) / 17, 12);
  });

  it('needs reliabilities', () => {
    expect(() => trueCutoffs({ betterIs: 'lower', clinical: { mean: 1, sd: 1 } })).toThrow(/reliability/);
  });
});
