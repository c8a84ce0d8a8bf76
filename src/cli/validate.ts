import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { readNdjson } from '../validate/ndjson.js';
import type { RecordIssue } from '../validate/issue.js';
import { validateRecord } from '../validate/validate-record.js';
import type { CliOptions } from './args.js';
import type { Policy } from '../case/context.js';

/** One record's outcome, as the CLI reports it. */
interface Outcome {
  readonly file: string;
  readonly line?: number;
  readonly index?: number;
  readonly caseId?: string;
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

function lineIssue(code: string, message: string): RecordIssue {
  return { path: '', code, message, severity: 'error' };
}

async function* recordsOf(file: string, options: CliOptions): AsyncGenerator<{ line?: number; index?: number; value?: unknown; issue?: RecordIssue }> {
  const ndjson = file === '-' ? options.stdin === 'ndjson' : /\.(ndjson|jsonl)$/i.test(file);
  if (ndjson) {
    const source = file === '-' ? process.stdin : createReadStream(file);
    for await (const line of readNdjson(source, { maxLineBytes: options.maxRecordBytes })) {
      yield line.ok ? { line: line.line, value: line.value } : { line: line.line, issue: lineIssue(line.code, line.message) };
    }
    return;
  }
  let bytes: Uint8Array;
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > options.maxRecordBytes) {
        yield { issue: lineIssue('TOO_LARGE', `standard input is larger than the limit of ${options.maxRecordBytes} bytes`) };
        return;
      }
      chunks.push(chunk);
    }
    bytes = Buffer.concat(chunks);
  } else {
    const { size } = await stat(file);
    if (size > options.maxRecordBytes) {
      yield { issue: lineIssue('TOO_LARGE', `${file} is ${size} bytes, larger than the limit of ${options.maxRecordBytes}; use NDJSON for many records`) };
      return;
    }
    bytes = await readFile(file);
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    const code = e instanceof TypeError ? 'INVALID_UTF8' : 'INVALID_JSON';
    yield { issue: lineIssue(code, code === 'INVALID_UTF8' ? 'the file is not valid UTF-8' : `not valid JSON: ${(e as Error).message}`) };
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) yield { index, value: value[index] };
  } else {
    yield { value };
  }
}

function where(o: Outcome): string {
  const at = o.line !== undefined ? `:${o.line}` : o.index !== undefined ? `[${o.index}]` : '';
  return `${o.file === '-' ? '<stdin>' : o.file}${at}${o.caseId ? `  case ${o.caseId}` : ''}`;
}

function printText(o: Outcome): void {
  const errors = o.issues.filter((i) => i.severity === 'error').length;
  const warnings = o.issues.length - errors;
  const counts = [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''].filter(Boolean).join(', ');
  process.stdout.write(`${where(o)}: ${counts}\n`);
  for (const i of o.issues) {
    process.stdout.write(`  ${i.severity.padEnd(7)} ${(i.path || '/').padEnd(24)} ${i.code.padEnd(18)} ${i.message}\n`);
  }
}

const POLICY_KEYS = new Set(['roles', 'modalities', 'reviewIntervalDays', 'reopenWithinDays', 'safetyPlanWithinHours']);

// A policy from JSON: the data parts of Policy (an app's authorize function cannot travel as JSON).
async function readPolicy(file: string): Promise<Policy | string> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return err.code === 'ENOENT' ? `cannot read policy ${file}: no such file` : `policy ${file} is not valid JSON: ${err.message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `policy ${file} must be a JSON object`;
  const unknown = Object.keys(value).filter((k) => !POLICY_KEYS.has(k));
  if (unknown.length > 0) return `policy ${file} has unknown fields: ${unknown.join(', ')} (known: ${[...POLICY_KEYS].join(', ')})`;
  return value as Policy;
}

/** Validates every input named in the options and reports; resolves to the exit code. */
export async function runValidate(options: CliOptions): Promise<number> {
  let policy: Policy = {};
  if (options.policyFile !== null) {
    const read = await readPolicy(options.policyFile);
    if (typeof read === 'string') {
      process.stderr.write(`intervention-lifecycle validate: ${read}\n`);
      return 2;
    }
    policy = read;
  }
  const tally: Tally = { records: 0, valid: 0, errors: 0, warnings: 0, ioErrors: 0 };
  const results: Outcome[] = [];
  const progress = options.format === 'text' && !options.quiet && process.stderr.isTTY === true;
  for (const file of options.files) {
    try {
      for await (const item of recordsOf(file, options)) {
        const base = { file, ...(item.line === undefined ? {} : { line: item.line }), ...(item.index === undefined ? {} : { index: item.index }) };
        let outcome: Outcome;
        if (item.issue) {
          outcome = { ...base, valid: false, issues: [item.issue] };
        } else {
          const r = validateRecord(item.value, { maxEvents: options.maxEvents, policy });
          outcome = { ...base, ...(r.caseId === undefined ? {} : { caseId: r.caseId }), valid: r.valid, issues: r.issues };
        }
        tally.records += 1;
        if (outcome.valid) tally.valid += 1;
        for (const i of outcome.issues) {
          if (i.severity === 'error') tally.errors += 1;
          else tally.warnings += 1;
        }
        if (options.format === 'json') results.push(outcome);
        else if (!options.quiet && outcome.issues.length > 0) printText(outcome);
        if (progress && tally.records % 500 === 0) process.stderr.write(`\rchecked ${tally.records} records…`);
      }
    } catch (e) {
      tally.ioErrors += 1;
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      process.stderr.write(`intervention-lifecycle validate: cannot read ${file}: ${reason}\n`);
    }
  }
  if (progress) process.stderr.write('\r\x1b[K');
  const invalid = tally.records - tally.valid;
  if (options.format === 'json') {
    const summary = { records: tally.records, valid: tally.valid, invalid, errors: tally.errors, warnings: tally.warnings, ioErrors: tally.ioErrors };
    if (!options.quiet) process.stdout.write(`${JSON.stringify({ summary, results }, null, 2)}\n`);
  } else if (!options.quiet) {
    const what = invalid === 0 ? 'all valid' : `${tally.valid} valid, ${invalid} with issues (${tally.errors} errors, ${tally.warnings} warnings)`;
    process.stdout.write(tally.records === 0 ? 'No records checked.\n' : `${tally.records} record${tally.records === 1 ? '' : 's'} checked: ${what}.\n`);
  }
  if (tally.ioErrors > 0) return 2;
  return invalid > 0 ? 1 : 0;
}
