import { defineConfig } from 'tsup';

// Kept small on purpose: tsup is in maintenance, and a move to another bundler should stay cheap.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'measures/index': 'src/measures/index.ts', 'validate/index': 'src/validate/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    sourcemap: true,
    treeshake: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
