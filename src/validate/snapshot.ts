import { sameInstant } from '../kernel/clock.js';
import { pointer } from './issue.js';

/**
 * Whether two JSON values are equal (undefined object fields count as absent; two instants are equal
 * when they denote the same moment, however each is written; two numbers, not both whole, when they
 * agree to twelve significant digits). No allocation on the way.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === 'string') return typeof b === 'string' && sameInstant(a, b);
  // A number the engine derives through the JavaScript engine's own exp and log (an evaluation's
  // reliable-change critical value) is rounded differently in the last bits by other engines and
  // versions: Chromium's critical values differ from Node's by up to 6 units in the last place for
  // one α in ten. The same step re-decided elsewhere is the same fact. Whole numbers (counts, scores,
  // sequence numbers) still compare exactly.
  if (typeof a === 'number') {
    if (typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || (Number.isInteger(a) && Number.isInteger(b))) return false;
    return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let countX = 0;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key) || x[key] === undefined) continue;
    countX += 1;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !jsonEqual(x[key], y[key])) return false;
  }
  let countY = 0;
  for (const key in y) if (Object.prototype.hasOwnProperty.call(y, key) && y[key] !== undefined) countY += 1;
  return countX === countY;
}

/**
 * The paths (JSON pointers) where two JSON values differ, at most `limit` of them. Keys whose value
 * is undefined count as absent, as JSON has them.
 */
export function differences(expected: unknown, actual: unknown, limit = 20, path: (string | number)[] = [], out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (jsonEqual(expected, actual)) return out;
  const bothObjects = typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null;
  if (!bothObjects || Array.isArray(expected) !== Array.isArray(actual)) {
    out.push(pointer(path));
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      out.push(pointer([...path, 'length']));
      return out;
    }
    for (let i = 0; i < expected.length && out.length < limit; i++) differences(expected[i], actual[i], limit, [...path, i], out);
    return out;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = new Set([...Object.keys(e).filter((k) => e[k] !== undefined), ...Object.keys(a).filter((k) => a[k] !== undefined)]);
  for (const key of keys) {
    if (out.length >= limit) break;
    differences(e[key], a[key], limit, [...path, key], out);
  }
  return out;
}
