import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gasTScore } from '../../src/measures/index.js';

describe('gasTScore', () => {
  it('matches the published checks', () => {
    expect(gasTScore([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6])).toBeCloseTo(55.0, 6);
    expect(gasTScore([-1, -1, -1])).toBeCloseTo(36.306936, 6);
    expect(gasTScore([2, 2, 2])).toBeCloseTo(77.386128, 6);
    expect(gasTScore([1])).toBeCloseTo(60.0, 12);
  });

  it('is 50 whenever every level is 0', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 0.95, noNaN: true }), (weights, rho) => {
        expect(gasTScore(weights.map(() => 0), weights, rho)).toBe(50);
      }),
    );
  });

  it('refuses what is not a GAS level, mismatched weights and a bad rho', () => {
    expect(() => gasTScore([])).toThrow(/at least one/);
    expect(() => gasTScore([3])).toThrow(/level 0/);
    expect(() => gasTScore([0.5])).toThrow(/level 0/);
    expect(() => gasTScore([0, 1], [1])).toThrow(/2 levels but 1 weights/);
    expect(() => gasTScore([0], [0])).toThrow(/greater than 0/);
    expect(() => gasTScore([0], undefined, 1)).toThrow(/rho/);
    expect(() => gasTScore([0], undefined, Number.NaN)).toThrow(/rho/);
  });
});

describe('GAS weights of any size', () => {
  it('give a finite T-score: huge weights do not overflow (1e200 and 1e308 gave 50 and NaN)', () => {
    expect(gasTScore([1], [1e200])).toBeCloseTo(60, 12);
    expect(gasTScore([1], [1e308])).toBeCloseTo(60, 12);
    expect(gasTScore([1, -1], [Number.MAX_VALUE, Number.MAX_VALUE])).toBeCloseTo(50, 12);
  });

  it('the T-score does not depend on the unit of the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(-2, -1, 0, 1, 2), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 1e-250, max: 1e250, noNaN: true }),
        (goals, scale) => {
          const levels = goals.map(([l]) => l);
          const weights = goals.map(([, w]) => w);
          const t = gasTScore(levels, weights);
          expect(Number.isFinite(t)).toBe(true);
          expect(gasTScore(levels, weights.map((w) => w * scale))).toBeCloseTo(t, 9);
        },
      ),
    );
  });

  it('weights that are not an array are an INVALID_INPUT, not a TypeError', () => {
    expect(() => gasTScore([1], { 0: 1, length: 1 } as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
