/**
 * The flags of a subcommand, read by `node:util`'s parseArgs with `--help` / `-h` added: every
 * subcommand but `validate` (args.ts, which predates it) reads its arguments this way.
 */
import { parseArgs } from 'node:util';

/** What {@link readFlags} read: the flags by name and the positional arguments. */
export interface Flags {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Reads `args` against `options` (each flag a string or a boolean): the flags, `'help'` when help
 * was asked for, or parseArgs' message for an unknown or malformed flag (a usage error).
 *
 * @example
 * ```ts
 * readFlags(['--format', 'json', 'all'], { format: { type: 'string' } }); // { values: { format: 'json' }, positionals: ['all'] }
 * ```
 */
export function readFlags(args: readonly string[], options: Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>): Flags | 'help' | string {
  try {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    return values.help === true ? 'help' : { values: values as Flags['values'], positionals };
  } catch (e) {
    return (e as Error).message;
  }
}
