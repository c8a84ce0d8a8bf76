import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jacobsonTruax } from '../../src/measures/jacobson-truax.js';
import { reliableChange } from '../../src/measures/reliable-change.js';

describe('jacobsonTruax: the engine\'s reliable change', () => {
  it('is reliableChange with method JT, bit for bit, for any pair, direction, reliability and SD', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 200 }),
        fc.integer({ min: -100, max: 200 }),
        fc.constantFrom('lower' as const, 'higher' as const),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        (pre, post, betterIs, reliability, sd) => {
          const full = reliableChange(pre, post, { method: 'JT', betterIs, reliability, pre: { sd } });
          const jt = jacobsonTruax(pre, post, betterIs, reliability, sd);
          expect(Object.is(jt.index, full.index)).toBe(true);
          expect(Object.is(jt.minimumReliableChange, full.minimumReliableChange)).toBe(true);
          expect(jt.category).toBe(full.category);
        },
      ),
    );
  });

  it('gives the published example: Jacobson & Truax (1991), SD 7.5, reliability .80', () => {
    const jt = jacobsonTruax(32.5, 47.5, 'higher', 0.8, 7.5);
    expect(jt.index).toBeCloseTo(Math.sqrt(10), 14);
    expect(jt.minimumReliableChange).toBeCloseTo(1.959963984540054 * 7.5 * Math.sqrt(0.4), 13); // z × S_diff
    expect(jt.category).toBe('improved');
    expect(jacobsonTruax(47.5, 32.5, 'higher', 0.8, 7.5).category).toBe('deteriorated');
    expect(jacobsonTruax(10, 9, 'lower', 0.89, 5.5).category).toBe('unchanged');
  });
});
