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
  // A negative number after a flag that takes a value is that value (`--seed -1`), so the subcommand
  // can say what it accepts; parseArgs alone calls it an ambiguous option.
  const given: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg.startsWith('--') && options[arg.slice(2)]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      given.push(`${arg}=${next}`);
      i++;
    } else {
      given.push(arg);
    }
  }
  try {
    const { values, positionals } = parseArgs({ args: given, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
    return values.help === true ? 'help' : { values: values as Flags['values'], positionals };
  } catch (e) {
    return (e as Error).message;
  }
}
