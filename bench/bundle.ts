/**
 * What a browser user ships: each entry bundled as their bundler would (esbuild, minified, ESM),
 * gzipped — with its dependencies external (the ceiling of DESIGN.md §10) and with them included
 * (zod, date-fns: the real download of an app that uses nothing else).
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

async function size(entry: string, external: boolean): Promise<number> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent', ...(external ? { external: ['zod', 'date-fns', '@date-fns/utc'] } : {}) });
  return gzipSync(result.outputFiles[0]?.text ?? '').length;
}

const ENTRIES: readonly [string, string, number | null][] = [
  ['root (the engine)', 'src/index.ts', 40],
  ['/measures', 'src/measures/index.ts', 10],
  ['/validate', 'src/validate/index.ts', null],
  ['/fhir', 'src/fhir/index.ts', null],
  ['/programme', 'src/programme/index.ts', null],
];

export async function benchBundle(): Promise<void> {
  console.log('\nBundles (esbuild, minified, gzipped)');
  console.log(`  ${'entry'.padEnd(20)} ${'deps external'.padStart(14)} ${'with zod and date-fns'.padStart(22)}  ceiling (deps external)`);
  for (const [name, entry, ceiling] of ENTRIES) {
    const [ext, all] = [await size(entry, true), await size(entry, false)];
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`  ${name.padEnd(20)} ${kb(ext).padStart(14)} ${kb(all).padStart(22)}  ${ceiling === null ? '—' : `${ceiling} KB (${((ext / 1024 / ceiling) * 100).toFixed(0)}%)`}`);
  }
}
