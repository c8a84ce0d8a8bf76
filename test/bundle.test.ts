import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Bundle ceilings of DESIGN.md §10, measured as a user's bundler would see them: min+gzip, deps external.
async function bundle(entry: string) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    external: ['zod', 'immer', 'date-fns', '@date-fns/utc'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, gz: gzipSync(code).length, inputs: Object.keys(result.metafile.inputs) };
}

describe('bundle size', () => {
  it('the root entry is under 40 KB and has no node: imports', async () => {
    const { code, gz } = await bundle('src/index.ts');
    expect(gz).toBeGreaterThan(5 * 1024);
    expect(gz).toBeLessThan(40 * 1024);
    expect(code).not.toMatch(/from\s*["']node:/);
  });

  it('the ./measures entry is under 10 KB and holds no engine code', async () => {
    const { code, gz, inputs } = await bundle('src/measures/index.ts');
    expect(gz).toBeGreaterThan(1000);
    expect(gz).toBeLessThan(10 * 1024);
    expect(inputs.filter((p) => /src\/(case|queries|validate|cli)\//.test(p) || /src\/kernel\/(machine|step|mermaid)/.test(p))).toEqual([]);
    expect(code).not.toMatch(/stateDiagram-v2|INVALID_TRANSITION/);
  });
});
