import { describe, expect, it } from 'vitest';
import { cohortChange } from '../../src/measures/index.js';

const pairs = [
  { id: 'a', pre: 24, post: 10 },
  { id: 'b', pre: 18, post: 17 },
  { id: 'c', pre: 20, post: 25 },
  { id: 'd', pre: 15, post: 6 },
  { id: 'e', pre: 22, post: null },
];

describe('cohortChange', () => {
  it('uses complete pairs only, with sample SDs', () => {
    const r = cohortChange(pairs, { betterIs: 'lower', reliability: 0.8 });
    expect(r.n).toEqual({ total: 5, used: 4, excluded: 1 });
    expect(r.reference.pre.mean).toBe(19.25);
    expect(r.reference.pre.sd).toBeCloseTo(Math.sqrt(((24 - 19.25) ** 2 + (18 - 19.25) ** 2 + (20 - 19.25) ** 2 + (15 - 19.25) ** 2) / 3), 12);
    expect(r.clients.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('combined: recovered needs clinical at pre, functional at post and reliable improvement', () => {
    const r = cohortChange(pairs, { approach: 'combined', betterIs: 'lower', reliability: 0.8, cutoff: { type: 'c', functional: { mean: 8, sd: 8 } } });
    // cut-off c = (8·19.25 + 3.775·8) / (8 + 3.775) ≈ 15.65: client d starts at 15, already functional,
    // so its reliable drop counts as improved, not recovered.
    expect(r.cutoff?.value).toBeCloseTo((8 * 19.25 + r.reference.pre.sd * 8) / (8 + r.reference.pre.sd), 12);
    expect(r.clients.map((c) => c.category)).toEqual(['recovered', 'unchanged', 'deteriorated', 'improved']);
    expect(r.counts).toEqual({ recovered: 1, improved: 1, unchanged: 1, deteriorated: 1, harmed: 0 });
    expect(r.proportions.recovered).toBe(0.25);
    expect(r.cutoff?.type).toBe('c');
  });

  it('harmed: not clinical at pre, not functional at post, reliably worse', () => {
    const r = cohortChange(
      [
        { pre: 5, post: 30 },
        { pre: 25, post: 24 },
        { pre: 20, post: 19 },
      ],
      { approach: 'combined', betterIs: 'lower', reliability: 0.9, cutoff: { type: 'c', functional: { mean: 5, sd: 5 } } },
    );
    expect(r.clients[0]?.category).toBe('harmed');
  });

  it('refuses too few pairs, missing cut-offs and non-finite scores with issues', () => {
    expect(() => cohortChange([{ pre: 1, post: 2 }], { betterIs: 'lower', reliability: 0.8 })).toThrow(/at least two complete/);
    expect(() => cohortChange(pairs, { approach: 'combined', betterIs: 'lower', reliability: 0.8 })).toThrow(/needs a cut-off/);
    expect(() => cohortChange(pairs, { approach: 'combined', betterIs: 'lower', reliability: 0.8, cutoff: { type: 'c' } })).toThrow(/functional/);
    expect(() => cohortChange([...pairs, { pre: Number.NaN, post: 1 }], { betterIs: 'lower', reliability: 0.8 })).toThrow(/pairs\[5\]\.pre/);
    expect(() => cohortChange(pairs, { betterIs: 'lower' })).toThrow(/reliability/);
    expect(() => cohortChange([{ pre: 3, post: 1 }, { pre: 3, post: 2 }], { betterIs: 'lower', reliability: 0.8 })).toThrow(/do not vary/);
  });

  it('statistical JT needs no reliability and reports no critical value', () => {
    const r = cohortChange(pairs, { approach: 'statistical', betterIs: 'lower', cutoff: { type: 'c', functional: { mean: 8, sd: 8 } } });
    expect(r.critical).toBeUndefined();
    expect(r.counts.improved + r.counts.unchanged + r.counts.deteriorated).toBe(4);
  });
});
