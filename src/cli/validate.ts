import { issue, type RecordIssue } from '../validate/issue.js';
import { validateRecord } from '../validate/validate-record.js';
import type { CliOptions } from './args.js';
import { recordsPolicy } from './policy.js';
import { printable, readFailure } from './printable.js';
import { recordsOf } from './read-records.js';
import { isProgrammeRecord, validateHeldProgrammes, type HeldProgramme } from './programmes.js';

/** One record's outcome, as the CLI reports it. */
interface Outcome {
  readonly file: string;
  readonly line?: number;
  readonly index?: number;
  readonly caseId?: string;
  readonly programmeId?: string;
  readonly valid: boolean;
  readonly issues: readonly RecordIssue[];
}

interface Tally {
  records: number;
  valid: number;
  errors: number;
  warnings: number;
  ioErrors: number;
}

function where(o: Outcome): string {
  const at = o.line !== undefined ? `:${o.line}` : o.index !== undefined ? `[${o.index}]` : '';
  return printable(`${o.file === '-' ? '<stdin>' : o.file}${at}${o.caseId ? `  case ${o.caseId}` : ''}${o.programmeId ? `  programme ${o.programmeId}` : ''}`);
}

function printText(o: Outcome): void {
  const errors = o.issues.filter((i) => i.severity === 'error').length;
  const warnings = o.issues.length - errors;
  const counts = [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');
  process.stdout.write(`${where(o)}: ${counts}\n`);
  for (const i of o.issues) {
    process.stdout.write(`  ${i.severity.padEnd(7)} ${printable(i.path || '/').padEnd(24)} ${printable(i.code).padEnd(18)} ${printable(i.message)}\n`);
  }
}

/** How many case records from standard input are kept for checking programme records against. */
const STDIN_KEPT = 10_000;

/** How many case ids are remembered for the check that one case id names one client (about 100 MB at most). */
const IDS_KEPT = 1_000_000;

/** The case id and client id a record's first event names, when it names both. */
function identity(value: unknown): { readonly caseId: string; readonly clientId: string } | undefined {
  const first = (value as { events?: { data?: { caseId?: unknown; clientId?: unknown } }[] } | null)?.events?.[0]?.data;
  return typeof first?.caseId === 'string' && typeof first.clientId === 'string' ? { caseId: first.caseId, clientId: first.clientId } : undefined;
}

/** Validates every input named in the options and reports; resolves to the exit code. */
export async function runValidate(options: CliOptions): Promise<number> {
  const policy = await recordsPolicy(options.policyFile, options.scenarioFile);
  if (typeof policy === 'string') {
    process.stderr.write(`intervention-lifecycle validate: ${policy}\n`);
    return 2;
  }
  const tally: Tally = { records: 0, valid: 0, errors: 0, warnings: 0, ioErrors: 0 };
  // JSON output is streamed, one result at a time, so a million records never sit in memory.
  const json = options.format === 'json' && !options.quiet;
  if (json) process.stdout.write('{\n  "results": [');
  const progress = options.format === 'text' && !options.quiet && process.stderr.isTTY === true;
  const held: HeldProgramme[] = [];
  // Standard input cannot be read twice: its case records are kept for the programmes' check — the
  // first STDIN_KEPT of them, so a long stream still runs in bounded memory (a programme whose members
  // come later says CASE_MISSING; give such records as files).
  const stdinCases: unknown[] = [];
  // Several versions of one case may be checked together; one case id given to two clients is a
  // collision (two people's records that a store keyed by case id would merge): a warning.
  const clientOfCase = new Map<string, { readonly clientId: string; readonly at: string }>();
  const count = (outcome: Outcome): void => {
    tally.records += 1;
    if (outcome.valid) tally.valid += 1;
    for (const i of outcome.issues) {
      if (i.severity === 'error') tally.errors += 1;
      else tally.warnings += 1;
    }
    if (json) process.stdout.write(`${tally.records === 1 ? '' : ','}\n    ${JSON.stringify(outcome)}`);
    else if (!options.quiet && outcome.issues.length > 0) printText(outcome);
    if (progress && tally.records % 500 === 0) process.stderr.write(`\rchecked ${tally.records} records…`);
  };
  for (const file of options.files) {
    try {
      for await (const item of recordsOf(file, options)) {
        const base = { file, ...(item.line === undefined ? {} : { line: item.line }), ...(item.index === undefined ? {} : { index: item.index }) };
        let outcome: Outcome;
        if (isProgrammeRecord(item.value)) {
          // Checked at the end, against its members' case records from this run.
          held.push({ ...base, value: item.value });
          continue;
        }
        if (file === '-' && item.value !== undefined && stdinCases.length < STDIN_KEPT) stdinCases.push(item.value);
        if (item.issue) {
          outcome = { ...base, valid: false, issues: [item.issue] };
        } else {
          const r = validateRecord(item.value, { maxEvents: options.maxEvents, policy });
          outcome = { ...base, ...(r.caseId === undefined ? {} : { caseId: r.caseId }), valid: r.valid, issues: r.issues };
          const who = identity(item.value);
          const earlier = who === undefined ? undefined : clientOfCase.get(who.caseId);
          if (who !== undefined && earlier === undefined && clientOfCase.size < IDS_KEPT) clientOfCase.set(who.caseId, { clientId: who.clientId, at: where(outcome).split('  ')[0] as string });
          if (who !== undefined && earlier !== undefined && earlier.clientId !== who.clientId) {
            const message = `case ${who.caseId} is also in ${earlier.at}, for client ${earlier.clientId}; here it is for client ${who.clientId}: one case id, two clients`;
            outcome = { ...outcome, issues: [...outcome.issues, issue(['events', 0, 'data', 'clientId'], 'CASE_ID_REUSED', message, 'warning')] };
          }
        }
        count(outcome);
      }
    } catch (e) {
      tally.ioErrors += 1;
      const message = readFailure(file, e);
      process.stderr.write(`intervention-lifecycle validate: ${message.startsWith('cannot read') ? message : `cannot read ${printable(file)}: ${message}`}\n`);
    }
  }
  if (held.length > 0) {
    try {
      for (const r of await validateHeldProgrammes(held, options, stdinCases, policy)) {
        const { value: _value, ...base } = r.held;
        count({ ...base, ...(r.programmeId === undefined ? {} : { programmeId: r.programmeId }), valid: r.valid, issues: r.issues });
      }
    } catch (e) {
      tally.ioErrors += 1;
      process.stderr.write(`intervention-lifecycle validate: cannot read the files again for the programmes' member cases: ${printable((e as Error).message)}\n`);
    }
  }
  if (progress) process.stderr.write('\r\x1b[K');
  const invalid = tally.records - tally.valid;
  if (json) {
    const summary = { records: tally.records, valid: tally.valid, invalid, errors: tally.errors, warnings: tally.warnings, ioErrors: tally.ioErrors };
    process.stdout.write(`${tally.records === 0 ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
  } else if (!options.quiet) {
    const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
    const warned = tally.warnings === 0 ? '' : ` (${plural(tally.warnings, 'warning')})`;
    const what = invalid === 0 ? `all valid${warned}` : `${tally.valid} valid, ${invalid} with issues (${plural(tally.errors, 'error')}, ${plural(tally.warnings, 'warning')})`;
    process.stdout.write(tally.records === 0 ? 'No records checked.\n' : `${tally.records} record${tally.records === 1 ? '' : 's'} checked: ${what}.\n`);
  }
  if (tally.ioErrors > 0) return 2;
  return invalid > 0 ? 1 : 0;
}
