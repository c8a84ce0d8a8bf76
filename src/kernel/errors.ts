/**
 * The one error type of the library: a code from a closed union, a readable message and a list of
 * issues (each with a path), in the manner of zod's `$ZodError`.
 */

/**
 * Every code a refusal or a failure can carry.
 *
 * - `INVALID_COMMAND`: the command's shape is wrong (the zod issues are attached).
 * - `INVALID_TRANSITION`: the command is not allowed from the entity's current status.
 * - `GUARD_FAILED`: the command is allowed from this status, but a named guard refused it.
 * - `NOT_FOUND`: the command names an entity the case does not hold.
 * - `FORBIDDEN`: the actor's role may not issue the command.
 * - `CONSENT_REQUIRED`: the command needs a consent that is not active.
 * - `CONFLICT`: `ctx.expectedVersion` differs from the state's version.
 * - `INVALID_LOG`: an event log cannot be replayed.
 * - `INVALID_INPUT`: a pure function (for example a statistic) was given values outside its domain.
 */
export type ErrorCode =
  | 'INVALID_COMMAND'
  | 'INVALID_TRANSITION'
  | 'GUARD_FAILED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONSENT_REQUIRED'
  | 'CONFLICT'
  | 'INVALID_LOG'
  | 'INVALID_INPUT';

/**
 * One finding attached to an error: where (`path`, as in zod), what kind (`code`) and in words.
 *
 * @example
 * ```ts
 * const issue: Issue = { path: ['goals', 0, 'targetDate'], code: 'too_small', message: 'Target date must follow the start date' };
 * ```
 */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

/** Options of the {@link LifecycleError} constructor. */
export interface LifecycleErrorOptions {
  /** The findings behind the error; defaults to none. */
  readonly issues?: readonly Issue[];
  /** The name of the guard or rule that refused, where one did. */
  readonly rule?: string;
}

/**
 * The error of every refusal and failure in the library. `dispatch` returns it as a value;
 * `dispatchOrThrow` and the other throwing twins throw it.
 *
 * @example
 * ```ts
 * const error = new LifecycleError('CONFLICT', 'Case c-1 is at version 4, not 3');
 * error.code; // 'CONFLICT'
 * error instanceof Error; // true
 * ```
 */
export class LifecycleError extends Error {
  /** What kind of refusal or failure this is. */
  readonly code: ErrorCode;
  /** The findings behind it, each with a path. */
  readonly issues: readonly Issue[];
  /** The guard or rule that refused, where one did. */
  readonly rule: string | undefined;

  constructor(code: ErrorCode, message: string, options: LifecycleErrorOptions = {}) {
    super(message);
    this.name = 'LifecycleError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.rule = options.rule;
  }

  /** A plain-JSON form, so a refusal can be stored or sent as it is. */
  toJSON(): { name: string; code: ErrorCode; message: string; rule?: string; issues: readonly Issue[] } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.rule === undefined ? {} : { rule: this.rule }),
      issues: this.issues,
    };
  }
}

/**
 * Whether a value is a {@link LifecycleError} (also across bundle copies, by shape).
 *
 * @example
 * ```ts
 * try { doSomething(); } catch (e) { if (isLifecycleError(e)) console.log(e.code); }
 * ```
 */
export function isLifecycleError(value: unknown): value is LifecycleError {
  return (
    value instanceof LifecycleError ||
    (value instanceof Error && value.name === 'LifecycleError' && typeof (value as { code?: unknown }).code === 'string')
  );
}
