import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clash, sameFile } from '../../src/cli/same-file.js';

describe('an output that would overwrite an input or the other output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-same-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string) => join(dir, name);
  writeFileSync(at('s.json'), '{}');
  writeFileSync(at('other.json'), '{}');
  linkSync(at('s.json'), at('hard.json'));
  symlinkSync(at('s.json'), at('soft.json'));
  mkdirSync(at('real'));
  symlinkSync(at('real'), at('alias'));

  it('is one file however it is reached: relative or absolute, through a symbolic or a hard link', () => {
    expect(sameFile(at('s.json'), relative(process.cwd(), at('s.json')))).toBe(true);
    expect(sameFile(at('s.json'), at('soft.json'))).toBe(true);
    expect(sameFile(at('s.json'), at('hard.json'))).toBe(true);
    expect(sameFile(at('s.json'), at('other.json'))).toBe(false);
  });

  it('compares a path not made yet as it will be made (through a linked folder too); an existing file is never a new one', () => {
    expect(sameFile(at('new.csv'), join(dir, '.', 'new.csv'))).toBe(true);
    expect(sameFile(at('real/new.csv'), at('alias/new.csv'))).toBe(true);
    expect(sameFile(at('new.csv'), at('new2.csv'))).toBe(false);
    expect(sameFile(at('s.json'), at('new.csv'))).toBe(false);
  });

  it('lets both outputs go to a device (/dev/null)', () => {
    expect(sameFile('/dev/null', '/dev/null')).toBe(false);
    expect(clash([['the scenario file', at('s.json')]], [['--out', '/dev/null'], ['--outcomes', '/dev/null']])).toBeUndefined();
  });

  it('names the flag and the file: an output over an input first, then two outputs over each other; standard streams never clash', () => {
    expect(clash([['the scenario file', at('s.json')]], [['--out', at('soft.json')], ['--outcomes', null]])).toBe(`--out names the scenario file (${at('soft.json')}): it would be overwritten; write elsewhere`);
    expect(clash([['the scenario file', at('s.json')]], [['--out', at('x.ndjson')], ['--outcomes', at('x.ndjson')]])).toBe(`--out and --outcomes name the same file (${at('x.ndjson')}): each needs its own`);
    expect(clash([['the input file', '-']], [['--out', at('x.json')]])).toBeUndefined();
    expect(clash([['the input file', at('s.json')]], [['--out', undefined]])).toBeUndefined();
    expect(clash([['the input file', at('s.json')]], [['--out', at('other.json')]])).toBeUndefined();
  });
});
