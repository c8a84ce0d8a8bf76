import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli, fx } from './cli-run.js';

describe.runIf(existsSync(bin))('intervention-lifecycle fhir', () => {
  it('exports a record as a Bundle, imports it back to a record that validates; many records are NDJSON; bad ones are skipped with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-fhir-'));
    try {
      const exported = cli(['fhir', 'export', fx('valid-with-snapshot')]);
      expect(exported.code).toBe(0);
      const bundle = JSON.parse(exported.out) as { resourceType: string; type: string };
      expect([bundle.resourceType, bundle.type]).toEqual(['Bundle', 'collection']);
      writeFileSync(join(dir, 'b.json'), exported.out);
      const imported = cli(['fhir', 'import', join(dir, 'b.json'), '--out', join(dir, 'r.json'), '--setting', 'clinic']);
      expect(imported.code).toBe(0);
      expect(cli(['validate', join(dir, 'r.json')]).code).toBe(0);
      const lines = [readFileSync(fx('valid-without-snapshot'), 'utf8').replace(/\n/g, ''), '{"format":"nope"}'].join('\n');
      const many = cli(['fhir', 'export', '-', '--type', 'transaction'], `${lines}\n`);
      expect(many.code).toBe(1);
      expect(many.out.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['transaction']);
      expect(many.err).toMatch(/line 2: The record does not validate/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports import issues on stderr with their paths (exit 1), and usage errors with exit 2', () => {
    const r = cli(['fhir', 'import', '-'], JSON.stringify({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, effectiveDateTime: '2026-01-05T10:00:00', valueInteger: 9 }));
    expect(r.code).toBe(1);
    expect(r.err).toContain('error /effectiveDateTime NO_OFFSET');
    // A bulk export's NDJSON, one resource a line: read line by line, issues pointing at the line.
    const obs = (at: string) => JSON.stringify({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: at, valueInteger: 9 });
    const bulk = cli(['fhir', 'import', '-'], `${obs('2026-01-05T10:00:00Z')}\n${obs('2026-01-12T10:00:00')}\n`);
    expect((JSON.parse(bulk.out) as { measurements: unknown[] }).measurements).toHaveLength(1);
    expect(bulk.err).toContain('error /1/effectiveDateTime NO_OFFSET');
    expect(cli(['fhir', 'export']).code).toBe(2);
    expect(cli(['fhir', 'import', 'x.json', '--type', 'transaction']).err).toContain('--type is for fhir export');
    expect(cli(['fhir', 'import', 'x.json', '--share-with', 'gp-1']).err).toContain('--share-with is for fhir export');
  });

  it('--person-system names clients by that identifier: export writes it, import reads it back as the same client', () => {
    const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
    const exported = cli(['fhir', 'export', fx('valid-with-snapshot'), '--person-system', NHS]);
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(exported.out) as { entry: { resource: { resourceType: string; patient?: { identifier?: { system?: string; value?: string } } } }[] };
    const patient = bundle.entry.find((e) => e.resource.resourceType === 'EpisodeOfCare')?.resource.patient?.identifier;
    expect(patient?.system).toBe(NHS);
    // The client's only: the staff's ids are no NHS numbers.
    const inNhs = new Set<unknown>();
    JSON.parse(exported.out, (key, value: unknown) => {
      const v = value as { system?: unknown; value?: unknown } | null;
      if (typeof v === 'object' && v !== null && v.system === NHS) inNhs.add(v.value);
      return value;
    });
    expect([...inNhs]).toEqual([patient?.value]);
    const imported = cli(['fhir', 'import', '-', '--person-system', NHS], exported.out);
    const record = (JSON.parse(imported.out) as { record: { events: { data: { clientId?: string } }[] } }).record;
    expect(record.events[0]?.data.clientId).toBe(patient?.value);
    expect(cli(['fhir', 'import', 'x.json', '--person-system', 'nhs number']).code).toBe(2);
    // Another system's Bundle: the Patient's id is not its NHS number; the flag decides which names the client.
    const theirs = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
      { fullUrl: 'urn:uuid:11111111-1111-1111-1111-111111111111', resource: { resourceType: 'Patient', id: 'p1', identifier: [{ system: NHS, value: '9000000009' }] } },
      { resource: { resourceType: 'EpisodeOfCare', id: 'ep-1', status: 'active', patient: { reference: 'urn:uuid:11111111-1111-1111-1111-111111111111' }, period: { start: '2026-02-20T09:00:00Z' } } },
    ] });
    const clientOf = (args: string[]) => (JSON.parse(cli(['fhir', 'import', '-', ...args], theirs).out) as { record: { events: { data: { clientId?: string } }[] } }).record.events[0]?.data.clientId;
    expect([clientOf([]), clientOf(['--person-system', NHS])]).toEqual(['p1', '9000000009']);
  });

  it('imports back what it exports for many records: NDJSON of Bundles, one record per Bundle, each valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-fhir-many-'));
    try {
      const one = JSON.stringify(JSON.parse(readFileSync(fx('valid-with-snapshot'), 'utf8')));
      const other = one.replaceAll('"c-1"', '"c-2"').replaceAll('"client-1"', '"client-2"');
      const exported = cli(['fhir', 'export', '-'], `${one}\n${other}\n`);
      expect(exported.code).toBe(0);
      writeFileSync(join(dir, 'bundles.ndjson'), exported.out);
      const listed = cli(['fhir', 'import', join(dir, 'bundles.ndjson'), '--setting', 'clinic']);
      const results = listed.out.trim().split('\n').map((l) => JSON.parse(l) as { record: { events: { caseId: string; data: { clientId?: string } }[] } });
      expect(results.map((r) => [r.record.events[0]?.caseId, r.record.events[0]?.data.clientId])).toEqual([['c-1', 'client-1'], ['c-2', 'client-2']]);
      expect(listed.err).not.toMatch(/OTHER_CASE|OTHER_PATIENT/);
      const written = cli(['fhir', 'import', join(dir, 'bundles.ndjson'), '--setting', 'clinic', '--out', join(dir, 'cases.ndjson')]);
      expect(written.code).toBe(listed.code);
      expect(readFileSync(join(dir, 'cases.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
      expect(cli(['validate', join(dir, 'cases.ndjson')]).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an --out it cannot write is said as such, not as the input it read (exit 2)', () => {
    expect(cli(['fhir', 'export', fx('valid-with-snapshot'), '--out', 'no/such/dir/b.json']).err).toBe('intervention-lifecycle fhir export: cannot write no/such/dir/b.json: no such folder\n');
    const imported = cli(['fhir', 'export', fx('valid-with-snapshot')]);
    const r = cli(['fhir', 'import', '-', '--out', 'no/such/dir/case.json'], imported.out);
    expect([r.code, r.err.trim().split('\n').at(-1)]).toEqual([2, 'intervention-lifecycle fhir import: cannot write no/such/dir/case.json: no such folder']);
  });

  it("exports records made under a policy of their own given it (--scenario or --policy); without it they are skipped as invalid", () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-fhir-own-'));
    try {
      const scenarioFile = join(dir, 'own.json');
      writeFileSync(scenarioFile, JSON.stringify({ pathways: [{ steps: [{ modality: 'walk-and-talk', role: 'peer-supporter', sessions: 2 }] }] }));
      const records = cli(['simulate', scenarioFile, '--clients', '2', '--quiet']).out;
      const bare = cli(['fhir', 'export', '-'], records);
      expect([bare.code, bare.out]).toEqual([1, '']);
      expect(bare.err).toContain('unknown modality walk-and-talk');
      const given = cli(['fhir', 'export', '-', '--scenario', scenarioFile], records);
      expect([given.code, given.err]).toEqual([0, '']);
      expect(given.out.trim().split('\n').map((l) => (JSON.parse(l) as { resourceType: string }).resourceType)).toEqual(['Bundle', 'Bundle']);
      writeFileSync(join(dir, 'policy.json'), JSON.stringify({ modalities: [{ name: 'walk-and-talk', roles: ['peer-supporter'], needsConsent: false }] }));
      expect(cli(['fhir', 'export', '-', '--policy', join(dir, 'policy.json')], records).out).toBe(given.out);
      writeFileSync(join(dir, 'bad-policy.json'), JSON.stringify({ modalities: 'all', reviewIntervalDays: -1 }));
      const bad = cli(['fhir', 'export', '-', '--policy', join(dir, 'bad-policy.json')], records);
      expect(bad.code).toBe(2);
      expect(bad.err.split('\n').length).toBeGreaterThan(2); // every problem on its own line
      expect(cli(['fhir', 'import', '-', '--scenario', scenarioFile], given.out).err).toContain('--scenario is for fhir export');
      // A programme record among the cases (as simulate --groups writes them) is skipped as such.
      writeFileSync(join(dir, 'groups.json'), JSON.stringify({ programme: { capacity: 2, weeks: 2 } }));
      const groups = cli(['simulate', join(dir, 'groups.json'), '--clients', '0', '--groups', '1', '--quiet']).out;
      const mixed = cli(['fhir', 'export', '-'], groups);
      expect(mixed.code).toBe(1);
      expect(mixed.err).toBe('- line 1: a programme record; fhir export exports case records (skipped)\n');
      expect(mixed.out.trim().split('\n')).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an --out that is its input file, which writing would overwrite: exit 2, the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-fhir-same-'));
    try {
      const record = join(dir, 'case.json');
      writeFileSync(record, readFileSync(fx('valid-with-snapshot'), 'utf8'));
      const before = readFileSync(record, 'utf8');
      const exported = cli(['fhir', 'export', record, '--out', record]);
      expect([exported.code, exported.err]).toEqual([2, `intervention-lifecycle fhir export: --out names the input file (${record}): it would be overwritten; write elsewhere\n`]);
      const bundle = join(dir, 'bundle.json');
      writeFileSync(bundle, cli(['fhir', 'export', record]).out);
      const imported = cli(['fhir', 'import', bundle, '--out', join(dir, '.', 'bundle.json')]);
      expect(imported.code).toBe(2);
      expect(imported.err).toMatch(/^intervention-lifecycle fhir import: --out names the input file .*: it would be overwritten; write elsewhere\n$/);
      expect(readFileSync(record, 'utf8')).toBe(before);
      expect(JSON.parse(readFileSync(bundle, 'utf8'))).toMatchObject({ resourceType: 'Bundle' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--conditional: a transaction that refers to the client by search (in --person-system too) and creates only what the server lacks', () => {
    const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
    const r = cli(['fhir', 'export', fx('valid-with-snapshot'), '--type', 'transaction', '--conditional', '--person-system', NHS]);
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.out) as { entry: { resource: { resourceType: string; patient?: { reference?: string } }; request: { ifNoneExist?: string } }[] };
    const episode = bundle.entry.find((e) => e.resource.resourceType === 'EpisodeOfCare');
    expect(episode?.resource.patient?.reference).toBe(`Patient?identifier=${encodeURIComponent(NHS)}|client-1`);
    // Each resource with an identifier is created only if the server has none (Provenance has none to search by).
    expect(new Set(bundle.entry.filter((e) => typeof e.request.ifNoneExist !== 'string').map((e) => e.resource.resourceType))).toEqual(new Set(['Provenance']));
    const back = JSON.parse(cli(['fhir', 'import', '-', '--person-system', NHS], r.out).out) as { record: { events: { data: { clientId?: string } }[] } };
    expect(back.record.events[0]?.data.clientId).toBe('client-1');
    expect(cli(['fhir', 'export', fx('valid-with-snapshot'), '--conditional']).err).toContain('--conditional is for --type transaction');
    expect(cli(['fhir', 'import', 'x.json', '--conditional']).code).toBe(2);
  });

  it('--share-with skips a record whose client has not consented to share with that organisation (exit 1)', () => {
    // The fixture's client gave no information-sharing consent.
    const r = cli(['fhir', 'export', fx('valid-with-snapshot'), '--share-with', 'gp-practice-7']);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toMatch(/The client's information may not go to gp-practice-7: no active information-sharing consent covers it at .* \(skipped\)/);
    expect(cli(['fhir', 'export', fx('valid-with-snapshot')]).code).toBe(0);
  });
});
