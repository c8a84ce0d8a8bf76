import { LifecycleError, type Issue } from '../kernel/errors.js';

/**
 * Collects every problem with a function's numeric input, then refuses once with all of them, so a
 * caller fixes everything in one go rather than one issue per run. Numbers in, numbers out: no NaN
 * is ever returned for input that should have been refused.
 */
export class InputCheck {
  private readonly found: Issue[] = [];

  constructor(private readonly what: string) {}

  /** Records an issue at `path`. */
  add(path: readonly (string | number)[], code: string, message: string): void {
    this.found.push({ path, code, message });
  }

  /** Requires a finite number. */
  finite(path: readonly (string | number)[], value: unknown): value is number {
    if (typeof value === 'number' && Number.isFinite(value)) return true;
    this.add(path, 'not-finite', `${label(path)} must be a finite number, not ${describeValue(value)}`);
    return false;
  }

  /** Requires a finite number above zero. */
  positive(path: readonly (string | number)[], value: unknown): value is number {
    if (!this.finite(path, value)) return false;
    if (value > 0) return true;
    this.add(path, 'not-positive', `${label(path)} must be greater than 0, not ${value}`);
    return false;
  }

  /** Requires a number strictly between 0 and 1 (a reliability or a correlation-like weight). */
  openUnit(path: readonly (string | number)[], value: unknown): value is number {
    if (!this.finite(path, value)) return false;
    if (value > 0 && value < 1) return true;
    this.add(path, 'out-of-range', `${label(path)} must lie strictly between 0 and 1, not ${value}`);
    return false;
  }

  /** Requires a plain object (not null, not an array). */
  object(path: readonly (string | number)[], value: unknown): value is Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return true;
    this.add(path, 'not-an-object', `${label(path)} must be an object, not ${describeValue(value)}`);
    return false;
  }

  /** Requires one of a fixed set of values (JavaScript callers bypass the types: 'Lower' is not 'lower'). */
  oneOf<T>(path: readonly (string | number)[], value: unknown, allowed: readonly T[]): value is T {
    if (allowed.includes(value as T)) return true;
    this.add(path, 'not-allowed', `${label(path)} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, not ${describeValue(value)}`);
    return false;
  }

  /** Throws a {@link LifecycleError} with code `INVALID_INPUT` if any issue was found. */
  done(): void {
    if (this.found.length === 0) return;
    const first = this.found[0]?.message ?? '';
    const more = this.found.length > 1 ? ` (and ${this.found.length - 1} more issue${this.found.length > 2 ? 's' : ''})` : '';
    throw new LifecycleError('INVALID_INPUT', `${this.what}: ${first}${more}`, { issues: this.found });
  }
}

function label(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the value' : path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

/**
 * A value as a message may name it: never by calling its own `toString` (a hostile object's would
 * throw, or lie), so building a refusal cannot itself fail.
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string "${value.length > 20 ? value.slice(0, 20) + '…' : value}"`;
  return value === null ? 'null' : typeof value;
}
