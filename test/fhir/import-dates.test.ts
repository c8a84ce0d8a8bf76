import { describe, expect, it } from 'vitest';
import { fromFhir } from '../../src/fhir/index.js';
import { validateRecord } from '../../src/validate/index.js';

// The import dates the record by the source's own times (the case opens at the referral, each
// measurement is recorded when it was taken), so the engine's "nothing dated after it is recorded"
// cannot catch a mistyped year: the import itself refuses what is dated after it happens.

const episode = (start: string) => ({ resourceType: 'EpisodeOfCare', id: 'ep-1', status: 'active', patient: { reference: 'Patient/p1' }, period: { start } });
const total = (id: string, at: string) => ({ resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: at, valueInteger: 9 });
const bundle = (...resources: unknown[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });
const errors = (r: ReturnType<typeof fromFhir>) => r.issues.filter((i) => i.severity === 'error').map((i) => [i.path, i.code]);

describe('fromFhir files nothing dated after the import', () => {
  const now = '2026-03-10T12:00:00.000Z';

  it('a measurement dated later (2099 for 2026) is returned but not filed, with an error naming it', () => {
    const r = fromFhir(bundle(episode('2026-02-20T09:00:00Z'), total('ok', '2026-03-01T09:00:00Z'), total('typo', '2099-03-01T09:00:00Z')), { setting: 'clinic', now });
    expect(r.measurements.map((m) => m.id)).toEqual(['ok', 'typo']);
    expect(r.record?.events.filter((e) => e.type === 'measurementRecorded').map((e) => e.data)).toEqual([expect.objectContaining({ measurement: expect.objectContaining({ id: 'ok' }) })]);
    expect(errors(r)).toEqual([['/entry/2/resource', 'IN_FUTURE']]);
    expect(r.issues.find((i) => i.code === 'IN_FUTURE')?.message).toBe('the measurement is dated 2099-03-01T09:00:00.000Z, after the import (2026-03-10T12:00:00.000Z): not filed');
    expect(validateRecord(r.record).valid).toBe(true);
    // Judged by the instant: 13:30 at UTC+02:00 is 11:30Z, before the import; the next day is after.
    expect(errors(fromFhir(bundle(episode('2026-02-20T09:00:00Z'), total('a', '2026-03-10T13:30:00+02:00')), { setting: 'clinic', now }))).toEqual([]);
    expect(errors(fromFhir(bundle(episode('2026-02-20T09:00:00Z'), total('b', '2026-03-11')), { setting: 'clinic', now }))).toEqual([['/entry/1/resource', 'IN_FUTURE']]);
  });

  it('a case referred later gives no record; an episode started later is not started', () => {
    const later = fromFhir(bundle(episode('2027-02-20T09:00:00Z')), { setting: 'clinic', now });
    expect([later.record, errors(later)]).toEqual([undefined, [['/entry/0/resource', 'IN_FUTURE']]]);
    const request = { resourceType: 'ServiceRequest', id: 'sr-1', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, authoredOn: '2026-02-01T09:00:00Z' };
    const started = { ...episode('2026-02-20T09:00:00Z'), referralRequest: [{ reference: 'ServiceRequest/sr-1' }], statusHistory: [{ status: 'active', period: { start: '2026-04-01T09:00:00Z' } }] };
    const r = fromFhir(bundle(request, started), { setting: 'clinic', now });
    expect(r.record?.events.map((e) => e.type)).toEqual(['caseOpened']);
    expect(errors(r)).toEqual([['/entry/1/resource', 'IN_FUTURE']]);
  });

  it('now defaults to the system clock; one that is not an instant is an issue, never an exception', () => {
    expect(errors(fromFhir(bundle(episode('2026-02-20T09:00:00Z'), total('far', '9999-01-01T00:00:00Z')), { setting: 'clinic' }))).toEqual([['/entry/1/resource', 'IN_FUTURE']]);
    const bad = fromFhir(bundle(episode('2026-02-20T09:00:00Z')), { setting: 'clinic', now: 'next week' });
    expect([bad.record, errors(bad)]).toEqual([undefined, [['', 'INVALID_OPTION']]]);
  });
});

describe('fromFhir says which time it read', () => {
  const obs = (times: Record<string, unknown>) => ({ resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject: { reference: 'Patient/p1' }, valueInteger: 9, ...times });
  const read = (times: Record<string, unknown>) => {
    const r = fromFhir(obs(times));
    return [r.measurements[0]?.takenAt, r.issues.filter((i) => i.code !== 'NO_CASE').map((i) => [i.path, i.code])];
  };

  it('effective[x] first; issued (when released) only without one, with a warning; a bad time is reported where it is', () => {
    expect(read({ effectivePeriod: { start: '2026-03-01T10:00:00+01:00' }, issued: '2026-03-05T10:00:00Z' })).toEqual(['2026-03-01T09:00:00.000Z', []]);
    expect(read({ issued: '2026-03-05T10:00:00Z' })).toEqual(['2026-03-05T10:00:00.000Z', [['/issued', 'ISSUED_AS_TAKEN']]]);
    expect(read({ effectivePeriod: { start: '2026-03-01T10:00:00' } })).toEqual([undefined, [['/effectivePeriod/start', 'NO_OFFSET']]]);
    expect(read({})).toEqual([undefined, [['/effectiveDateTime', 'MISSING_TIME']]]);
  });

  it('a period with only its end is dated by it (it was "no time given" and left out)', () => {
    expect(read({ effectivePeriod: { end: '2026-03-01T10:20:00Z' }, issued: '2026-03-05T10:00:00Z' })).toEqual(['2026-03-01T10:20:00.000Z', []]);
    expect(read({ effectivePeriod: { end: '2026-03-01T10:20:00' } })).toEqual([undefined, [['/effectivePeriod/end', 'NO_OFFSET']]]);
  });
});
