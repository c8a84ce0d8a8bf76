import { z } from 'zod';
import { fastParser } from './fast-parse.js';
import type { CaseCommand, CommandOf, CommandType } from './command-types.js';
import { COMMAND_SCHEMAS } from './registry.js';

let union: z.ZodType<CaseCommand> | undefined;

/**
 * The zod schema of every command: a discriminated union on `type`, strict (unknown fields are
 * issues). Built on first use, from the registry's entity modules.
 *
 * @example
 * ```ts
 * commandSchema().safeParse({ type: 'startReview' }).success; // true
 * ```
 */
export function commandSchema(): z.ZodType<CaseCommand> {
  union ??= z.discriminatedUnion('type', COMMAND_SCHEMAS as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<CaseCommand>;
  return union;
}

// One fast parser per command type (exported for tests), compiled on first use: a schema the generator does not model
// leaves only its own command to zod (null), never every command.
let fast: ReadonlyMap<unknown, ((input: unknown) => CaseCommand | undefined) | null> | undefined;

export function fastParsers(): ReadonlyMap<unknown, ((input: unknown) => CaseCommand | undefined) | null> {
  fast ??= new Map(COMMAND_SCHEMAS.map((schema) => [schema.shape.type.value, fastParser<CaseCommand>(schema)]));
  return fast;
}

/**
 * Parses a command: {@link commandSchema}'s `safeParse`, with a fast path compiled from the command's
 * own schema for the common, certainly valid command (zod then only explains what is wrong). The
 * switch is zod's: with `z.config({ jitless: true })` (for a Content-Security-Policy that forbids
 * generated code, or to rule the fast path out) neither zod nor this library generates code.
 *
 * @example
 * ```ts
 * const r = parseCommand({ type: 'startReview' });
 * if (r.success) r.data.type; // 'startReview'
 * ```
 */
export function parseCommand(input: unknown): z.ZodSafeParseResult<CaseCommand> {
  if (z.config().jitless !== true && typeof input === 'object' && input !== null) {
    const parser = fastParsers().get((input as { type?: unknown }).type);
    const data = parser == null ? undefined : parser(input);
    if (data !== undefined) return { success: true, data };
  }
  return commandSchema().safeParse(input);
}

/** A command's payload: its fields other than `type`. */
export type CommandPayload<K extends CommandType> = Omit<CommandOf<K>, 'type'>;

/**
 * Builds a typed command: `command('holdCase', { reason })`. `dispatch` accepts anything (a command
 * from JSON is checked at run time); writing a command through this helper checks it at compile time
 * too, so a misspelt field or a missing one is a type error. It only adds `type`: the engine still
 * validates the command when it is dispatched.
 *
 * @example
 * ```ts
 * const r = dispatch(state, command('holdCase', { reason: 'Client in hospital' }), ctx);
 * command('startReview'); // payload-free commands take no second argument
 * // command('holdCase', { reasn: 'x' }); // a compile error: unknown field reasn, missing reason
 * ```
 */
export function command<K extends CommandType>(type: K, ...payload: Record<never, never> extends CommandPayload<K> ? [payload?: CommandPayload<K>] : [payload: CommandPayload<K>]): CommandOf<K> {
  return Object.assign({}, payload[0], { type }) as unknown as CommandOf<K>;
}
