import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { randomId, sequentialIds, steppingClock, systemClock, toInstant } from '../../src/kernel/index.js';
import { asOfInstant, compareInstants, formatInstant, isBefore, isCanonicalInstant } from '../../src/kernel/clock.js';
import fc from 'fast-check';

describe('clock', () => {
  it('systemClock gives an ISO instant', () => {
    const now = systemClock();
    expect(typeof now === 'string' && toInstant(now) === now).toBe(true);
  });

  it('toInstant normalises Dates and offsets to UTC with milliseconds', () => {
    expect(toInstant(new Date(Date.UTC(2026, 0, 5, 10)))).toBe('2026-01-05T10:00:00.000Z');
    expect(toInstant('2026-01-05T11:00:00+01:00')).toBe('2026-01-05T10:00:00.000Z');
    expect(toInstant('2026-01-05T10:00:00Z')).toBe('2026-01-05T10:00:00.000Z');
  });

  it('toInstant refuses what is not an instant', () => {
    expect(() => toInstant('2026-01-05')).toThrow(RangeError);
    expect(() => toInstant('yesterday')).toThrow(RangeError);
    expect(() => toInstant(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toInstant('2026-13-45T10:00:00Z')).toThrow(RangeError);
  });

  it('steppingClock is deterministic', () => {
    const now = steppingClock('2026-01-05T10:00:00.000Z', 60_000);
    expect([now(), now(), now()]).toEqual(['2026-01-05T10:00:00.000Z', '2026-01-05T10:01:00.000Z', '2026-01-05T10:02:00.000Z']);
  });
});

describe('ids', () => {
  it('randomId gives distinct v4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, () => randomId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sequentialIds counts from one, per generator', () => {
    const a = sequentialIds('g-');
    const b = sequentialIds();
    expect([a(), a(), b()]).toEqual(['g-1', 'g-2', 'id-1']);
  });
});

describe('toInstant fast path', () => {
  it('accepts canonical instants as they are and refuses impossible ones', () => {
    expect(toInstant('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    for (const bad of ['2026-02-29T10:00:00.000Z', '2026-04-31T10:00:00.000Z', '2026-01-05T24:00:00.000Z', '2026-01-05T10:60:00.000Z', '2026-00-05T10:00:00.000Z', '2026-01-05T10:00:00.0a0Z']) {
      expect(() => toInstant(bad), bad).toThrow(RangeError);
    }
  });
});

describe('compareInstants', () => {
  it('orders canonical instants as time does, and instants with offsets by parsing them', () => {
    expect(compareInstants('2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.001Z')).toBeLessThan(0);
    expect(compareInstants('2026-01-06T00:00:00.000Z', '2026-01-05T23:59:59.999Z')).toBeGreaterThan(0);
    expect(compareInstants('2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')).toBe(0);
    // Same instant written two ways; string order alone would call them different.
    expect(compareInstants('2026-01-05T10:00:00.000Z', '2026-01-05T11:00:00+01:00')).toBe(0);
    expect(compareInstants('2026-01-05T10:30:00+01:00', '2026-01-05T10:00:00.000Z')).toBeLessThan(0);
    expect(compareInstants('not a date', '2026-01-05T10:00:00.000Z')).toBeNaN();
  });
});

describe('systemClock', () => {
  it('follows the time from one millisecond to the next', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-03-01T08:00:00.000Z'));
      expect(systemClock()).toBe('2026-03-01T08:00:00.000Z');
      expect(systemClock()).toBe('2026-03-01T08:00:00.000Z');
      vi.setSystemTime(new Date('2026-03-01T08:00:00.001Z'));
      expect(systemClock()).toBe('2026-03-01T08:00:00.001Z');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('formatInstant', () => {
  it('writes exactly what Date#toISOString writes, across years 0000 to 9999 and beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000 - 1e12, max: 253_402_300_799_999 + 1e12 }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, -1, -62_167_219_200_000, 253_402_300_799_999, Date.UTC(2000, 1, 29), Date.UTC(1900, 1, 28, 23, 59, 59, 999)]) {
      expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });

  it('writes what toISOString writes for a clock that moves on by steps, back and forth across days (its date is kept from call to call)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.array(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), { maxLength: 60 }), (start, steps) => {
        let ms = start;
        for (const d of [0, ...steps]) {
          ms = Math.min(253_402_300_799_999, Math.max(-62_167_219_200_000, ms + d));
          expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('regression: before anything is formatted, an empty string is no instant (it passed for one)', () => {
    // A fresh process: in this one, other tests have formatted instants already.
    const code = "const c = await import('./src/kernel/clock.ts'); console.log(JSON.stringify([c.isCanonicalInstant(''), c.canonicalOrEmpty(''), (() => { try { return c.toInstant(''); } catch { return 'refused'; } })()]));";
    const r = spawnSync(process.execPath, ['--import', './bench/register.mjs', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([false, '', 'refused']);
  });

  it('makes isCanonicalInstant trust only what it wrote in the canonical form, never the wider years written another way', () => {
    const inRange = formatInstant(Date.UTC(2026, 0, 5));
    expect(isCanonicalInstant(inRange)).toBe(true);
    const wide = formatInstant(253_402_300_800_000);
    expect(wide).toBe('+010000-01-01T00:00:00.000Z');
    expect(isCanonicalInstant(wide)).toBe(false);
    expect(isCanonicalInstant('2026-02-30T00:00:00.000Z')).toBe(false);
  });

  it('drops a fractional millisecond as Date does (toward zero), never writing it', () => {
    fc.assert(
      fc.property(fc.double({ min: -62_167_219_200_000, max: 253_402_300_799_999, noNaN: true }), (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 3000 },
    );
    expect(formatInstant(1.9)).toBe('1970-01-01T00:00:00.001Z');
    expect(formatInstant(-0.5)).toBe(new Date(-0.5).toISOString());
  });
});

describe('asOfInstant', () => {
  it('reads a date as its UTC midnight and an instant with any offset as the same moment', () => {
    expect(asOfInstant('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(asOfInstant('2026-03-01T02:00:00+02:00')).toBe('2026-03-01T00:00:00.000Z');
  });

  it('refuses a date that does not exist, saying so of the date as given', () => {
    expect(() => asOfInstant('2026-02-30')).toThrow('"2026-02-30" is not a calendar date');
    expect(() => asOfInstant('2026-13-01')).toThrow('"2026-13-01" is not a calendar date');
    expect(() => asOfInstant('2026-03-01T10:00:00')).toThrow(/with an offset/);
  });

  it('isBefore agrees with compareInstants, for canonical instants and for any offset they are written in', () => {
    const written = (ms: number, minutes: number) =>
      minutes === 0 ? new Date(ms).toISOString() : `${new Date(ms + minutes * 60_000).toISOString().slice(0, 23)}${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
    const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00.000Z'), max: Date.parse('2040-01-01T00:00:00.000Z') });
    const offset = fc.constantFrom(0, 0, 330, -480, 840, -210);
    fc.assert(
      fc.property(instant, instant, offset, offset, fc.boolean(), (a, b, oa, ob, same) => {
        const x = written(a, oa);
        const y = written(same ? a : b, ob);
        expect(isBefore(x, y)).toBe(compareInstants(x, y) < 0);
        expect(isBefore(x, y)).toBe(a < (same ? a : b));
      }),
    );
  });
});
