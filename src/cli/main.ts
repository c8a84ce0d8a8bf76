/**
 * The `intervention-lifecycle` command. Its job is to speak to people: plain messages, exit codes
 * (0 success, 1 findings, 2 usage or I/O error) and never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HELP = `Usage: intervention-lifecycle <command> [options]

Commands:
  help            show this help

Options:
  -h, --help      show this help
  -v, --version   print the version

The record validator ("validate") is planned and not yet part of this release.
Exit codes: 0 success, 1 findings, 2 usage or I/O error.
`;

function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const path = fileURLToPath(new URL('../../package.json', import.meta.url));
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

export function main(args: readonly string[]): number {
  const [first] = args;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  process.stderr.write(`intervention-lifecycle: unknown command "${first}"\nRun "intervention-lifecycle --help" for usage.\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
