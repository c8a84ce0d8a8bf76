/**
 * Refusing an output that would overwrite the command's input or its other output. Writing to a
 * file truncates it first: `simulate s.json --out s.json` would replace the scenario with records,
 * `fhir export r.json --out r.json` the record with a Bundle, and `--out x --outcomes x` would
 * interleave records and CSV in one file, each with exit 0.
 */
import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

// A path not made yet, as it will be: its folder's real path (symbolic links followed) and its name.
function planned(path: string): string {
  const absolute = resolve(path);
  try {
    return resolve(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

/**
 * Whether two paths name one regular file: the same file however it is reached (a relative path,
 * a symbolic or a hard link), or the same path for one that does not exist yet. Devices are never
 * one file in this sense: both outputs may go to /dev/null.
 *
 * @example
 * ```ts
 * sameFile('out.ndjson', './out.ndjson'); // true
 * sameFile('/dev/null', '/dev/null'); // false: a device, not a file either output would overwrite
 * ```
 */
export function sameFile(a: string, b: string): boolean {
  const [sa, sb] = [statOf(a), statOf(b)];
  if (sa !== null && sb !== null) return sa.isFile() && sb.isFile() && sa.dev === sb.dev && sa.ino === sb.ino;
  if (sa !== null || sb !== null) return false;
  return planned(a) === planned(b);
}

/**
 * The first clash among a command's files, as a usage error (`--out names the scenario file, …`),
 * or `undefined`. `inputs` are read (`-`: standard input), `outputs` written (absent: standard output).
 *
 * @example
 * ```ts
 * clash([['the scenario file', 's.json']], [['--out', 's.json']]); // '--out names the scenario file (s.json): it would be overwritten; write elsewhere'
 * ```
 */
export function clash(inputs: readonly (readonly [string, string])[], outputs: readonly (readonly [string, string | null | undefined])[]): string | undefined {
  const written = outputs.filter((o): o is readonly [string, string] => o[1] !== null && o[1] !== undefined);
  for (const [flag, path] of written) {
    for (const [what, input] of inputs) {
      if (input !== '-' && sameFile(path, input)) return `${flag} names ${what} (${path}): it would be overwritten; write elsewhere`;
    }
  }
  for (let i = 0; i < written.length; i++) {
    for (let j = i + 1; j < written.length; j++) {
      const [[f1, p1], [f2, p2]] = [written[i] as readonly [string, string], written[j] as readonly [string, string]];
      if (sameFile(p1, p2)) return `${f1} and ${f2} name the same file (${p1}): each needs its own`;
    }
  }
  return undefined;
}
