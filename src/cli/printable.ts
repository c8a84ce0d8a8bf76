// Control characters (C0, DEL, C1) and the Unicode controls that reorder or hide text (bidi
// overrides and isolates, zero-width joiners, line and paragraph separators). A record is data
// from anywhere: printed raw, it could clear the screen or print a fake "all valid".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Text safe to print on a terminal: every control character written as a visible escape (`\u001b`).
 *
 * @example
 * ```ts
 * printable('a\u001b[2Jb'); // 'a\\u001b[2Jb'
 * ```
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * What to print when a file could not be read: `cannot read <file>: no such file` (or `is a
 * directory`, `permission denied`), in the same words whichever command read it. An error that is
 * not a read error (a write failure says so itself) keeps its own message.
 *
 * @example
 * ```ts
 * readFailure('cases.ndjson', Object.assign(new Error('ENOENT: …'), { code: 'ENOENT' })); // 'cannot read cases.ndjson: no such file'
 * ```
 */
export function readFailure(file: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const reason = READ_ERRORS[String(err?.code)];
  const name = file === '-' ? 'standard input' : file;
  if (reason !== undefined) return `cannot read ${printable(name)}: ${reason}`;
  return printable(String((err as Error | undefined)?.message ?? e));
}

const READ_ERRORS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EISDIR: 'is a directory', EACCES: 'permission denied', ENOTDIR: 'a folder in the path is a file' };
// Writing, a missing name is the folder's: the file is being made.
const WRITE_ERRORS: Readonly<Record<string, string>> = { ...READ_ERRORS, ENOENT: 'no such folder' };

/**
 * Runs a write to `file`; its failure is thrown as one (`cannot write <file>: no such folder`, …),
 * so that it is never read as a failure to read the input (see {@link readFailure}).
 *
 * @example
 * ```ts
 * writing('out/case.json', () => writeFileSync('out/case.json', text)); // throws "cannot write out/case.json: no such folder"
 * ```
 */
export function writing<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`cannot write ${printable(file)}: ${WRITE_ERRORS[String(err.code)] ?? printable(String(err.message))}`, { cause: e });
  }
}
