/** The built bin, run as a user runs it: shared by the CLI's dist tests. */
import { spawnSync } from 'node:child_process';

export const bin = 'dist/cli/main.js';

/** Runs the bin with `args` (and `input` on standard input): its exit code, standard output and error. */
export function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: input ?? '', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A record fixture's path. */
export const fx = (name: string) => `test/fixtures/records/${name}.json`;
