// One run of the built CLI for bench/simulate.ts, in a process of its own started without the
// TypeScript loader the other benchmarks need: the CLI's workers inherit the process's flags, and a
// loader registered in each of them (as in simulate-run.ts) slowed their start. Prints { code, ms, rssMB }.
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [clients, workers, cli] = process.argv.slice(2, 5);
const started = performance.now();
const { main } = await import(pathToFileURL(cli).href);
const code = await main(['simulate', 'scenarios/stepped-care.json', '--seed', '1', '--clients', clients, '--workers', workers, '--out', '/dev/null', '--quiet']);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ code, ms, rssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
