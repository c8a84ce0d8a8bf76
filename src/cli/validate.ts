import { createReadStream } from 'node:fs';
import { readNdjson } from '../validate/ndjson.js';
import type { RecordIssue } from '../validate/issue.js';
import { validateRecord } from '../validate/validate-record.js';
import type { CliOptions } from './args.js';
import type { Policy } from '../engine/context.js';
import { readPolicy } from './policy.js';
import { printable } from './printable.js';

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

export async function* recordsOf(file: string, options: CliOptions): AsyncGenerator<{ line?: number; index?: number; value?: unknown; issue?: RecordIssue }> {
  const ndjson = file === '-' ? options.stdin === 'ndjson' : /\.(ndjson|jsonl)$/i.test(file);
  if (ndjson) {
    const source = file === '-' ? process.stdin : createReadStream(file);
    for await (const line of readNdjson(source, { maxLineBytes: options.maxRecordBytes })) {
      yield line.ok ? { line: line.line, value: line.value } : { line: line.line, issue: lineIssue(line.code, line.message) };
    }
    return;
  }
  // Streamed with the limit whatever the file is: a regular file, a pipe, /dev/zero or /dev/stdin
  // (whose size says nothing), so no input is ever read whole past --max-record-bytes.
  const chunks: Buffer[] = [];
  let size = 0;
  const source = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const chunk of source as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > options.maxRecordBytes) {
      if (source !== process.stdin) (source as ReturnType<typeof createReadStream>).destroy();
      const what = file === '-' ? 'standard input is' : `${file} is`;
      yield { issue: lineIssue('TOO_LARGE', `${what} larger than the limit of ${options.maxRecordBytes} bytes; use NDJSON for many records`) };
      return;
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    const code = e instanceof TypeError ? 'INVALID_UTF8' : 'INVALID_JSON';
    yield { issue: lineIssue(code, code === 'INVALID_UTF8' ? 'the file is not valid UTF-8' : `not valid JSON: ${(e as Error).message}`) };
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) yield { issue: lineIssue('NO_RECORDS', 'the file holds an empty array: there are no records in it to check') };
    for (let index = 0; index < value.length; index++) yield { index, value: value[index] };
  } else {
    yield { value };
  }
}

function where(o: Outcome): string {
  const at = o.line !== undefined ? `:${o.line}` : o.index !== undefined ? `[${o.index}]` : '';
  return printable(`${o.file === '-' ? '<stdin>' : o.file}${at}${o.caseId ? `  case ${o.caseId}` : ''}`);
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
  // JSON output is streamed, one result at a time, so a million records never sit in memory.
  const json = options.format === 'json' && !options.quiet;
  if (json) process.stdout.write('{\n  "results": [');
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
        if (json) process.stdout.write(`${tally.records === 1 ? '' : ','}\n    ${JSON.stringify(outcome)}`);
        else if (!options.quiet && outcome.issues.length > 0) printText(outcome);
        if (progress && tally.records % 500 === 0) process.stderr.write(`\rchecked ${tally.records} records…`);
      }
    } catch (e) {
      tally.ioErrors += 1;
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      process.stderr.write(`intervention-lifecycle validate: cannot read ${printable(file)}: ${printable(String(reason))}\n`);
    }
  }
  if (progress) process.stderr.write('\r\x1b[K');
  const invalid = tally.records - tally.valid;
  if (json) {
    const summary = { records: tally.records, valid: tally.valid, invalid, errors: tally.errors, warnings: tally.warnings, ioErrors: tally.ioErrors };
    process.stdout.write(`${tally.records === 0 ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
  } else if (!options.quiet) {
    const what = invalid === 0 ? 'all valid' : `${tally.valid} valid, ${invalid} with issues (${tally.errors} errors, ${tally.warnings} warnings)`;
    process.stdout.write(tally.records === 0 ? 'No records checked.\n' : `${tally.records} record${tally.records === 1 ? '' : 's'} checked: ${what}.\n`);
  }
  if (tally.ioErrors > 0) return 2;
  return invalid > 0 ? 1 : 0;
}
