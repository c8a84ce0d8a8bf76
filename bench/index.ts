/**
 * `npm run bench`: every benchmark in one run, printed as tables with ratios. Not a test: numbers
 * depend on the machine and never fail CI.
 */
import { benchDispatch } from './dispatch.js';
import { benchKernel } from './kernel.js';
import { benchReplay } from './replay.js';
import { benchValidate } from './validate.js';

console.log(`intervention-lifecycle benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchKernel();
benchDispatch();
benchReplay();
await benchValidate();
