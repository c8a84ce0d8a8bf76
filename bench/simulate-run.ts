/**
 * One simulate run of the TypeScript sources (through tsx) for bench/simulate.ts, in a process of
 * its own: prints { code, ms, rssMB }. Used when the built CLI is missing or older than the sources;
 * the built CLI runs in simulate-run-built.mjs, without the loader.
 */
import { runSimulate } from '../src/cli/simulate.js';

const [clients, workers] = process.argv.slice(2, 4).map(Number) as [number, number];
const started = performance.now();
const code = await runSimulate({ scenarioFile: 'scenarios/stepped-care.json', seed: 1, clients, out: '/dev/null', outcomes: null, shard: { index: 0, count: 1 }, workers, groups: 0, quiet: true });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ code, ms, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
