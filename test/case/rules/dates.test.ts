import { UTCDate } from '@date-fns/utc';
import { addDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysUtc, calendarDaysUtc } from '../../../src/case/rules/dates.js';

describe('UTC calendar arithmetic', () => {
  it('addDaysUtc agrees with date-fns addDays on a UTCDate, for instants and dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -1000, max: 1000 }), (ms, days) => {
        const instant = new Date(ms).toISOString();
        expect(addDaysUtc(instant, days)).toBe(addDays(new UTCDate(instant), days).toISOString().slice(0, 10));
        const date = instant.slice(0, 10);
        expect(addDaysUtc(date, days)).toBe(addDays(new UTCDate(`${date}T00:00:00Z`), days).toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it('crosses month ends, leap days and instants with offsets', () => {
    expect(addDaysUtc('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysUtc('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDaysUtc('2026-12-31T23:59:59.999Z', 1)).toBe('2027-01-01');
    // 23:30 at UTC-2 is already the next UTC day.
    expect(addDaysUtc('2026-01-05T23:30:00-02:00', 0)).toBe('2026-01-06');
    expect(calendarDaysUtc('2026-01-05T23:00:00.000Z', '2026-01-06T01:00:00.000Z')).toBe(1);
  });
});
