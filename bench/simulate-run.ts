/**
 * One simulate run for bench/simulate.ts, in a process of its own: prints { code, ms, rssMB }. It
 * runs the built CLI (`dist/cli/main.js`) when bench/simulate.ts found it up to date — what a
 * researcher runs, with workers that load plain JavaScript — and the sources through tsx otherwise.
 */
import { pathToFileURL } from 'node:url';
import { runSimulate } from '../src/cli/simulate.js';

const [clients, workers] = process.argv.slice(2, 4).map(Number) as [number, number];
const built = process.argv[4];
const started = performance.now();
let code: number;
if (built !== undefined) {
  const { main } = (await import(pathToFileURL(built).href)) as { main: (args: readonly string[]) => Promise<number> };
  code = await main(['simulate', 'scenarios/stepped-care.json', '--seed', '1', '--clients', String(clients), '--workers', String(workers), '--out', '/dev/null', '--quiet']);
} else {
  code = await runSimulate({ scenarioFile: 'scenarios/stepped-care.json', seed: 1, clients, out: '/dev/null', outcomes: null, shard: { index: 0, count: 1 }, workers, groups: 0, quiet: true });
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ code, ms, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
