import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableExp, portableLog } from '../../src/simulate/portable-math.js';

/** Units in the last place between a and b, measured at b. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const spacing = Math.max(Number.MIN_VALUE, 2 ** (Math.floor(Math.log2(Math.abs(b))) - 52));
  return Math.abs(a - b) / spacing;
}

describe('portableLog and portableExp', () => {
  it('agree with the engine\'s Math.log to a few units in the last place, from the smallest subnormal to the largest double', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(ulps(portableLog(x), Math.log(x))).toBeLessThanOrEqual(4);
      }),
      { numRuns: 20_000 },
    );
    for (const x of [Number.MIN_VALUE, 2.2250738585072014e-308, 0.5, 1 - 2 ** -53, 1 + 2 ** -52, Math.SQRT1_2, Math.SQRT2, 2, Math.E, Number.MAX_VALUE]) {
      expect(ulps(portableLog(x), Math.log(x)), String(x)).toBeLessThanOrEqual(4);
    }
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.LN2);
  });

  it('agree with the engine\'s Math.exp to a few units in the last place, down into the subnormals', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709.7, noNaN: true }), (x) => {
        expect(ulps(portableExp(x), Math.exp(x))).toBeLessThanOrEqual(4);
      }),
      { numRuns: 20_000 },
    );
    expect(portableExp(0)).toBe(1);
    // Below 2^-1022 a result keeps fewer digits: it is still within one step of what the engine gives.
    for (const x of [-720, -740, -745]) expect(Math.abs(portableExp(x) - Math.exp(x))).toBeLessThanOrEqual(Number.MIN_VALUE * 2);
  });

  it('give the edges Math gives: NaN, zero, infinities', () => {
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(-0)).toBe(-Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Number.NaN)).toBeNaN();
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableExp(Number.NaN)).toBeNaN();
    expect(portableExp(-Infinity)).toBe(0);
    expect(portableExp(-746)).toBe(0);
    expect(portableExp(710)).toBe(Infinity);
    expect(portableExp(Infinity)).toBe(Infinity);
  });

  it('are the only logarithm and exponential the simulator uses: no engine-approximated Math function in src/simulate', () => {
    // JavaScript leaves these to each engine (and build) to approximate; +, −, ×, ÷ and Math.sqrt it specifies exactly.
    const approximated = /Math\.(log|log2|log10|log1p|exp|expm1|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|pow|cbrt|hypot)\s*\(|\*\*/;
    for (const file of readdirSync('src/simulate').filter((f) => f.endsWith('.ts') && f !== 'portable-math.ts')) {
      const code = readFileSync(join('src/simulate', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(approximated.exec(code)?.[0], file).toBeUndefined();
    }
  });
});
