/**
 * `npm run bench`: every benchmark in one run, printed as tables with ratios. Not a test: numbers
 * depend on the machine and never fail CI.
 *
 * Each benchmark runs in a process of its own, so one cannot shape the optimised code or the heap
 * another meets (the kernel benchmark's door machine, for one, would make `step` polymorphic before
 * dispatch is measured). Within a benchmark, the cases and their peers share the process and run in
 * interleaved rounds where the ratio is the point.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['kernel', 'dispatch', 'parse', 'replay', 'validate', 'growth', 'simulate', 'fhir', 'programme', 'bundle'] as const;
const only = process.argv[2];

if (only === undefined) {
  console.log(`intervention-lifecycle benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  for (const name of BENCHMARKS) {
    // process.execArgv carries the TypeScript loader (register.mjs) to the child.
    const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`The ${name} benchmark failed (exit ${String(run.status ?? run.signal)})`);
      process.exitCode = 1;
    }
  }
} else if (only === 'kernel') {
  (await import('./kernel.js')).benchKernel();
} else if (only === 'dispatch') {
  (await import('./dispatch.js')).benchDispatch();
} else if (only === 'parse') {
  (await import('./parse.js')).benchParse();
} else if (only === 'replay') {
  (await import('./replay.js')).benchReplay();
} else if (only === 'validate') {
  await (await import('./validate.js')).benchValidate();
} else if (only === 'simulate') {
  (await import('./simulate.js')).benchSimulate();
} else if (only === 'bundle') {
  await (await import('./bundle.js')).benchBundle();
} else if (only === 'programme') {
  (await import('./programme.js')).benchProgramme();
} else if (only === 'fhir') {
  (await import('./fhir.js')).benchFhir();
} else if (only === 'growth') {
  (await import('./growth.js')).benchGrowth();
} else {
  console.error(`Unknown benchmark ${only}; one of ${BENCHMARKS.join(', ')}, or none for all`);
  process.exitCode = 2;
}
