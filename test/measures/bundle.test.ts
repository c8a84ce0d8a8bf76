import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The ./measures entry must stay small and free of the Case engine: researchers import it alone.
describe('the ./measures bundle', () => {
  it('is under 10 KB min+gzip with dependencies external, and holds no engine code', async () => {
    const result = await build({
      entryPoints: ['src/measures/index.ts'],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      external: ['zod', 'immer', 'date-fns'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const gz = gzipSync(code).length;
    expect(gz).toBeGreaterThan(1000);
    expect(gz).toBeLessThan(10 * 1024);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((p) => /src\/(case|queries|validate)\//.test(p) || /src\/kernel\/(machine|step|mermaid)/.test(p))).toEqual([]);
    expect(code).not.toMatch(/stateDiagram-v2|INVALID_TRANSITION/);
  });
});
