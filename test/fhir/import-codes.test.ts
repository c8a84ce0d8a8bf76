import { describe, expect, it } from 'vitest';
import { fromFhir } from '../../src/fhir/index.js';

// The code systems real records use for the same facts: UK records code PROM totals in SNOMED CT,
// and LOINC's system is written more than one way.
const SNOMED = 'http://snomed.info/sct';
const PHQ9_ITEMS = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
const now = '2026-12-01T00:00:00.000Z';
const observation = (id: string, code: Record<string, unknown>, extra: Record<string, unknown>) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code,
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-02T09:00:00+01:00',
  ...extra,
});
const imported = (...resources: unknown[]) => {
  const r = fromFhir(resources, { now });
  return { scores: r.measurements.map((m) => `${String(m.instrumentId)} ${String(m.score)}`), codes: r.issues.filter((i) => i.code !== 'NO_CASE').map((i) => i.code), issues: r.issues };
};

describe('fromFhir reads a total coded in SNOMED CT', () => {
  it('PHQ-9, GAD-7 and PHQ-2 totals, as UK records code them', () => {
    const r = imported(
      observation('a', { coding: [{ system: SNOMED, code: '720433000', display: 'Patient Health Questionnaire Nine Item score' }] }, { valueInteger: 14 }),
      observation('b', { coding: [{ system: SNOMED, code: '445455005' }] }, { valueQuantity: { value: 9, unit: '{score}' } }),
      observation('c', { coding: [{ system: SNOMED, code: '836541000000100' }] }, { valueInteger: 3 }),
    );
    expect(r.scores).toEqual(['phq9 14', 'gad7 9', 'phq2 3']);
    expect(r.codes).toEqual([]);
  });

  it('so a SNOMED CT PHQ-9 of 26 is filed and its implied item 9 said, not dropped as unmapped', () => {
    const r = imported(observation('a', { coding: [{ system: SNOMED, code: '720433000' }] }, { valueInteger: 26 }));
    expect(r.scores).toEqual(['phq9 26']);
    expect(r.codes).toEqual(['RISK_IMPLIED']);
  });

  it('checks the total against the instrument as a LOINC total is checked', () => {
    expect(imported(observation('a', { coding: [{ system: SNOMED, code: '445455005' }] }, { valueInteger: 26 })).codes).toEqual(['OUT_OF_RANGE']);
  });

  it('names a code it cannot map by its system and code, not as uncoded', () => {
    const r = imported(observation('a', { coding: [{ system: SNOMED, code: '273724008' }] }, { valueInteger: 12 }));
    expect(r.scores).toEqual([]);
    expect(r.issues.find((i) => i.code === 'UNMAPPED_OBSERVATION')?.message).toContain('"http://snomed.info/sct|273724008"');
  });
});

describe('fromFhir reads LOINC under the other ways its system is written', () => {
  for (const system of ['https://loinc.org', 'http://loinc.org/', 'urn:oid:2.16.840.1.113883.6.1']) {
    it(`a total and its item answers coded with ${system}`, () => {
      const r = imported(
        observation('t', { coding: [{ system, code: '44261-6' }] }, { valueInteger: 5 }),
        ...PHQ9_ITEMS.map((code, i) => observation(`i${i}`, { coding: [{ system, code }] }, { valueCodeableConcept: { coding: [{ system, code: i === 8 ? 'LA6571-9' : 'LA6568-5' }] } })),
      );
      // Item 9 "nearly every day" (3) among eight 0s: read, so the total is the items' 3, not the 5 stated.
      expect(r.scores).toEqual(['phq9 3']);
      expect(r.codes).toEqual(['TOTAL_MISMATCH']);
    });
  }

  it('but not a look-alike system', () => {
    expect(imported(observation('t', { coding: [{ system: 'http://loinc.org.example', code: '44261-6' }] }, { valueInteger: 5 })).codes).toEqual(['UNMAPPED_OBSERVATION']);
  });
});
