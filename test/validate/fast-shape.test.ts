import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { certainlyWellFormed } from '../../src/validate/fast-shape.js';
import { caseRecordSchema } from '../../src/validate/index.js';

// The fast path may only say "well formed" when zod agrees; when it says no, zod decides.
const base = JSON.parse(readFileSync('test/fixtures/records/valid-with-snapshot.json', 'utf8')) as { events: unknown[] };

function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => leaves(v, [...path, k]))];
}
const paths = leaves(base).filter((p) => p.length > 0 && p.length <= 4);

describe('the fast shape check', () => {
  it('accepts the valid fixtures, as zod does', () => {
    for (const file of readdirSync('test/fixtures/records')) {
      const record = JSON.parse(readFileSync(`test/fixtures/records/${file}`, 'utf8')) as unknown;
      if (certainlyWellFormed(record)) expect(caseRecordSchema().safeParse(record).success, file).toBe(true);
    }
    expect(certainlyWellFormed(base)).toBe(true);
  });

  it('never says well formed when zod disagrees, whatever one field becomes', () => {
    const values = fc.oneof(fc.jsonValue(), fc.constantFrom('2026-02-30T10:00:00.000Z', '2026-01-05T10:00:00Z', '__proto__', '', 'c 1', -1, 0, 1.5, 1e9));
    fc.assert(
      fc.property(fc.constantFrom(...paths), values, (path, value) => {
        const record = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
        let target = record;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path[path.length - 1] as string | number] = value;
        if (certainlyWellFormed(record)) expect(caseRecordSchema().safeParse(record).success).toBe(true);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000) },
    );
  });

  it('regression: an integer past 2^53 is not a safe seq (zod refuses it)', () => {
    const record = JSON.parse(JSON.stringify(base)) as { events: { seq: number }[] };
    (record.events[1] as { seq: number }).seq = 2 ** 53;
    expect(certainlyWellFormed(record)).toBe(false);
    expect(caseRecordSchema().safeParse(record).success).toBe(false);
  });

  it('never says well formed for arbitrary JSON that zod refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (certainlyWellFormed(value)) expect(caseRecordSchema().safeParse(value).success).toBe(true);
      }),
    );
  });
});
