import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli, fx } from './cli-run.js';

describe.runIf(existsSync(bin))('intervention-lifecycle validate', () => {
  it('exits 0 for valid records and says so', () => {
    const r = cli(['validate', fx('valid-with-snapshot'), fx('valid-without-snapshot')]);
    expect(r).toEqual({ code: 0, out: '2 records checked: all valid.\n', err: '' });
  });

  it('exits 1 and lists each issue with its path, code and message, grouped by record', () => {
    const r = cli(['validate', fx('forbidden-actor')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${fx('forbidden-actor')}  case c-1: 1 error`);
    expect(r.out).toMatch(/error +\/events\/20 +FORBIDDEN +caseClosed by p-ther \(therapist\) was not a legal step/);
    expect(r.out).toContain('1 record checked: 0 valid, 1 with issues (1 error, 0 warnings).');
    expect(r.err).toBe('');
  });

  it('streams NDJSON, naming line numbers, and goes on past a broken line', () => {
    const r = cli(['validate', 'test/fixtures/records.ndjson']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('test/fixtures/records.ndjson:19: 1 error');
    expect(r.out).toMatch(/INVALID_JSON +line 19 is not valid JSON/);
    expect(r.out).toMatch(/19 records checked: 2 valid, 17 with issues/);
  });

  it('gives stable JSON for machines', () => {
    const r = cli(['validate', '--format', 'json', fx('valid-with-snapshot'), fx('snapshot-edited')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { summary: Record<string, number>; results: { file: string; valid: boolean; issues: { path: string; code: string }[] }[] };
    expect(report.summary).toEqual({ records: 2, valid: 1, invalid: 1, errors: 1, warnings: 0, ioErrors: 0 });
    expect(report.results[1]).toMatchObject({ file: fx('snapshot-edited'), caseId: 'c-1', valid: false, issues: [{ path: '/snapshot/status', code: 'SNAPSHOT_MISMATCH', severity: 'error' }] });
  });

  it('reads standard input', () => {
    const line = JSON.stringify({ format: 'intervention-lifecycle/case', schemaVersion: 1, events: [] });
    const r = cli(['validate', '-'], `${line}\n`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('<stdin>:1');
  });

  it('warns when one case id names two clients in a run (versions of one case are fine); the exit code stays 0', () => {
    const opened = (clientId: string) =>
      JSON.stringify({
        format: 'intervention-lifecycle/case',
        schemaVersion: 1,
        events: [{ type: 'caseOpened', caseId: 'c-1', seq: 1, at: '2026-01-05T09:00:00.000Z', actor: { id: 'p-lead', role: 'lead-practitioner' }, data: { caseId: 'c-1', clientId, referral: { source: 'GP', reason: 'Low mood', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' } }],
      });
    const input = `${opened('client-1')}\n${opened('client-1')}\n${opened('client-2')}\n`;
    const r = cli(['validate', '-'], input);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '<stdin>:3  case c-1: 1 warning',
        '  warning /events/0/data/clientId  CASE_ID_REUSED     case c-1 is also in <stdin>:1, for client client-1; here it is for client client-2: one case id, two clients',
        '3 records checked: all valid (1 warning).',
        '',
      ].join('\n'),
    );
    const report = JSON.parse(cli(['validate', '--format', 'json', '-'], input).out) as { summary: Record<string, number> };
    expect(report.summary).toEqual({ records: 3, valid: 3, invalid: 0, errors: 0, warnings: 1, ioErrors: 0 });
  });

  it('is silent with --quiet; the exit code tells', () => {
    expect(cli(['validate', '--quiet', fx('valid-with-snapshot')])).toEqual({ code: 0, out: '', err: '' });
    expect(cli(['validate', '-q', fx('wrong-format')]).code).toBe(1);
  });

  it('exits 2 on usage and I/O errors, without a stack trace', () => {
    const missing = cli(['validate', 'no/such/file.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('intervention-lifecycle validate: cannot read no/such/file.json: no such file\n');
    expect(cli(['validate', 'test']).err).toContain('is a directory');
    const stream = cli(['validate', 'no/such/records.ndjson']);
    expect([stream.code, stream.err]).toEqual([2, 'intervention-lifecycle validate: cannot read no/such/records.ndjson: no such file\n']);
    expect(cli(['validate']).code).toBe(2);
    expect(cli(['validate', '--format', 'xml', 'x.json']).err).toContain('--format takes text or json');
    expect(cli(['validate', '--max-events', 'lots', 'x.json']).code).toBe(2);
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli([]).code).toBe(2);
  });

  it('refuses a record over the size limit', () => {
    const r = cli(['validate', '--max-record-bytes', '1000', fx('valid-with-snapshot')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('TOO_LARGE');
  });

  it('has --help and --version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: intervention-lifecycle <command>');
    expect(cli(['validate', '--help']).code).toBe(0);
    expect(cli(['--version']).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe.runIf(existsSync(bin))('validate --policy', () => {
  it('judges records by the policy they were made under', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-cli-'));
    const policy = join(dir, 'policy.json');
    // Under a policy that lets therapists close cases, the forbidden-actor record is legal.
    writeFileSync(policy, JSON.stringify({ roles: { closeCase: ['therapist', 'lead-practitioner', 'supervisor'] } }));
    expect(cli(['validate', '--policy', policy, fx('forbidden-actor')]).code).toBe(0);
    writeFileSync(policy, JSON.stringify({ authorize: 'nope' }));
    const bad = cli(['validate', '--policy', policy, fx('forbidden-actor')]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/not a valid policy:[\s\S]*authorize/)]);
    // A role list that is not a list must not turn a forbidden actor into "all valid".
    for (const hostile of [{ roles: { closeCase: 'not-a-therapist-list' } }, { roles: { closeCase: ['wizard'] } }, { roles: { noSuchCommand: ['therapist'] } }, { reviewIntervalDays: -3 }, [1, 2]]) {
      writeFileSync(policy, JSON.stringify(hostile));
      const r = cli(['validate', '--policy', policy, fx('forbidden-actor')]);
      expect([r.code, r.out], JSON.stringify(hostile)).toEqual([2, '']);
      expect(r.err).toContain('is not a valid policy');
    }
    expect(cli(['validate', '--policy', join(dir, 'missing.json'), fx('forbidden-actor')]).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe.runIf(existsSync(bin))('hostile input to the CLI', () => {
  it('control characters from a record are escaped in text output, never sent raw to the terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-cli-'));
    const file = join(dir, 'evil.json');
    const payload = '\u001b[2J\u001b[H3 records checked: all valid.\r\u202e';
    writeFileSync(file, JSON.stringify({ format: 'intervention-lifecycle/case', schemaVersion: 1, events: [{ [payload]: 1 }], [payload]: payload }));
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain('\\u001b[2J');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a device or pipe is read with the same byte limit as a file', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', '--max-record-bytes', '1000000', '/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/TOO_LARGE +\/dev\/zero is larger than the limit of 1000000 bytes/);
  });

  it('an empty array is reported, not passed over as "no records"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-cli-'));
    const file = join(dir, 'empty.json');
    writeFileSync(file, '[]');
    const r = cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NO_RECORDS +the file holds an empty array/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('--format json streams a valid document, for many records and for none', () => {
    const many = cli(['validate', '--format', 'json', 'test/fixtures/records.ndjson']);
    const report = JSON.parse(many.out) as { summary: { records: number }; results: unknown[] };
    expect(report.results).toHaveLength(report.summary.records);
    const none = cli(['validate', '--format', 'json', '-'], '');
    expect(JSON.parse(none.out)).toEqual({ results: [], summary: { records: 0, valid: 0, invalid: 0, errors: 0, warnings: 0, ioErrors: 0 } });
  });
});

describe.runIf(existsSync(bin))('intervention-lifecycle validate with programme records', () => {
  it('checks a programme record against its members\' case records given in the same run', async () => {
    const { programmeFixture } = await import('../programme/fixture-files.js');
    const dir = mkdtempSync(join(tmpdir(), 'il-prog-'));
    try {
      const { programme, cases } = programmeFixture();
      writeFileSync(join(dir, 'p.json'), JSON.stringify(programme));
      writeFileSync(join(dir, 'cases.ndjson'), cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
      expect(cli(['validate', join(dir, 'p.json'), join(dir, 'cases.ndjson')])).toMatchObject({ code: 0, out: '4 records checked: all valid.\n' });
      // One member's case left out: the programme names it.
      writeFileSync(join(dir, 'some.ndjson'), cases.slice(1).map((c) => JSON.stringify(c)).join('\n') + '\n');
      const r = cli(['validate', join(dir, 'p.json'), join(dir, 'some.ndjson')]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/programme gp-1: 1 error/);
      expect(r.out).toContain('CASE_MISSING');
      // From standard input too.
      expect(cli(['validate', join(dir, 'p.json'), '-'], cases.map((c) => JSON.stringify(c)).join('\n')).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
