import type { LifecycleError } from './errors.js';

/**
 * The outcome of an operation that may be refused: a value, or a {@link LifecycleError} as a value.
 *
 * @example
 * ```ts
 * const r: Result<number> = ok(3);
 * if (r.ok) r.value; // 3
 * ```
 */
export type Result<T, E = LifecycleError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * A successful {@link Result}.
 *
 * @example
 * ```ts
 * ok('active'); // { ok: true, value: 'active' }
 * ```
 */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/**
 * A refused {@link Result}.
 *
 * @example
 * ```ts
 * err(new LifecycleError('NOT_FOUND', 'No goal g-9 in case c-1'));
 * ```
 */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
