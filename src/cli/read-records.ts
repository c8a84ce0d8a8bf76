/** Reading records from files and standard input, streamed, for every command that reads them. */
import { createReadStream } from 'node:fs';
import { readNdjson } from '../validate/ndjson.js';
import type { RecordIssue } from '../validate/issue.js';
import type { CliOptions } from './args.js';

function lineIssue(code: string, message: string): RecordIssue {
  return { path: '', code, message, severity: 'error' };
}

/** The records of a file (.json: one or an array; .ndjson/.jsonl: one a line) or of standard input, each with where it was, or an issue. */
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

/** The reading options of a command that reads one records file with the defaults of `validate` (NDJSON on stdin unless said, 50 MiB a record). */
export function readingOptions(file: string, quiet: boolean, stdin: CliOptions['stdin'] = 'ndjson'): CliOptions {
  return { files: [file], format: 'text', quiet, stdin, maxRecordBytes: 50 * 1024 * 1024, maxEvents: 100_000, policyFile: null, scenarioFile: null, help: false };
}
