import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vitest/config';
import { CHROMIUM } from './test/site/browser.js';

/**
 * Resolves `intervention-lifecycle` and its subpaths as a browser bundler does, through the
 * package's own exports map (the "import" condition) to the built files: the browser tests use the
 * package as published.
 */
function selfReference(): Plugin {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Record<string, { import?: { default?: string } } | string> };
  return {
    name: 'self-reference',
    enforce: 'pre',
    resolveId(id) {
      if (id !== pkg.name && !id.startsWith(`${pkg.name}/`)) return null;
      const entry = pkg.exports[`.${id.slice(pkg.name.length)}`];
      const target = typeof entry === 'string' ? entry : entry?.import?.default;
      return target === undefined ? null : resolve(target);
    },
  };
}

export default defineConfig({
  test: {
    // vitest's default leaves one core free: on this two-core machine that ran the suite on one.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'src',
          include: ['test/**/*.test.ts'],
          exclude: ['test/dist/**', 'test/site/**', 'test/browser/**'],
          setupFiles: ['test/setup.ts'],
          // Property runs and simulations take a few seconds each; the timeout catches a hang, and
          // must not fail a run because the machine was busy (tests never judge speed).
          testTimeout: 30_000,
          // One module graph per worker, not one per file: importing the library afresh for each of
          // ~90 files was two thirds of the run. Tests that change shared state (registered
          // instruments, fake timers, console spies) undo it in finally/afterEach; the suite passes
          // with its files shuffled.
          isolate: false,
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // Runs against the built package through its exports map: a broken map fails here.
        // Its CLI tests start several processes each (a second or so apiece on this machine): the
        // timeout is there to catch a hang, not to judge speed on a busy machine.
        test: { name: 'dist', include: ['test/dist/**/*.test.ts'], setupFiles: ['test/setup.ts'], testTimeout: 60_000 },
      },
      {
        // The built package in Chromium (vitest browser mode): what "runs in browsers" means.
        plugins: [selfReference()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: ['--no-sandbox'] } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The built documentation site in Debian's Chromium (after `npm run docs`).
        test: { name: 'site', include: ['test/site/**/*.test.ts'] },
      },
    ],
  },
});
