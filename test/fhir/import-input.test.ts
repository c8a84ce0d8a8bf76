import { describe, expect, it } from 'vitest';
import { fromFhir } from '../../src/fhir/index.js';

// What fromFhir takes as text: JSON (a Bundle, an array, one resource), or NDJSON, one resource a
// line, as a FHIR bulk export ($export) writes it.

const total = (id: string, score: number) => ({ resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: `2026-03-0${id === 'a' ? 2 : 9}T09:00:00Z`, valueInteger: score });
const episode = { resourceType: 'EpisodeOfCare', id: 'ep-1', status: 'active', patient: { reference: 'Patient/p1' }, period: { start: '2026-02-01T09:00:00Z' } };
const options = { now: '2026-12-01T00:00:00Z', setting: 'clinic' } as const;
const ndjson = (...lines: string[]) => lines.join('\n');

describe('fromFhir reads NDJSON text, one resource a line', () => {
  it('as the array of its lines: the same measurements and case as the JSON array, paths indexing lines from 0', () => {
    const resources = [episode, total('a', 12), total('b', 9)];
    const fromLines = fromFhir(ndjson(...resources.map((r) => JSON.stringify(r))), options);
    const fromArray = fromFhir(JSON.stringify(resources), options);
    expect(fromLines).toEqual(fromArray);
    expect(fromLines.measurements.map((m) => m.score)).toEqual([12, 9]);
    expect(fromLines.record?.events.map((e) => e.type)).toEqual(['caseOpened', 'assessmentStarted', 'measurementRecorded', 'measurementRecorded']);
  });

  it('skips blank lines and CRLF endings, keeping each line\'s own index in paths', () => {
    const r = fromFhir(`${JSON.stringify(total('a', 12))}\r\n\r\n${JSON.stringify({ resourceType: 'Observation', id: 'x', status: 'final', code: { text: 'Mood' } })}\r\n`, options);
    expect(r.measurements.map((m) => m.score)).toEqual([12]);
    expect(r.issues.find((i) => i.code === 'NO_VALUE' || i.code === 'UNMAPPED_OBSERVATION')?.path).toMatch(/^\/2\//);
  });

  it('reports a line that is not JSON by its number, and reads the rest', () => {
    const r = fromFhir(ndjson(JSON.stringify(episode), '{"resourceType": "Observation",', JSON.stringify(total('b', 9))), options);
    expect(r.issues.filter((i) => i.code === 'INVALID_JSON').map((i) => [i.path, i.message.slice(0, 22)])).toEqual([['/1', 'line 2 is not JSON: Ex']]);
    expect(r.measurements.map((m) => m.score)).toEqual([9]);
  });

  it('but a broken JSON document is reported as one, not line by line', () => {
    const r = fromFhir('{\n  "resourceType": "Observation",\n  oops\n}', options);
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([['', 'INVALID_JSON'], ['', 'NO_CASE']]);
    expect(r.issues[0]?.message).toMatch(/^the input is not JSON: /);
  });

  it('reads JSON text that starts with a byte order mark', () => {
    expect(fromFhir(`\uFEFF${JSON.stringify(total('a', 12))}`, options).measurements.map((m) => m.score)).toEqual([12]);
  });
});
