import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/cli/policy.js';
import { readFailure, writing } from '../../src/cli/printable.js';
import { readFlags } from '../../src/cli/flags.js';
import { parseSimulateArgs, readScenario } from '../../src/cli/simulate.js';

describe('simulate reads its scenario file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-scenario-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('says what is wrong on one line: a file it cannot read, text that is not JSON (its line breaks shown, not printed)', () => {
    expect(readScenario(join(dir, 'missing.json'))).toMatch(/^cannot read .*missing\.json: no such file$/);
    const broken = readScenario(file('broken.json', 'nope\nmore\n'));
    expect(broken).toMatch(/broken\.json is not JSON: /);
    expect(broken).not.toContain('\n');
  });

  it('reads a scenario saved with a byte order mark, as some Windows editors save it', () => {
    expect(typeof readScenario(file('bom.json', '\uFEFF{}'))).toBe('object');
  });
});

describe('validate --policy reads its policy file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-policy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('with a byte order mark too; text that is not JSON is said on one line', async () => {
    writeFileSync(join(dir, 'bom.json'), '\uFEFF{"reviewIntervalDays": 28}');
    expect(await readPolicy(join(dir, 'bom.json'))).toMatchObject({ reviewIntervalDays: 28 });
    writeFileSync(join(dir, 'broken.json'), '{\n"reviewIntervalDays": \n}');
    const broken = await readPolicy(join(dir, 'broken.json'));
    expect(broken).toMatch(/broken\.json is not valid JSON: /);
    expect(broken).not.toContain('\n');
  });
});

describe('a file the CLI cannot read is said in the same words by every command', () => {
  it('no such file, a directory, permission denied; standard input by name; other errors keep their message', () => {
    const coded = (code: string) => Object.assign(new Error(`${code}: something, open 'x'`), { code });
    expect(readFailure('cases.ndjson', coded('ENOENT'))).toBe('cannot read cases.ndjson: no such file');
    expect(readFailure('cases', coded('EISDIR'))).toBe('cannot read cases: is a directory');
    expect(readFailure('-', coded('EACCES'))).toBe('cannot read standard input: permission denied');
    expect(readFailure('a\u001b[2Jb', coded('ENOENT'))).toBe('cannot read a\\u001b[2Jb: no such file');
    expect(readFailure('x', new Error('cannot write out.csv: disk full'))).toBe('cannot write out.csv: disk full');
    // A write's failure is said as one, so it is never taken for the input's.
    expect(() => writing('no/such/dir/out.json', () => writeFileSync('no/such/dir/out.json', '{}'))).toThrow('cannot write no/such/dir/out.json: no such folder');
  });
});

describe('a subcommand\'s flags', () => {
  it('a negative number after a flag that takes a value is its value, for the subcommand to judge', () => {
    expect(readFlags(['--seed', '-1', 'x.json'], { seed: { type: 'string' } })).toEqual({ values: { seed: '-1' }, positionals: ['x.json'] });
    expect(parseSimulateArgs(['x.json', '--clients', '-5'])).toBe('--clients needs a whole number of at least 0, not "-5"');
    // Only numbers: a flag after a flag is still a missing value.
    expect(readFlags(['--seed', '--quiet'], { seed: { type: 'string' }, quiet: { type: 'boolean' } })).toMatch(/ambiguous|argument missing/);
  });
});
