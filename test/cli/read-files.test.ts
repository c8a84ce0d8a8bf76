import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/cli/policy.js';
import { readScenario } from '../../src/cli/simulate.js';

describe('simulate reads its scenario file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'il-scenario-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('says what is wrong on one line: a file it cannot read, text that is not JSON (its line breaks shown, not printed)', () => {
    expect(readScenario(join(dir, 'missing.json'))).toMatch(/^cannot read .*missing\.json: ENOENT/);
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
