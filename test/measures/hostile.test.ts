import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinicalCutoffs, cohortChange, criticalValue, gasTScore, reliableChange, talkingTherapiesOutcome, talkingTherapiesRates, trueCutoffs } from '../../src/measures/index.js';

// /measures from JavaScript, without the types: every bad input is an INVALID_INPUT with a path,
// never NaN, a silent default or a bare TypeError.

const invalid = (f: () => unknown, path: (string | number)[]) => {
  try {
    f();
  } catch (e) {
    const err = e as { code?: string; issues?: { path: readonly (string | number)[] }[] };
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues?.map((i) => i.path)).toContainEqual(path);
    return;
  }
  throw new Error(`expected INVALID_INPUT at ${path.join('.')}`);
};

const pairs = [
  { pre: 20, post: 8 },
  { pre: 15, post: 14 },
  { pre: 18, post: 19 },
];

describe('hostile input to /measures', () => {
  it('an unknown cut-off type is refused (type "d" gave NaN and nobody recovered)', () => {
    invalid(() => cohortChange(pairs, { approach: 'combined', betterIs: 'lower', reliability: 0.8, cutoff: { type: 'd' as never } }), ['cutoff', 'type']);
  });

  it('betterIs must be lower or higher (anything else was read as lower)', () => {
    invalid(() => cohortChange(pairs, { betterIs: 'Higher' as never, reliability: 0.8 }), ['betterIs']);
    invalid(() => clinicalCutoffs({ betterIs: 'up' as never, clinical: { mean: 20, sd: 5 } }), ['betterIs']);
    invalid(() => trueCutoffs({ betterIs: undefined as never, clinical: { mean: 20, sd: 5, reliability: 0.8 } }), ['betterIs']);
  });

  it('an unknown combination rule or method is refused', () => {
    const client = { phq9: { first: 16, last: 7 }, gad7: { first: 12, last: 6 }, attendedSessions: 3 };
    invalid(() => talkingTherapiesOutcome(client, { combination: 'either' as never }), ['combination']);
    invalid(() => talkingTherapiesRates([client], { combination: 'either' as never }), ['combination']);
    invalid(() => criticalValue('XX' as never), ['method']);
    invalid(() => cohortChange(pairs, { betterIs: 'lower', reliability: 0.8, method: 'XX' as never }), ['method']);
  });

  it('a score that is not a number is an issue, even when its partner is missing', () => {
    invalid(() => cohortChange([...pairs, { pre: Number.NaN, post: null }], { betterIs: 'lower', reliability: 0.8 }), ['pairs', 3, 'pre']);
    invalid(() => cohortChange([...pairs, { pre: undefined, post: '12' as never }], { betterIs: 'lower', reliability: 0.8 }), ['pairs', 3, 'post']);
    // null and undefined mark a missing score: that pair is left out, as documented.
    expect(cohortChange([...pairs, { pre: 12, post: null }], { betterIs: 'lower', reliability: 0.8 }).n).toEqual({ total: 4, used: 3, excluded: 1 });
  });

  it('a null pair, missing options or missing parameters are INVALID_INPUT, not TypeErrors', () => {
    invalid(() => cohortChange([...pairs, null as never], { betterIs: 'lower', reliability: 0.8 }), ['pairs', 3]);
    invalid(() => cohortChange(pairs, undefined as never), ['options']);
    invalid(() => reliableChange(10, 5, undefined as never), ['params']);
    invalid(() => reliableChange(10, 5, { betterIs: 'lower', reliability: 0.8 } as never), ['pre']);
    invalid(() => clinicalCutoffs(null as never), []);
    invalid(() => clinicalCutoffs({ betterIs: 'lower', clinical: null as never }), ['clinical']);
    invalid(() => talkingTherapiesOutcome({ phq9: { first: 16, last: 7 }, gad7: { first: 12, last: 6 } }, null as never), ['options']);
    invalid(() => gasTScore([1], 'heavy' as never), ['weights']);
  });

  it("criticalValue('JT') is qnorm(0.975) to 1e-15 (the upper tail no longer computed as 1 − erf)", () => {
    expect(Math.abs(criticalValue('JT') - 1.959963984540054)).toBeLessThan(1e-15);
    expect(Math.abs(criticalValue('HA') - 1.6448536269514722)).toBeLessThan(1e-15);
    expect(Math.abs(criticalValue('JT', 0.01) - 2.5758293035489004)).toBeLessThan(2e-15);
  });
});

describe('any input at all', () => {
  // Anything JavaScript can pass: each function answers a value or an INVALID_INPUT, never a TypeError.
  const junk = fc.oneof(
    fc.constantFrom(null, undefined, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', true, [], {}, [null], [{}], { pre: null }, { mean: 'a', sd: -1 }),
    fc.anything({ maxDepth: 2 }),
  );
  const calls: [string, (a: unknown, b: unknown) => unknown][] = [
    ['cohortChange', (a, b) => cohortChange(a as never, b as never)],
    ['reliableChange', (a, b) => reliableChange(1, 2, { betterIs: 'lower', reliability: 0.8, pre: a, ...(b as object) } as never)],
    ['clinicalCutoffs', (a) => clinicalCutoffs(a as never)],
    ['trueCutoffs', (a) => trueCutoffs(a as never)],
    ['criticalValue', (a, b) => criticalValue(a as never, b as never)],
    ['gasTScore', (a, b) => gasTScore(a as never, b as never)],
    ['talkingTherapiesOutcome', (a, b) => talkingTherapiesOutcome(a as never, b as never)],
    ['talkingTherapiesRates', (a, b) => talkingTherapiesRates(a as never, b as never)],
  ];
  // Objects whose own toString or valueOf throws when a message names them (found by the property
  // below: gasTScore([{ toString: 0 }]) threw a TypeError), checked on every run.
  const hostile: unknown[] = [{ toString: 0 }, [{ toString: 0 }], { valueOf: 0, toString: 0 }, [{ valueOf: () => { throw new Error('no'); } }]];
  it('every function refuses objects that cannot be turned into text with INVALID_INPUT', () => {
    for (const [name, call] of calls) {
      for (const a of hostile) {
        for (const b of [undefined, ...hostile]) {
          try {
            call(a, b);
          } catch (e) {
            expect((e as { code?: string }).code, `${name}: ${(e as Error).message}`).toBe('INVALID_INPUT');
          }
        }
      }
    }
  });

  for (const [name, call] of calls) {
    it(`${name} refuses junk with INVALID_INPUT`, () => {
      fc.assert(
        fc.property(junk, junk, (a, b) => {
          try {
            call(a, b);
          } catch (e) {
            expect((e as { code?: string }).code, `${name}: ${(e as Error).message}`).toBe('INVALID_INPUT');
          }
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
      );
    });
  }
});
