/**
 * `node --import ./bench/register.mjs bench/index.ts`: runs the benchmarks' TypeScript compiled as
 * the package ships it. tsx compiles with esbuild's keepNames, which wraps every function made at
 * run time in a call that defines its name: code that makes closures per command (an app's context
 * made per request, the engine's own callbacks) measured up to 1.9× slower than the built package
 * runs it, and the peers (plain JavaScript from node_modules) paid nothing of the kind.
 */
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
