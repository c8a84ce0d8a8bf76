/**
 * What the record validator reports: one finding with a JSON-pointer path, a code, a plain message
 * and a severity.
 */
export interface RecordIssue {
  /** A JSON pointer into the record (RFC 6901), e.g. `/events/12/data/goalId`. */
  readonly path: string;
  /** A stable code: an engine error code (`INVALID_TRANSITION`, `FORBIDDEN`, …) or a validator code. */
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * A JSON pointer from path segments (RFC 6901: `~` → `~0`, `/` → `~1`).
 *
 * @example
 * ```ts
 * pointer(['events', 3, 'data']); // '/events/3/data'
 * ```
 */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function issue(segments: readonly (string | number)[], code: string, message: string, severity: 'error' | 'warning' = 'error'): RecordIssue {
  return { path: pointer(segments), code, message, severity };
}
