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
  /** Where a table refused: the machine, the entity and its status, and what that status allows. */
  readonly refusedAt?: RefusedAt;
}

/**
 * Where a lifecycle table refused a command, as structured facts a UI can use without parsing the
 * message: which machine, which entity (when the command named one), the status it was in, and the
 * commands that status allows.
 */
export interface RefusedAt {
  /** The machine's id (`case`, `goal`, `strategy`, …). */
  readonly machine: string;
  /** The entity's id, when the refusal concerns one. */
  readonly entityId?: string;
  /** The entity's status when the command was refused (`null`: it does not exist yet). */
  readonly status: string | null;
  /** The commands the table allows from that status. */
  readonly allowed: readonly string[];
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
  /** The status the entity was in when a table refused, or undefined. */
  readonly status: string | null | undefined;
  /** The commands the table allows from that status (a UI's enabled buttons), or undefined. */
  readonly allowed: readonly string[] | undefined;
  /** Where a table refused (machine, entity, status, allowed), or undefined for other refusals. */
  readonly refusedAt: RefusedAt | undefined;

  constructor(code: ErrorCode, message: string, options: LifecycleErrorOptions = {}) {
    super(message);
    this.name = 'LifecycleError';
    this.code = code;
    this.issues = options.issues ?? [];
    this.rule = options.rule;
    this.refusedAt = options.refusedAt;
    this.status = options.refusedAt?.status;
    this.allowed = options.refusedAt?.allowed;
  }

  /** A plain-JSON form, so a refusal can be stored or sent as it is. */
  toJSON(): { name: string; code: ErrorCode; message: string; rule?: string; refusedAt?: RefusedAt; issues: readonly Issue[] } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.rule === undefined ? {} : { rule: this.rule }),
      ...(this.refusedAt === undefined ? {} : { refusedAt: this.refusedAt }),
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
