/**
 * A streaming NDJSON reader with flat memory: it holds one line at a time, never more than
 * `maxLineBytes` of it, and works on any async iterable of bytes (a Node stream, a fetch body).
 */

/** One line of an NDJSON input: its parsed value, or why it could not be read. */
export type NdjsonLine =
  | { readonly line: number; readonly ok: true; readonly value: unknown }
  | { readonly line: number; readonly ok: false; readonly code: 'INVALID_JSON' | 'INVALID_UTF8' | 'TOO_LARGE'; readonly message: string };

/** Options of {@link readNdjson}. */
export interface NdjsonOptions {
  /** The largest line accepted, in bytes. Default 50 MiB. */
  readonly maxLineBytes?: number;
}

const NEWLINE = 0x0a;

function parseLine(bytes: Uint8Array, line: number, decoder: TextDecoder): NdjsonLine | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { line, ok: false, code: 'INVALID_UTF8', message: `line ${line} is not valid UTF-8` };
  }
  if (text.trim() === '') return undefined;
  try {
    return { line, ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { line, ok: false, code: 'INVALID_JSON', message: `line ${line} is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * Reads NDJSON one line at a time. Blank lines are skipped; a broken line is reported with its line
 * number and reading goes on; a line longer than the limit is skipped without being held in memory.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * for await (const line of readNdjson(createReadStream('records.ndjson'))) {
 *   if (line.ok) validateRecord(line.value);
 * }
 * ```
 */
export async function* readNdjson(source: AsyncIterable<Uint8Array | string>, options: NdjsonOptions = {}): AsyncGenerator<NdjsonLine> {
  const max = options.maxLineBytes ?? 50 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const encoder = new TextEncoder();
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  let line = 1;
  const finish = function* (): Generator<NdjsonLine> {
    if (tooLarge) {
      yield { line, ok: false, code: 'TOO_LARGE', message: `line ${line} is longer than the limit of ${max} bytes` };
    } else if (size > 0) {
      const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts, size);
      const parsed = parseLine(bytes, line, decoder);
      if (parsed) yield parsed;
    }
    parts = [];
    size = 0;
    tooLarge = false;
    line += 1;
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    let start = 0;
    while (start < bytes.length) {
      const nl = bytes.indexOf(NEWLINE, start);
      const end = nl === -1 ? bytes.length : nl;
      if (!tooLarge) {
        if (size + (end - start) > max) {
          tooLarge = true;
          parts = [];
          size = 0;
        } else if (end > start) {
          parts.push(bytes.subarray(start, end));
          size += end - start;
        }
      }
      if (nl === -1) break;
      yield* finish();
      start = nl + 1;
    }
    // Parts point into the chunk; copy them before the stream reuses its buffer.
    if (parts.length > 0) parts = [concat(parts, size)];
  }
  yield* finish();
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
