import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NdjsonBlock } from '../../src/cli/ndjson-block.js';

describe('NdjsonBlock', () => {
  it('holds exactly the UTF-8 of its lines, each followed by a newline, whatever it started with', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 400 }), { maxLength: 30 }), fc.integer({ min: 0, max: 5000 }), (lines, expected) => {
        const block = new NdjsonBlock(expected);
        for (const line of lines) block.add(line);
        const want = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
        expect(block.size).toBe(want.length);
        expect(Buffer.from(block.view()).equals(Buffer.from(want))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('holds only its own lines when it refills a buffer an earlier block used', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 400 }), { maxLength: 30 }), fc.uint8Array({ minLength: 0, maxLength: 5000 }), (lines, old) => {
        const block = new NdjsonBlock(100, old.slice().buffer);
        for (const line of lines) block.add(line);
        const want = new TextEncoder().encode(lines.map((l) => `${l}\n`).join(''));
        expect(Buffer.from(block.view()).equals(Buffer.from(want))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first guess (a line longer than the whole buffer)', () => {
    const block = new NdjsonBlock(1);
    const long = 'é'.repeat(5000) + '😀'.repeat(700);
    block.add(long);
    block.add('{"a":1}');
    expect(new TextDecoder().decode(block.view())).toBe(`${long}\n{"a":1}\n`);
  });
});
