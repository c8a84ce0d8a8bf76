import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFhir } from '../../src/fhir/index.js';
import { validateRecord } from '../../src/validate/index.js';

// One patient, referenced as other systems reference a patient: the case and every measurement
// must name the same client, however each resource wrote the reference, or the measurements are
// returned as someone else's (OTHER_PATIENT) and the case is built without them.

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const MRN = 'https://hospital.example/mrn';
const PATIENT_URN = 'urn:uuid:11111111-1111-1111-1111-111111111111';
const patient = { resourceType: 'Patient', id: 'p1', identifier: [{ system: MRN, value: 'm-4471' }, { system: NHS, value: '9000000009' }] };

/** The ways a resource can name that patient. */
const REFERENCES: Record<string, unknown> = {
  urn: { reference: PATIENT_URN },
  relative: { reference: 'Patient/p1' },
  absolute: { reference: 'https://server.example/fhir/Patient/p1' },
  conditional: { reference: `Patient?identifier=${encodeURIComponent(NHS)}|9000000009` },
  nhsNumber: { identifier: { system: NHS, value: '9000000009' } },
  mrn: { type: 'Patient', identifier: { system: MRN, value: 'm-4471' } },
  referenceAndIdentifier: { reference: 'Patient/p1', identifier: { system: NHS, value: '9000000009' } },
};
const FORMS = Object.keys(REFERENCES);

const total = (n: number, subject: unknown) => ({
  fullUrl: `urn:uuid:33333333-3333-3333-3333-33333333333${n}`,
  resource: { resourceType: 'Observation', id: `o${n}`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject, effectiveDateTime: `2026-03-0${n + 1}T09:00:00Z`, valueInteger: 9 + n },
});
const bundle = (episodeRef: unknown, subjects: readonly unknown[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { fullUrl: PATIENT_URN, resource: patient },
    { fullUrl: 'urn:uuid:22222222-2222-2222-2222-222222222222', resource: { resourceType: 'EpisodeOfCare', id: 'ep-1', status: 'active', patient: episodeRef, period: { start: '2026-02-20T09:00:00Z' } } },
    ...subjects.map((s, i) => total(i, s)),
  ],
});
const options = { setting: 'clinic', now: '2026-04-01T00:00:00Z' } as const;
const withSystem = (personSystem: string | undefined) => (personSystem === undefined ? options : { ...options, personSystem });
const clientOf = (r: ReturnType<typeof fromFhir>) => (r.record?.events[0]?.data as { clientId?: string } | undefined)?.clientId;

describe('fromFhir names a patient the same however it is referenced', () => {
  it('property: the case and its measurements are one client, whatever reference each resource uses, with or without personSystem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMS), fc.array(fc.constantFrom(...FORMS), { minLength: 1, maxLength: 4 }), fc.constantFrom(undefined, NHS, MRN), (episodeForm, subjectForms, personSystem) => {
        const r = fromFhir(bundle(REFERENCES[episodeForm], subjectForms.map((f) => REFERENCES[f])), withSystem(personSystem));
        const client = clientOf(r);
        // personSystem names the client by its identifier there; with none, by the Patient's id.
        expect(client).toBe(personSystem === NHS ? '9000000009' : personSystem === MRN ? 'm-4471' : 'p1');
        expect(r.measurements.map((m) => m.clientId)).toEqual(subjectForms.map(() => client));
        expect(r.issues.filter((i) => i.code === 'OTHER_PATIENT')).toEqual([]);
        expect(r.record?.events.filter((e) => e.type === 'measurementRecorded')).toHaveLength(subjectForms.length);
        expect(validateRecord(r.record).valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('someone else stays someone else: another identifier, or another Patient, is OTHER_PATIENT and not filed', () => {
    const other = { resourceType: 'Patient', id: 'p2', identifier: [{ system: NHS, value: '9000000017' }] };
    for (const personSystem of [undefined, NHS]) {
      const input = bundle(REFERENCES.urn, [{ identifier: { system: NHS, value: '9000000017' } }, { reference: 'Patient/p2' }, { identifier: { system: MRN, value: 'm-9' } }]);
      const alone = fromFhir(input, withSystem(personSystem));
      const withOther = fromFhir({ ...input, entry: [...input.entry, { resource: other }] }, withSystem(personSystem));
      for (const r of [alone, withOther]) {
        expect(r.issues.filter((i) => i.code === 'OTHER_PATIENT').map((i) => i.path)).toEqual(['/entry/2/resource', '/entry/3/resource', '/entry/4/resource']);
        expect(r.record?.events.filter((e) => e.type === 'measurementRecorded')).toEqual([]);
      }
      // The other Patient, in the input, is named by the same rule as the case's client.
      expect(withOther.measurements.map((m) => m.clientId).slice(0, 2)).toEqual(personSystem === NHS ? ['9000000017', '9000000017'] : ['p2', 'p2']);
    }
  });

  it('our own export names the client by our identifier, so it imports back as the same client', () => {
    // Its Patient reference carries an id made FHIR-safe; the identifier keeps the client id itself.
    const ours = { reference: 'Patient/client.7', identifier: { system: 'urn:intervention-lifecycle:person', value: 'client_7' } };
    const r = fromFhir(bundle(ours, [ours]), options);
    expect([clientOf(r), r.measurements.map((m) => m.clientId)]).toEqual(['client_7', ['client_7']]);
  });
});

describe('fromFhir says whom each goal is for', () => {
  const goal = (id: string, subject: unknown) => ({ resource: { resourceType: 'Goal', id, lifecycleStatus: 'active', description: { text: 'Feel less low' }, subject } });

  it('the goal carries its client, named as the case\'s is; a goal for someone else is OTHER_PATIENT', () => {
    const input = bundle(REFERENCES.urn, []);
    const r = fromFhir({ ...input, entry: [...input.entry, goal('g1', REFERENCES.nhsNumber), goal('g2', { reference: 'Patient/p9' }), goal('g3', undefined)] }, withSystem(NHS));
    expect(r.goals.map((g) => [g.id, g.clientId])).toEqual([['g1', '9000000009'], ['g2', 'p9'], ['g3', null]]);
    expect(r.issues.filter((i) => i.code === 'OTHER_PATIENT').map((i) => [i.path, i.severity])).toEqual([['/entry/3/resource', 'warning']]);
  });
});
