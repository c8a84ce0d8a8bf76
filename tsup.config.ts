import { defineConfig } from 'tsup';

// Kept small on purpose: tsup is in maintenance, and a move to another bundler should stay cheap.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'measures/index': 'src/measures/index.ts', 'validate/index': 'src/validate/index.ts', 'simulate/index': 'src/simulate/index.ts', 'fhir/index': 'src/fhir/index.ts', 'programme/index': 'src/programme/index.ts' },
    format: ['esm', 'cjs'],
    // Declarations come from tsc (tsconfig.build.json), one file per source: tsup's bundled ones were
    // hashed chunks with aliased names.
    dts: false,
    clean: true,
    target: 'es2022',
    sourcemap: true,
    treeshake: true,
    // Shared chunks in the CommonJS build too (tsup's own option; esbuild splits ESM only): without
    // it each entry bundles its own copy of the instrument registry, and an instrument registered
    // through /measures is unknown to the engine's root entry under require().
    splitting: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
