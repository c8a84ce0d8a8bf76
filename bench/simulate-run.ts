/** One simulate run for bench/simulate.ts, in a process of its own: prints { ms, rssMB, events }. */
import { runSimulate } from '../src/cli/simulate.js';

const [clients, workers] = process.argv.slice(2).map(Number);
const started = performance.now();
const code = await runSimulate({ scenarioFile: 'scenarios/stepped-care.json', seed: 1, clients: clients as number, out: '/dev/null', outcomes: null, shard: { index: 0, count: 1 }, workers: workers as number, quiet: true });
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ code, ms, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
