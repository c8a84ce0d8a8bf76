/**
 * Does the generated fast path (src/engine/fast-parse.ts) still earn its place beside zod 4's own
 * compiled parser? Parses the commands of many distinct lifecycles (ids differ per copy, so no input
 * is cache-hot) three ways: `parseCommand` (the fast path per command type, zod behind it), zod's
 * `safeParse` with its JIT, and zod with the JIT off (`jitless`, as under a strict CSP).
 */
import { commandSchema, parseCommand } from '../src/engine/commands.js';
import { measureInterleaved, printTable, type BenchResult } from './harness.js';
import { scenario } from './scenario.js';

// 64 copies of the lifecycle's commands, every id suffixed so each copy is a distinct input.
const inputs: Record<string, unknown>[] = [];
for (let copy = 0; copy < 64; copy++) {
  for (const [, command] of scenario) {
    inputs.push(JSON.parse(JSON.stringify(command).replace(/"([a-z]+-[\w-]+)"/g, (m, id: string) => (/^(p|m|g|s|v|k|n)-/.test(id) ? `"${id}-${copy}"` : m))) as Record<string, unknown>);
  }
}

function run(parse: (input: unknown) => { success: boolean }): () => number {
  return () => {
    for (const input of inputs) if (!parse(input).success) throw new Error(`not a command: ${JSON.stringify(input)}`);
    return inputs.length;
  };
}

export function benchParse(): BenchResult[] {
  const schema = commandSchema();
  const results = measureInterleaved([
    { name: 'parseCommand (fast path, zod behind)', run: run(parseCommand) },
    { name: 'zod 4 safeParse (its JIT)', run: run((i) => schema.safeParse(i)) },
    { name: 'zod 4 safeParse, jitless', run: run((i) => schema.safeParse(i, { jitless: true } as never)) },
  ]);
  printTable(`Parsing commands: ${inputs.length} distinct valid commands, medians of interleaved rounds`, 'commands', results, 'zod 4 safeParse (its JIT)');
  return results;
}
