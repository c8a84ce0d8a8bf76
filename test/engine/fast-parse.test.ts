import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandSchema, type CaseCommand } from '../../src/index.js';
import { fastParser } from '../../src/engine/fast-parse.js';
import { scenario } from '../../bench/scenario.js';

const schema = commandSchema();
const fast = fastParser<CaseCommand>(schema);

// Valid commands of many types: the benchmark lifecycle plus the rarer commands and optional fields.
const valid: Record<string, unknown>[] = [
  ...scenario.map(([, c]) => c),
  { type: 'declineReferral', reason: 'not-accepted', summary: 'Out of area' },
  { type: 'recordClientPriority', text: 'Sleep better' },
  { type: 'recordCulturalConsiderations', language: 'Welsh', interpreterNeeded: true },
  { type: 'reviseGoal', goalId: 'g-1', reason: 'Adjusted', targetDate: '2026-09-30' },
  { type: 'suspendStrategy', strategyId: 's-1', reason: 'Leave' },
  { type: 'addNote', kind: 'handoff', text: 'Handed over', authorMemberId: 'm-lead', visibility: 'team' },
  { type: 'recordRiskLevel', level: 'imminent', factors: ['plan'] },
  { type: 'amendMeasurement', measurementId: 'ms-1', score: 20, reason: 'Misread' },
  { type: 'recordMeasurement', instrumentId: 'phq9', responses: [1, null, 2, 0, 0, 0, 0, 0, 0], source: 'observer' },
  { type: 'completeReview', outcome: 're-plan' },
];

const tricky: unknown[] = [
  '', ' ', ' x', 'x ', 'x', 'a'.repeat(129), 'a'.repeat(10_001), 'ok-id', '__proto__', '𝟘', '\uD800', '𝟘𝟘',
  '2026-01-05', '2026-02-30', '2024-02-29', '2025-02-29', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00+01:00', '2026-01-05T25:00:00Z',
  0, -1, 1, 5, 6, 1.5, 2 ** 53, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308,
  null, undefined, true, false, [], ['a'], [1], [null], {}, { a: 1 }, new Date(0), Object.create(null) as object,
  'routine', 'clinic', 'weekly', 'cbt', 'phq9', 'client-report', 'lead-practitioner', 'attended',
];

type Mutation = { path: number[]; op: 'set' | 'delete' | 'add'; value: number };

/** Applies one mutation at a path chosen by indices into the keys met on the way. */
function mutate(input: unknown, m: Mutation): unknown {
  const copy = structuredClone(input) as Record<string, unknown>;
  let node: unknown = copy;
  for (let depth = 0; depth < m.path.length; depth++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(m.path[depth] as number) % keys.length] as string;
    const last = depth === m.path.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object' || (node as Record<string, unknown>)[key] === null;
    if (last) {
      const target = node as Record<string, unknown>;
      if (m.op === 'delete') Reflect.deleteProperty(target, key);
      else if (m.op === 'add') target[`extra${m.value % 3}`] = tricky[m.value % tricky.length];
      else target[key] = tricky[m.value % tricky.length];
      break;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return copy;
}

const mutation = fc.record({
  path: fc.array(fc.nat(30), { minLength: 1, maxLength: 4 }),
  op: fc.constantFrom<Mutation['op']>('set', 'set', 'set', 'delete', 'add'),
  value: fc.nat(1000),
});

describe('fastParser on the command schema', () => {
  it('compiles every command type', () => {
    expect(fast).not.toBeNull();
  });

  it.each(valid.map((c) => [c.type, c] as const))('takes the fast path for a valid %s and returns what zod returns', (_type, command) => {
    const zod = schema.safeParse(command);
    expect(zod.success).toBe(true);
    const out = fast?.(command);
    expect(out).toBeDefined();
    // Same data, same key order (events are built from it and stored byte for byte).
    expect(JSON.stringify(out)).toBe(JSON.stringify(zod.data));
    expect(out).not.toBe(command);
  });

  it('never accepts what zod refuses, and agrees with zod on what it accepts', () => {
    let fastHits = 0;
    let zodRefusals = 0;
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, mutations) => {
        const input = mutations.reduce<unknown>((acc, m) => mutate(acc, m), valid[i]);
        const out = fast?.(input);
        const zod = schema.safeParse(input);
        if (!zod.success) zodRefusals++;
        if (out === undefined) return;
        fastHits++;
        expect(zod.success, JSON.stringify(input)).toBe(true);
        expect(JSON.stringify(out)).toBe(JSON.stringify(zod.data));
      }),
      { numRuns: 3000, seed: 7 },
    );
    // The generator is worth something only if it reaches both sides.
    expect(fastHits).toBeGreaterThan(100);
    expect(zodRefusals).toBeGreaterThan(1000);
  });

  it('copies arrays and objects, so later changes to the input cannot reach the parsed command', () => {
    const input = { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] };
    const out = fast?.(input) as { agreedBy: string[] };
    input.agreedBy.push('someone-else');
    expect(out.agreedBy).toEqual(['client-1']);
  });

  it('asks zod about inputs it cannot be sure of', () => {
    for (const input of [
      { type: 'startReview', extra: 1 },
      { type: 'holdCase', reason: ' padded ' },
      { type: 'holdCase', reason: undefined },
      { type: 'recordRiskScreen', level: 'low', factors: [], get trap() { return 1; } },
      Object.assign(Object.create({ inherited: true }) as object, { type: 'startReview' }),
      ['startReview'],
      'startReview',
      null,
      { type: 'noSuchCommand' },
    ]) {
      expect(fast?.(input), JSON.stringify(input)).toBeUndefined();
    }
  });
});

/** A shape with an own "__proto__" field, as JSON.parse makes one. */
function protoShape(): Record<string, z.ZodString> {
  const shape = JSON.parse('{"__proto__": null, "a": null}') as Record<string, unknown>;
  for (const key of Object.keys(shape)) Object.defineProperty(shape, key, { value: z.string(), enumerable: true, writable: true, configurable: true });
  return shape as Record<string, z.ZodString>;
}

describe('fastParser declines schemas it does not model', () => {
  it.each([
    ['a refinement', z.object({ a: z.string().refine((s) => s.length > 1) }).strict()],
    ['a transform', z.object({ a: z.string().transform((s) => s.length) }).strict()],
    ['coercion', z.object({ a: z.coerce.number() }).strict()],
    ['a non-strict object', z.object({ a: z.string() })],
    ['a plain union', z.union([z.string(), z.number()])],
    ['a record', z.record(z.string(), z.number())],
    ['a default', z.object({ a: z.string().default('x') }).strict()],
    ['a __proto__ field', z.object(protoShape()).strict()],
  ])('%s', (_name, s) => {
    expect(fastParser(s)).toBeNull();
  });

  it('models literals, enums, booleans, nullables and bounded numbers exactly', () => {
    const s = z.object({ t: z.literal('x'), e: z.enum(['a', 'b']), b: z.boolean(), n: z.number().int().min(1).max(5).nullable(), o: z.string().optional() }).strict();
    const p = fastParser<unknown>(s);
    expect(p?.({ t: 'x', e: 'a', b: false, n: null })).toEqual({ t: 'x', e: 'a', b: false, n: null });
    expect(p?.({ t: 'x', e: 'b', b: true, n: 5, o: 'y' })).toEqual({ t: 'x', e: 'b', b: true, n: 5, o: 'y' });
    for (const bad of [{ t: 'y', e: 'a', b: false, n: 1 }, { t: 'x', e: 'c', b: false, n: 1 }, { t: 'x', e: 'a', b: 0, n: 1 }, { t: 'x', e: 'a', b: false, n: 6 }, { t: 'x', e: 'a', b: false, n: 1.5 }, { t: 'x', e: 'a', b: false }]) {
      expect(p?.(bad)).toBeUndefined();
      expect(s.safeParse(bad).success).toBe(false);
    }
  });
});
