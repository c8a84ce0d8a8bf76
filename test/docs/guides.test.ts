import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every guide for a user carries an example that CI runs (`npm run examples` runs each file), shown
// in the guide exactly as it is.
const USER_GUIDES = ['embedding.md', 'validating-records.md', 'outcome-statistics.md', 'simulation.md', 'fhir.md', 'programmes.md'];

describe('the guides\' runnable examples', () => {
  for (const guide of readdirSync('docs/guides').filter((f) => f.endsWith('.md'))) {
    it(`${guide}: each example shown is the file CI runs, verbatim`, () => {
      const text = readFileSync(`docs/guides/${guide}`, 'utf8');
      const shown = [...text.matchAll(/<!-- runs in CI: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
      if (USER_GUIDES.includes(guide)) expect(shown.length, `${guide} has a runnable example`).toBeGreaterThan(0);
      for (const [, file, code] of shown) expect(code, file).toBe(readFileSync(file as string, 'utf8'));
    });
  }

  it('npm run examples runs every example file', () => {
    const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { examples: string } }).scripts.examples;
    const files = [...readdirSync('examples').filter((f) => f.endsWith('.ts')).map((f) => `examples/${f}`), ...readdirSync('examples/guides').map((f) => `examples/guides/${f}`)];
    for (const f of files) expect(script, f).toContain(f);
  });
});

describe('the FHIR guide lists what the import reports', () => {
  it('every issue code the import can give is in its table, and the table names none it cannot', () => {
    const dir = 'src/fhir/import';
    const source = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
    const given = new Set([...source.matchAll(/log\.add\([^;]*?'([A-Z][A-Z_]+)'/g)].map((m) => m[1] as string));
    // The issue log's own, past its limit.
    for (const m of source.matchAll(/\[\.\.\.this\.listed, \{ path: '', code: '([A-Z][A-Z_]+)'/g)) given.add(m[1] as string);
    const guide = readFileSync('docs/guides/fhir.md', 'utf8');
    const table = guide.slice(guide.indexOf('### What the import reports'));
    const listed = new Set([...table.matchAll(/`([A-Z][A-Z_]{3,})`/g)].map((m) => m[1] as string));
    // The engine's codes, passed through where a command building the record is refused.
    listed.delete('GUARD_FAILED');
    expect(given.size).toBeGreaterThan(30);
    expect([...given].filter((c) => !listed.has(c)).sort()).toEqual([]);
    expect([...listed].filter((c) => !given.has(c)).sort()).toEqual([]);
  });
});
