/**
 * The `intervention-lifecycle` command. It speaks to people: plain messages, exit codes
 * (0 all valid, 1 issues found, 2 usage or I/O error) and never a stack trace.
 */
import { realpathSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { parseArgs, type CliOptions } from './args.js';
import { runValidate } from './validate.js';
import { parseSimulateArgs, runSimulate, type SimulateOptions } from './simulate.js';
import { guardStdout } from './output.js';
import { parseOutcomesArgs, runOutcomes, type OutcomesOptions } from './outcomes.js';
import { parseFhirArgs, runFhir } from './fhir.js';
import { parseDiagramArgs, runDiagram } from './diagram.js';

const HELP = `Usage: intervention-lifecycle <command> [options]

Commands:
  validate <file|-> [...]   check case records (.json: one record or an array;
                            .ndjson/.jsonl: one record per line, streamed)
  simulate <scenario|->     simulate a cohort through the engine: records as NDJSON, an
                            outcome table, a summary on stderr
  outcomes <file|->         the outcome table (one row per case with research consent)
                            of existing records, each validated first
  diagram [machine|all]     the lifecycle tables as Mermaid state diagrams (or --format json)
  fhir export <file|->      case records as FHIR R4 Bundles (one record: a JSON Bundle;
                            .ndjson or -: one Bundle per line)
  fhir import <file|->      a FHIR Bundle, resource or array of them, or NDJSON (a bulk
                            export, one resource a line): the case record, measurements
                            and goals as JSON (issues on stderr); NDJSON of Bundles (as
                            fhir export writes many): each imported on its own, one a line

Options for validate:
  --format text|json        output for people (default) or for machines
  --quiet                   print nothing; the exit code tells
  --stdin ndjson|json       how to read "-" (default ndjson)
  --max-record-bytes N      refuse a record (an NDJSON line or a .json file) larger than N bytes
                            (default 52428800, 50 MiB)
  --max-events N            refuse a record with more than N events (default 100000)
  --policy FILE             a JSON policy the records were made under: roles, modalities,
                            reviewIntervalDays, reopenWithinDays, safetyPlanWithinHours
  --scenario FILE           or: the simulation scenario the records were made from (the
                            policy its run registers: the scenario's own modalities)

Options for simulate:
  --seed N                  the run's seed (default 1): same seed, same output, byte for byte
  --clients N               how many clients (default 1000)
  --out FILE                write the records (NDJSON) to FILE (default: standard output)
  --outcomes FILE           write the outcome table (CSV) to FILE
  --shard i/n               only clients i, i+n, i+2n, … of the full run (for array jobs)
  --workers N               simulate on N threads (same output as one)
  --groups N                then N groups of the scenario's programme: each group's programme
                            record and its members' case records (shards take every n-th group)
  --quiet                   no summary and no progress

Options for outcomes:
  --format csv|ndjson       the table's format (default csv)
  --as-of INSTANT           judge research consent at this instant (default: each case's last change)
  --quiet                   do not report the records skipped as invalid
  --stdin ndjson|json       how to read "-" (default ndjson)
  --policy FILE, --scenario FILE   the policy the records were made under, as for validate

Options for diagram:
  --format mermaid|json     diagrams (default) or the tables' rows as JSON; machines: case, goal,
                            strategy, session, assessment, measurement, evaluation, consent,
                            crisis, team, programme, enrolment, group-session

Options for fhir:
  --type collection|transaction   export: the Bundle type (default collection)
  --out FILE                export: write there; import: write the case record there
  --setting SETTING         import: where care happens (FHIR does not say; default community)
  --share-with ORG          export: the organisation the Bundles go to; a record whose client's
                            information-sharing consent does not cover it is skipped
  --conditional             export, with --type transaction: refer to the client and the
                            people by identifier search, each entry created only if none
                            with its identifier exists (for a server that holds them)
  --policy FILE, --scenario FILE   export: the policy the records were made under, as for
                            validate (each record is validated before it is exported)
  --person-system URI       the identifier system that names clients (an NHS number's, say):
                            export writes it on the client's references (staff keep
                            ours), import names each client by it
  --quiet                   print no issues; the exit code tells

Other:
  -h, --help                show this help
  -v, --version             print the version

Exit codes: 0 every record valid (simulate: done; fhir: clean), 1 issues found (outcomes,
fhir export: records skipped, invalid or not to be shared; fhir import: issues reported),
2 usage or I/O error.
`;

function version(): string {
  // dist/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const path = fileURLToPath(new URL('../../package.json', import.meta.url));
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** A subcommand: its argument parser (options, `'help'`, or a usage error) and its runner. */
interface Subcommand {
  parse(args: readonly string[]): object | 'help' | string;
  run(options: never): number | Promise<number>;
}
const subcommand = <O extends object>(parse: (args: readonly string[]) => O | 'help' | string, run: (options: O) => number | Promise<number>): Subcommand => ({ parse, run: run as (options: never) => number | Promise<number> });

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  simulate: subcommand<SimulateOptions>(parseSimulateArgs, runSimulate),
  outcomes: subcommand<OutcomesOptions>(parseOutcomesArgs, runOutcomes),
  fhir: subcommand(parseFhirArgs, runFhir),
  diagram: subcommand(parseDiagramArgs, runDiagram),
};

/** Runs the CLI with its arguments; resolves to the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    process.stderr.write(HELP);
    return 2;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
  if (command !== undefined) {
    const parsed = command.parse(rest);
    if (parsed === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (typeof parsed === 'string') {
      process.stderr.write(`intervention-lifecycle ${first}: ${parsed}\nRun "intervention-lifecycle --help" for usage.\n`);
      return 2;
    }
    return command.run(parsed as never);
  }
  if (first !== 'validate') {
    process.stderr.write(`intervention-lifecycle: unknown command "${first}"\nRun "intervention-lifecycle --help" for usage.\n`);
    return 2;
  }
  const parsed = parseArgs(rest);
  if (typeof parsed === 'string') {
    process.stderr.write(`intervention-lifecycle validate: ${parsed}\nRun "intervention-lifecycle --help" for usage.\n`);
    return 2;
  }
  if ((parsed as CliOptions).help) {
    process.stdout.write(HELP);
    return 0;
  }
  return runValidate(parsed as CliOptions);
}

function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainThread && isEntry()) {
  guardStdout();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`intervention-lifecycle: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
