import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTally, emptyTally, summarise, summaryOf, tallyRow, wilson, type OutcomeRow } from '../../src/simulate/index.js';

const Z2 = 1.959963984540054 ** 2;

describe('wilson', () => {
  it('has the closed forms at the edges: 0 of n has upper z²/(n + z²), n of n lower n/(n + z²)', () => {
    for (const n of [1, 10, 250]) {
      const none = wilson(0, n);
      expect(none.value).toBe(0);
      expect(none.low).toBe(0);
      expect(none.high).toBeCloseTo(Z2 / (n + Z2), 12);
      const all = wilson(n, n);
      expect(all.high).toBe(1);
      expect(all.low).toBeCloseTo(n / (n + Z2), 12);
    }
  });

  it('is symmetric: k of n mirrors n − k of n', () => {
    const a = wilson(46, 100);
    const b = wilson(54, 100);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
    expect(a.low).toBeCloseTo(0.3656, 4);
    expect(a.high).toBeCloseTo(0.5574, 4);
  });

  it('refuses what is not k successes in n trials (it gave NaN, or a share above 1)', () => {
    expect(() => wilson(0, 0)).toThrow(/n, the number of trials, to be a whole number above 0, not 0/);
    expect(() => wilson(5, 3)).toThrow(/k, the successes, to be a whole number from 0 to 3, not 5/);
    expect(() => wilson(-1, 3)).toThrow(RangeError);
    expect(() => wilson(1.5, 3)).toThrow(RangeError);
    expect(() => wilson(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('summarise', () => {
  const row = (first: number, category: 'recovered' | 'improved' | 'unchanged'): OutcomeRow =>
    ({ instruments: { phq9: { first, last: 3, change: category === 'unchanged' ? 'unchanged' : 'improved', category } } }) as unknown as OutcomeRow;

  it('counts the recovered among those who started at caseness, the rate\'s own denominator', () => {
    // Recovered by the instrument's own cut-off (10), asked against a stricter caseness of 15: the
    // client who started at 12 is not in the denominator, so not in the numerator either.
    const s = summarise([row(12, 'recovered'), row(18, 'recovered'), row(20, 'unchanged'), row(16, 'improved')], 'phq9', 15);
    expect(s.n).toBe(4);
    expect(s.counts.recovered).toBe(2);
    expect(s.recoveryRate?.of).toBe(3);
    expect(s.recoveryRate?.value).toBeCloseTo(1 / 3, 12);
  });

  it('has no rate when no one started at caseness, or none was asked for', () => {
    expect(summarise([row(5, 'unchanged')], 'phq9', 10).recoveryRate).toBeNull();
    expect(summarise([row(18, 'recovered')], 'phq9', undefined).recoveryRate).toBeNull();
  });
});

describe('tallies (a run summarised a block at a time)', () => {
  const CATEGORIES = ['recovered', 'improved', 'unchanged', 'deteriorated', 'harmed', null] as const;
  const rowArb = fc.oneof(
    fc.record({ first: fc.integer({ min: 0, max: 27 }), category: fc.constantFrom(...CATEGORIES) }).map(
      ({ first, category }) => ({ instruments: { phq9: { first, last: 3, change: 0, category } } }) as unknown as OutcomeRow,
    ),
    // A row without the instrument counts as a row, not as a score.
    fc.constant({ instruments: {} } as unknown as OutcomeRow),
  );

  it('added up over any split into blocks, in any order, give what summarise gives the rows at once', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.array(fc.nat(60), { maxLength: 6 }), fc.option(fc.integer({ min: 0, max: 27 }), { nil: undefined }), (rows, cuts, caseness) => {
        const edges = [...new Set([0, ...cuts.map((c) => Math.min(c, rows.length)), rows.length])].sort((a, b) => a - b);
        const blocks = edges.slice(1).map((end, i) => rows.slice(edges[i], end));
        const total = emptyTally();
        for (const block of blocks.reverse()) {
          const t = emptyTally();
          for (const r of block) tallyRow(t, r, 'phq9', caseness);
          addTally(total, t);
        }
        expect(total.rows).toBe(rows.length);
        expect(summaryOf(total, 'phq9')).toEqual(summarise(rows, 'phq9', caseness));
      }),
      { numRuns: 300 },
    );
  });
});
