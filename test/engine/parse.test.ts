import fc from 'fast-check';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CaseState } from '../../src/index.js';
import { commandSchema, fastParsers, parseCommand } from '../../src/engine/commands.js';
import { sampleCommand } from '../case/samples.js';
import { caseAt } from '../case/fixtures.js';

const state: CaseState = caseAt('active');
const samples = COMMAND_TYPES.map((type) => sampleCommand(type, state));

describe('parseCommand', () => {
  afterEach(() => {
    z.config({ jitless: false });
  });

  it('compiles a fast path for every command, one schema at a time', () => {
    for (const type of COMMAND_TYPES) expect(fastParsers().get(type), type).toBeTypeOf('function');
  });

  it('with z.config({ jitless: true }) parses exactly as zod does, and as the fast path does', () => {
    const variants = fc.sample(
      fc.tuple(fc.constantFrom(...samples), fc.constantFrom('type', 'reason', 'goalId', 'extra'), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined))),
      300,
    );
    const inputs = [...samples, ...variants.map(([s, key, value]) => ({ ...s, [key]: value })), null, 'x', { type: 'constructor' }];
    const fastResults = inputs.map((i) => parseCommand(i));
    z.config({ jitless: true });
    const jitless = inputs.map((i) => parseCommand(i));
    const zod = inputs.map((i) => commandSchema().safeParse(i));
    expect(jitless.map((r) => r.success)).toEqual(zod.map((r) => r.success));
    expect(fastResults.map((r) => (r.success ? r.data : r.error.issues))).toEqual(zod.map((r) => (r.success ? r.data : r.error.issues)));
  });
});
