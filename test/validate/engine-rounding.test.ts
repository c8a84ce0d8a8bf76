import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulateCohort } from '../../src/simulate/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { jsonEqual } from '../../src/validate/snapshot.js';

/** x moved by `ulps` units in its last place (its bits, counted). */
function nudged(x: number, ulps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(ulps));
  return view.getFloat64(0);
}

/** A simulated record with at least one evaluation that records a reliable change. */
function recordWithChanges() {
  const parsed = parseScenario({});
  if (!parsed.ok) throw new Error('the default scenario does not parse');
  for (const c of simulateCohort(parsed.scenario, { seed: 3, clients: 50 })) {
    const record = JSON.parse(JSON.stringify(c.record)) as { events: { type: string; data: { evaluation?: { measureChanges: { minimumReliableChange: number; rci: number; pre: number }[] } } }[] };
    const at = record.events.findIndex((e) => (e.data.evaluation?.measureChanges.length ?? 0) > 0);
    if (at >= 0) return { record, at, change: record.events[at]?.data.evaluation?.measureChanges[0] as { minimumReliableChange: number; rci: number; pre: number } };
  }
  throw new Error('no evaluation with a measured change in 50 clients');
}

describe('a record re-decided where the engine\'s own exp and log round differently', () => {
  it('is still valid when a derived number differs in its last places (Chromium\'s critical values differ from Node\'s by up to 6)', () => {
    const { record, change } = recordWithChanges();
    expect(validateRecord(record).valid).toBe(true);
    change.minimumReliableChange = nudged(change.minimumReliableChange, 8);
    change.rci = nudged(change.rci, -8);
    expect(validateRecord(record).issues).toEqual([]);
  });

  it('is not when the number differs in a digit that could mean something, or a whole number by one', () => {
    const first = recordWithChanges();
    first.change.minimumReliableChange *= 1 + 1e-9;
    expect(validateRecord(first.record).issues.map((i) => [i.path, i.code])).toEqual([[`/events/${first.at}`, 'EVENT_MISMATCH']]);
    const second = recordWithChanges();
    second.change.pre += 1;
    expect(validateRecord(second.record).issues.map((i) => i.code)).toContain('EVENT_MISMATCH');
  });

  it('property: any simulated record, with every number that is not whole moved by up to 8 units in its last place (events and snapshot), stays valid', () => {
    const parsed = parseScenario({});
    if (!parsed.ok) throw new Error('the default scenario does not parse');
    const moved = (value: unknown, shift: () => number): unknown => {
      if (typeof value === 'number') return Number.isInteger(value) ? value : nudged(value, shift());
      if (Array.isArray(value)) return value.map((v) => moved(v, shift));
      if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moved(v, shift)]));
      return value;
    };
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 16 }), (seed, shifts) => {
        const [c] = [...simulateCohort(parsed.scenario, { seed, clients: 1 })];
        if (c === undefined) throw new Error('no client');
        let k = 0;
        const shift = () => shifts[k++ % shifts.length] as number;
        const record = moved(JSON.parse(JSON.stringify(toRecord(c.events, c.state))), shift);
        expect(validateRecord(record).issues).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('compares whole numbers exactly however large, and never takes an infinity for a number', () => {
    expect(jsonEqual(2 ** 52, 2 ** 52 + 1)).toBe(false);
    expect(jsonEqual(1e15, 1e15 + 1)).toBe(false);
    expect(jsonEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(jsonEqual(Infinity, Number.MAX_VALUE)).toBe(false);
    expect(jsonEqual(Number.NaN, 1)).toBe(false);
    expect(jsonEqual(1.5, '1.5')).toBe(false);
  });
});
