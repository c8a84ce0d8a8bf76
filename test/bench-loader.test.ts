import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The benchmarks compile our TypeScript with these hooks (bench/register.mjs), so that they measure
// the code as the package ships it. CI never runs the benchmarks (they judge speed): this keeps the
// hooks working and keeps them from adding what tsx adds.
type Hooks = {
  resolve: (specifier: string, context: { parentURL?: string }, next: (s: string, c: unknown) => unknown) => Promise<{ url: string }>;
  load: (url: string, context: unknown, next: (u: string, c: unknown) => unknown) => Promise<{ format: string; source: string }>;
};
const hooksPath = '../bench/ts-hooks.mjs';

describe('the benchmarks\' TypeScript loader', () => {
  it('compiles as tsup does: no keepNames wrapper around the functions a module makes, no types left', async () => {
    const hooks = (await import(hooksPath)) as Hooks;
    const url = pathToFileURL(resolve('src/engine/decide.ts')).href;
    const { format, source } = await hooks.load(url, {}, () => {
      throw new Error('a .ts file is compiled by the hook itself');
    });
    expect(format).toBe('module');
    expect(source).toContain('function decide(');
    expect(source).not.toContain('__name');
    expect(source).not.toMatch(/: DecideResult\b/);
  });

  it('finds x.ts for an import of ./x.js from TypeScript, and leaves other imports to Node', async () => {
    const hooks = (await import(hooksPath)) as Hooks;
    const parentURL = pathToFileURL(resolve('bench/dispatch.ts')).href;
    const passed: string[] = [];
    const next = (s: string) => {
      passed.push(s);
      return { url: s };
    };
    expect((await hooks.resolve('./harness.js', { parentURL }, next)).url).toBe(pathToFileURL(resolve('bench/harness.ts')).href);
    await hooks.resolve('xstate', { parentURL }, next);
    await hooks.resolve('./no-such-file.js', { parentURL }, next);
    expect(passed).toEqual(['xstate', './no-such-file.js']);
  });

  it('runs a benchmark module under plain node (npm run bench\'s command line)', () => {
    const r = spawnSync(process.execPath, ['--import', './bench/register.mjs', '--input-type=module', '-e', "const { scenario } = await import('./bench/scenario.ts'); console.log(scenario.length);"], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(Number(r.stdout.trim())).toBeGreaterThan(50);
  });
});
