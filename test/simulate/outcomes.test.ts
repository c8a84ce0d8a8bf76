import { describe, expect, it } from 'vitest';
import { outcomeRows } from '../../src/simulate/index.js';
import { instrumentChanges } from '../../src/case/rules/outcomes.js';
import { caseAt, must, people, world } from '../case/fixtures.js';

describe('outcomeRows', () => {
  it('gives no row for a case marked entered in error (a duplicate, the wrong client), consent or not', () => {
    const ctx = world('2026-03-01T09:00:00.000Z');
    const s = must(caseAt('active'), { type: 'recordConsent', consentId: 'k-research', scope: 'research', grantedBy: 'client-1' }, ctx(people.client));
    expect(outcomeRows(s)).toHaveLength(1);
    const retired = must(s, { type: 'markEnteredInError', reason: 'Duplicate of case c-0' }, ctx(people.admin));
    expect(retired.status).toBe('entered-in-error');
    expect(outcomeRows(retired)).toEqual([]);
    expect(outcomeRows(retired, { asOf: s.updatedAt })).toEqual([]);
  });

  it('takes first and last scores by the time they were taken (a score entered late is not the last), as its change category does', () => {
    const ctx = world('2026-03-01T09:00:00.000Z');
    let s = must(caseAt('active'), { type: 'recordConsent', consentId: 'k-research', scope: 'research', grantedBy: 'client-1' }, ctx(people.client));
    for (const [score, takenAt] of [[20, '2026-02-10T09:00:00.000Z'], [18, '2026-02-20T09:00:00.000Z'], [8, '2026-02-01T09:00:00.000Z']] as const) {
      s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score, takenAt, source: 'clinician-rated' }, ctx(people.lead));
    }
    const phq9 = outcomeRows(s)[0]?.instruments.phq9;
    expect(phq9).toMatchObject({ first: 8, last: 18 });
    const change = instrumentChanges(s).find((c) => c.instrumentId === 'phq9');
    expect([change?.pre, change?.post]).toEqual([8, 18]);
    expect(phq9?.change).toBe(change?.category);
  });
});
