import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cli } from './cli-run.js';

describe.runIf(existsSync(bin))('intervention-lifecycle simulate and outcomes', () => {
  it('simulates the example scenario, on one thread or two, shard by shard, all alike; outcomes reads the records back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-sim-'));
    try {
      const scenario = 'scenarios/stepped-care.json';
      const one = cli(['simulate', scenario, '--clients', '70', '--seed', '3', '--outcomes', join(dir, 'o.csv')]);
      expect(one.code).toBe(0);
      expect(one.out.trim().split('\n')).toHaveLength(70);
      expect(one.err).toMatch(/70 clients, \d+ events/);
      expect(one.err).toMatch(/recovery rate \d+\.\d% \(95% CI/);
      const two = cli(['simulate', scenario, '--clients', '70', '--seed', '3', '--workers', '2', '--quiet']);
      expect(two).toEqual({ code: 0, out: one.out, err: '' });
      // Two threads tally and write the table block by block (no row crosses to the main thread):
      // the same table and summary as one.
      const timeless = (text: string): string => text.replace(/ in \d+\.\d s;/, ';');
      const twoTable = cli(['simulate', scenario, '--clients', '70', '--seed', '3', '--workers', '2', '--outcomes', join(dir, 'o2.csv')]);
      expect(twoTable.out).toBe(one.out);
      expect(timeless(twoTable.err)).toBe(timeless(one.err));
      expect(readFileSync(join(dir, 'o2.csv'), 'utf8')).toBe(readFileSync(join(dir, 'o.csv'), 'utf8'));
      const shards = [0, 1].map((i) => cli(['simulate', scenario, '--clients', '70', '--seed', '3', '--shard', `${i}/2`, '--quiet']).out.trim().split('\n'));
      const merged = one.out.trim().split('\n').map((_, i) => shards[i % 2]?.[Math.floor(i / 2)]);
      expect(merged).toEqual(one.out.trim().split('\n'));
      writeFileSync(join(dir, 'r.ndjson'), `${one.out}not json\n`);
      const table = cli(['outcomes', join(dir, 'r.ndjson')]);
      expect(table.code).toBe(1);
      expect(table.err).toContain('line 71');
      expect(table.out.split('\n')[0]).toMatch(/^caseId,clientId,referredAt,/);
      expect(table.out).toBe(readFileSync(join(dir, 'o.csv'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes exactly the records the library simulates, on one thread or two, once blocks reuse the buffers of blocks written', async () => {
    // 1,200 clients are 38 blocks: each thread fills buffers handed back after their blocks were written.
    const entry = '../../dist/simulate/index.js';
    const sim = (await import(entry)) as {
      parseScenario: (s: unknown) => { scenario: unknown };
      simulateCohort: (s: unknown, o: { seed: number; clients: number }) => Iterable<{ record: unknown }>;
    };
    const parsed = sim.parseScenario(JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')));
    const want = [...sim.simulateCohort(parsed.scenario, { seed: 8, clients: 1200 })].map((c) => `${JSON.stringify(c.record)}\n`).join('');
    for (const workers of ['1', '2']) {
      const r = cli(['simulate', 'scenarios/stepped-care.json', '--clients', '1200', '--seed', '8', '--workers', workers, '--quiet']);
      expect(r.code).toBe(0);
      expect(r.out === want, `--workers ${workers}`).toBe(true);
    }
  });

  it('outcomes: a bad --as-of is a usage error before any record is read (it was found at the first row)', () => {
    const records = 'test/fixtures/records.ndjson';
    for (const bad of ['1', 'March 7', '2026-02-30', '2026-06-01T10:00:00']) {
      const r = cli(['outcomes', records, '--as-of', bad]);
      expect([r.code, r.out]).toEqual([2, '']);
      expect(r.err).toContain(`--as-of takes an ISO-8601 instant with an offset (Z or ±hh:mm) or a date (YYYY-MM-DD), not "${bad}"`);
    }
    expect(cli(['outcomes', records, '--as-of', '2026-06-01T12:00:00+02:00', '--quiet']).code).toBe(1);
  });

  it('a file that cannot be read is said the same way by outcomes, fhir import, fhir export and simulate (exit 2)', () => {
    for (const args of [['outcomes'], ['fhir', 'import'], ['fhir', 'export'], ['simulate']]) {
      const missing = cli([...args, 'no/such/file.json']);
      expect([missing.code, missing.err]).toEqual([2, `intervention-lifecycle ${args.join(' ')}: cannot read no/such/file.json: no such file\n`]);
      expect(cli([...args, 'test']).err).toBe(`intervention-lifecycle ${args.join(' ')}: cannot read test: is a directory\n`);
    }
  });

  it('outcomes says when a case comes twice (a file given twice, overlapping exports), keeping each row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-dup-'));
    try {
      const sim = cli(['simulate', 'scenarios/stepped-care.json', '--clients', '3', '--seed', '5', '--quiet']);
      writeFileSync(join(dir, 'twice.ndjson'), sim.out + sim.out);
      const once = cli(['outcomes', '-'], sim.out);
      const twice = cli(['outcomes', join(dir, 'twice.ndjson')]);
      expect(once).toMatchObject({ code: 0, err: '' });
      expect(twice.code).toBe(0);
      const ids = sim.out.trim().split('\n').map((l) => (JSON.parse(l) as { events: { caseId: string }[] }).events[0]?.caseId);
      expect(twice.err.trim().split('\n')).toEqual(ids.map((id, i) => `${join(dir, 'twice.ndjson')} line ${i + 4}: case ${String(id)} again (first at line ${i + 1}): each record gives its own row`));
      const rows = (t: string) => t.trim().split('\n').slice(1);
      expect(rows(twice.out)).toEqual([...rows(once.out), ...rows(once.out)]);
      expect(cli(['outcomes', join(dir, 'twice.ndjson'), '--quiet']).err).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("records of a scenario with its own modality: outcomes and validate take its policy from --scenario (or --policy); without it they are invalid", () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-own-'));
    try {
      const scenarioFile = join(dir, 'own.json');
      writeFileSync(scenarioFile, JSON.stringify({ pathways: [{ steps: [{ modality: 'walk-and-talk', role: 'peer-supporter', sessions: 3 }] }] }));
      const records = join(dir, 'own.ndjson');
      const table = join(dir, 'own.csv');
      expect(cli(['simulate', scenarioFile, '--clients', '6', '--out', records, '--outcomes', table, '--quiet']).code).toBe(0);
      const simulated = readFileSync(table, 'utf8');
      expect(simulated.trim().split('\n').length).toBeGreaterThan(1);
      // Without the policy every record is refused ("unknown modality walk-and-talk") and skipped.
      const bare = cli(['outcomes', records]);
      expect([bare.code, bare.out.trim().split('\n').length]).toEqual([1, 1]);
      expect(bare.err).toContain('unknown modality walk-and-talk');
      // With the scenario's policy: the very table simulate wrote, and every record valid.
      expect(cli(['outcomes', records, '--scenario', scenarioFile])).toEqual({ code: 0, out: simulated, err: '' });
      expect(cli(['validate', records, '--scenario', scenarioFile, '--quiet']).code).toBe(0);
      const policyFile = join(dir, 'policy.json');
      writeFileSync(policyFile, JSON.stringify({ modalities: [{ name: 'walk-and-talk', roles: ['peer-supporter'], needsConsent: false }] }));
      expect(cli(['outcomes', records, '--policy', policyFile])).toEqual({ code: 0, out: simulated, err: '' });
      // A JSON array on standard input, with --stdin json, as validate reads it.
      const array = `[${readFileSync(records, 'utf8').trim().split('\n').join(',')}]`;
      expect(cli(['outcomes', '-', '--stdin', 'json', '--scenario', scenarioFile], array)).toEqual({ code: 0, out: simulated, err: '' });
      // Usage errors: both, a bad scenario, a bad --stdin.
      for (const command of ['outcomes', 'validate']) {
        const both = cli([command, records, '--policy', policyFile, '--scenario', scenarioFile]);
        expect(both.code).toBe(2);
        expect(both.err).toContain('--policy and --scenario both name the policy the records were made under: give one');
        writeFileSync(join(dir, 'bad.json'), JSON.stringify({ weeks: 0 }));
        const bad = cli([command, records, '--scenario', join(dir, 'bad.json')]);
        expect(bad.code).toBe(2);
        expect(bad.err).toContain('/weeks:');
      }
      expect(cli(['outcomes', records, '--stdin', 'xml']).code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--groups runs the scenario\'s group programme after the cohort: programme records and their members\' cases, valid together, rows for the members; shards take every n-th group', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-groups-'));
    try {
      const scenarioFile = join(dir, 'groups.json');
      writeFileSync(scenarioFile, JSON.stringify({ programme: { capacity: 4, weeks: 6 } }));
      const out = join(dir, 'all.ndjson');
      const table = join(dir, 'all.csv');
      const run = cli(['simulate', scenarioFile, '--clients', '3', '--groups', '3', '--seed', '2', '--out', out, '--outcomes', table]);
      expect(run.code).toBe(0);
      expect(run.err).toMatch(/: 15 clients \(12 of them members of 3 groups of the programme\), /);
      const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { format: string; events: { data: { clientId?: string } }[] });
      // The cohort's 3 cases, then each group's programme record followed by its 4 members' cases.
      expect(lines.map((l) => l.format.split('/')[1])).toEqual(['case', 'case', 'case', ...Array.from({ length: 3 }, () => ['programme', 'case', 'case', 'case', 'case']).flat()]);
      expect(lines[4]?.events[0]?.data.clientId).toBe('gclient-1');
      expect(cli(['validate', out, '--quiet']).code).toBe(0);
      // outcomes passes the programme records over (no row, not invalid) and gives the very table.
      expect(cli(['outcomes', out])).toEqual({ code: 0, out: readFileSync(table, 'utf8'), err: '' });
      // Shards: the cohort's clients and the groups, each i mod n; together, every line of the whole.
      const shards = [0, 1].map((i) => cli(['simulate', scenarioFile, '--clients', '3', '--groups', '3', '--seed', '2', '--shard', `${i}/2`, '--quiet']).out.trim().split('\n'));
      expect([...(shards[0] ?? []), ...(shards[1] ?? [])].sort()).toEqual(readFileSync(out, 'utf8').trim().split('\n').sort());
      // The same with two workers (the groups run after the cohort, on the main thread).
      expect(cli(['simulate', scenarioFile, '--clients', '3', '--groups', '3', '--seed', '2', '--workers', '2', '--quiet']).out).toBe(readFileSync(out, 'utf8'));
      // A scenario without a programme cannot run groups; one with a programme says when it was not run.
      const example = 'scenarios/stepped-care.json';
      const none = cli(['simulate', example, '--clients', '1', '--groups', '1']);
      expect([none.code, none.err]).toEqual([2, `intervention-lifecycle simulate: --groups runs the scenario's group programme, and ${example} has none (add "programme": {} to take every default)\n`]);
      expect(cli(['simulate', scenarioFile, '--clients', '1', '--out', '/dev/null']).err).toContain('(the programme not run: --groups N runs N groups)');
      // Groups past the year 9998 are refused before the cohort runs (100,000 clients would take seconds).
      const late = cli(['simulate', scenarioFile, '--clients', '100000', '--groups', '200000', '--out', join(dir, 'late.ndjson')]);
      expect([late.code, late.err]).toEqual([2, 'intervention-lifecycle simulate: group 200000 would run past the year 9998 (startDate 2026-01-05, a group every 4 weeks): run fewer groups, start them more often or earlier\n']);
      expect(existsSync(join(dir, 'late.ndjson'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the scenario from standard input given -, as the other commands read their input', () => {
    const fromFile = cli(['simulate', 'scenarios/stepped-care.json', '--clients', '4', '--seed', '8', '--quiet']);
    expect(cli(['simulate', '-', '--clients', '4', '--seed', '8', '--quiet'], readFileSync('scenarios/stepped-care.json', 'utf8'))).toEqual(fromFile);
    const bad = cli(['simulate', '-'], '{"weeks": 0}');
    expect([bad.code, bad.err.split('\n')[0]]).toEqual([2, 'intervention-lifecycle simulate: standard input is not a valid scenario:']);
    expect(cli(['simulate', '-'], 'nope').err).toMatch(/^intervention-lifecycle simulate: standard input is not JSON: /);
    expect(cli(['outcomes', '-', '--scenario', '-'], '').err).toBe('intervention-lifecycle outcomes: --scenario takes a file (standard input is for records)\n');
  });

  it('lists every problem of a bad scenario with its path, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-sim-'));
    try {
      writeFileSync(join(dir, 's.json'), JSON.stringify({ weeks: 0, didNotAttend: 3 }));
      const r = cli(['simulate', join(dir, 's.json')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('/weeks:');
      expect(r.err).toContain('/didNotAttend:');
      expect(cli(['simulate', join(dir, 's.json'), '--shard', '2/2']).err).toContain('--shard takes i/n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(existsSync(bin))('the CLI and its output streams', () => {
  const scenario = 'scenarios/stepped-care.json';
  const noStack = (err: string) => expect(err).not.toMatch(/\n\s+at |node:events|Unhandled/);

  it('refuses an output path it cannot write, before simulating anything: exit 2, one line', () => {
    for (const flag of ['--out', '--outcomes']) {
      const started = Date.now();
      const r = cli(['simulate', scenario, '--clients', '100000', flag, '/nonexistent-dir/x']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^intervention-lifecycle simulate: cannot write \/nonexistent-dir\/x: ENOENT/);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      noStack(r.err);
      // 100,000 clients would take many seconds: nothing was simulated.
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });

  it('refuses an output that is the scenario file or the other output, before writing anything: exit 2, files untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il-sim-same-'));
    try {
      const own = join(dir, 'scenario.json');
      writeFileSync(own, readFileSync(scenario, 'utf8'));
      const before = readFileSync(own, 'utf8');
      for (const flag of ['--out', '--outcomes']) {
        const r = cli(['simulate', own, '--clients', '3', flag, own]);
        expect([r.code, r.err]).toEqual([2, `intervention-lifecycle simulate: ${flag} names the scenario file (${own}): it would be overwritten; write elsewhere\n`]);
      }
      const both = join(dir, 'x.ndjson');
      const r = cli(['simulate', own, '--clients', '3', '--out', both, '--outcomes', both]);
      expect([r.code, r.err]).toEqual([2, `intervention-lifecycle simulate: --out and --outcomes name the same file (${both}): each needs its own\n`]);
      expect(existsSync(both)).toBe(false);
      expect(readFileSync(own, 'utf8')).toBe(before);
      // Both to a device is fine: nothing is overwritten.
      expect(cli(['simulate', own, '--clients', '3', '--quiet', '--out', '/dev/null', '--outcomes', '/dev/null']).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync('/dev/full'))('ends with exit 2 and a message when a write fails (a full disk), on one thread or two', () => {
    for (const args of [['--out', '/dev/full'], ['--workers', '2', '--out', '/dev/full'], ['--outcomes', '/dev/full', '--out', '/dev/null']]) {
      const r = cli(['simulate', scenario, '--clients', '200', '--quiet', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('cannot write /dev/full: ENOSPC');
      noStack(r.err);
    }
  });

  it('stops quietly when the reader of its standard output goes away (| head)', async () => {
    const child = spawn(process.execPath, [bin, 'simulate', scenario, '--clients', '5000', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(err).toBe('');
  });
});
