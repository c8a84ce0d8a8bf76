// Runs the browser tests (the package in Chromium, and the docs site), which need Debian's Chromium.
// Without it they are skipped with a message on a developer's machine, and fail under CI=true, where
// .ci/run installs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
if (!existsSync(chromium)) {
  const message = `Chromium is not at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) {
    process.stderr.write(`test:browser: ${message}\n`);
    process.exit(1);
  }
  process.stdout.write(`test:browser: skipped — ${message}\n`);
  process.exit(0);
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'browser', '--project', 'site'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
