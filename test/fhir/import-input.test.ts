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

describe('fromFhir reads one version of each resource', () => {
  // A history Bundle lists a resource's versions, newest first; a search may return a resource twice.
  const version = (score: number, versionId: string | undefined, status: string, lastUpdated?: string) => ({
    ...total('a', score),
    status,
    meta: { ...(versionId === undefined ? {} : { versionId }), ...(lastUpdated === undefined ? {} : { lastUpdated }) },
  });
  const bundle = (type: string, ...resources: unknown[]) => ({ resourceType: 'Bundle', type, entry: resources.map((resource) => ({ fullUrl: 'https://server.example/fhir/Observation/a', resource })) });
  const scores = (r: ReturnType<typeof fromFhir>) => r.measurements.map((m) => `${m.score} ${m.status}`);
  const said = (r: ReturnType<typeof fromFhir>) => r.issues.filter((i) => i.code !== 'NO_CASE').map((i) => [i.path, i.code]);

  it('the latest by versionId: a corrected PHQ-9 and the version it corrects are one measurement, not two at one instant', () => {
    for (const order of [[version(14, '2', 'corrected'), version(12, '1', 'final')], [version(12, '1', 'final'), version(14, '2', 'corrected')]]) {
      const r = fromFhir(bundle('collection', ...order), options);
      expect(scores(r)).toEqual(['14 amended']);
      expect(said(r)).toEqual([[order[0]?.meta.versionId === '1' ? '/entry/0/resource' : '/entry/1/resource', 'OLDER_VERSION']]);
    }
  });

  it('else by lastUpdated, else a history Bundle\'s order (newest first)', () => {
    expect(scores(fromFhir(bundle('searchset', version(12, undefined, 'final', '2026-03-02T10:00:00Z'), version(14, undefined, 'corrected', '2026-03-05T10:00:00+01:00')), options))).toEqual(['14 amended']);
    expect(scores(fromFhir(bundle('history', version(14, undefined, 'corrected'), version(12, undefined, 'final')), options))).toEqual(['14 amended']);
  });

  it('a history Bundle\'s DELETE: the versions listed after it (older) are not read; one made again after it is', () => {
    const deleted = { fullUrl: 'https://server.example/fhir/Observation/a', request: { method: 'DELETE', url: 'Observation/a' }, response: { status: '204' } };
    const history = (...entries: unknown[]) => ({ resourceType: 'Bundle', type: 'history', entry: entries });
    const entry = (resource: unknown) => ({ fullUrl: 'https://server.example/fhir/Observation/a', resource });
    // Entered by mistake, corrected, then deleted: nothing of it is the client's score.
    const gone = fromFhir(history(deleted, entry(version(14, '2', 'corrected')), entry(version(12, '1', 'final'))), options);
    expect([scores(gone), said(gone)]).toEqual([[], [['/entry/0', 'DELETED']]]);
    expect(gone.issues.find((i) => i.code === 'DELETED')).toMatchObject({ severity: 'info', message: 'Observation/a was deleted at the source: its 2 earlier versions are not read' });
    // Made again after the deletion: the new version is read, the deleted one is not.
    const again = fromFhir(history(entry(version(9, '3', 'final')), deleted, entry(version(12, '1', 'final'))), options);
    expect([scores(again), said(again)]).toEqual([['9 final'], [['/entry/1', 'DELETED']]]);
    // Another resource's deletion takes nothing of this one; a DELETE outside a history Bundle deletes nothing.
    const other = fromFhir(history({ request: { method: 'DELETE', url: 'Observation/b' } }, entry(version(12, '1', 'final'))), options);
    expect(scores(other)).toEqual(['12 final']);
    const transaction = fromFhir(bundle('transaction', version(12, '1', 'final')), options);
    const withDelete = fromFhir({ ...bundle('transaction', version(12, '1', 'final')), entry: [deleted, ...bundle('transaction', version(12, '1', 'final')).entry] }, options);
    expect([scores(withDelete), said(withDelete)]).toEqual([scores(transaction), [['/entry/0', 'NO_RESOURCE']]]);
  });

  it('two copies nothing orders: the first is read and the doubt said', () => {
    const r = fromFhir(bundle('collection', version(12, undefined, 'final'), version(14, undefined, 'final')), options);
    expect([scores(r), said(r)]).toEqual([['12 final'], [['/entry/1/resource', 'DUPLICATE_RESOURCE']]]);
  });
});

describe('fromFhir says which resources it does not carry', () => {
  it('once a type, with how many: the sessions, consents and care plan of an exported case are not left behind unseen', () => {
    const encounter = (id: string) => ({ resourceType: 'Encounter', id, status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/p1' } });
    const consent = { resourceType: 'Consent', id: 'c1', status: 'active', scope: { text: 'treatment' }, category: [{ text: 'consent' }], patient: { reference: 'Patient/p1' } };
    const r = fromFhir([episode, encounter('v1'), consent, encounter('v2'), { resourceType: 'Patient', id: 'p1' }, total('a', 12)], options);
    expect(r.issues.filter((i) => i.code === 'NOT_READ').map((i) => [i.path, i.severity, i.message])).toEqual([
      ['/1', 'info', '2 Encounter resources are not read: the import carries measurements, goals and the episode (the FHIR guide lists what maps)'],
      ['/2', 'info', '1 Consent resource is not read: the import carries measurements, goals and the episode (the FHIR guide lists what maps)'],
    ]);
    expect(r.measurements).toHaveLength(1);
  });
});

describe('fromFhir lists a thousand issues and counts the rest', () => {
  const obs = (code: string, at: string) => ({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: at, valueInteger: 9 });

  it('past the thousandth, one more says how many, of which codes, as severe as the worst: an error past the limit is not lost', () => {
    const input = [...Array.from({ length: 1000 }, () => obs('8867-4', '2026-03-01T10:00:00Z')), ...Array.from({ length: 3 }, () => obs('44261-6', '2026-03-01T10:00:00'))];
    const issues = fromFhir(input, options).issues;
    expect(issues).toHaveLength(1001);
    expect(issues.slice(0, 1000).every((i) => i.severity === 'info')).toBe(true);
    expect(issues[1000]).toEqual({ path: '', code: 'TOO_MANY_ISSUES', severity: 'error', message: '4 more issues were not listed (3 errors, 0 warnings, 1 info): NO_OFFSET 3, NO_CASE 1' });
    expect(fromFhir(input.slice(0, 999), options).issues.map((i) => i.code)).not.toContain('TOO_MANY_ISSUES');
  });
});
