import { toInstant } from './clock.js';

// Instants read back from a stored log: each entity's evolver makes those its events' data hold
// canonical (canonicalInstant), and replay and evolve the envelope's `at` (canonicalAt).

// The canonical form is 24 characters ending in Z, and what the engine writes always is: checking
// the shape rather than the whole pattern keeps folding a stored log as fast as it was.
const looksCanonical = (s: string): boolean => s.length === 24 && s.charCodeAt(23) === 90;

/**
 * An instant from a stored event in the canonical form (UTC, `Z`, milliseconds): the same string
 * when it already is one.
 *
 * @throws {RangeError} whose message begins with `where` when the value is not an instant with an offset.
 * @example
 * ```ts
 * canonicalInstant('2026-01-05T11:00:00+01:00', 'data.session.scheduledFor'); // '2026-01-05T10:00:00.000Z'
 * ```
 */
export function canonicalInstant(value: unknown, where: string): string {
  if (typeof value === 'string' && looksCanonical(value)) return value;
  if (typeof value !== 'string') throw new RangeError(`${where} is ${value === null ? 'null' : typeof value}, not an instant`);
  try {
    return toInstant(value);
  } catch (e) {
    throw new RangeError(`${where} ${(e as Error).message}`, { cause: e });
  }
}

/**
 * An event whose envelope `at` is canonical: the same object when it already is. A log read back
 * from a store that rewrote its timestamps (a database column read in another zone's offset) must
 * fold to the state the engine built, since a state compares its instants as text.
 *
 * @throws {RangeError} (`at …`) when `at` is not an instant with an offset.
 * @example
 * ```ts
 * canonicalAt({ type: 'caseHeld', at: '2026-01-05T11:00:00+01:00', data: { from: 'active' } }).at; // '2026-01-05T10:00:00.000Z'
 * ```
 */
export function canonicalAt<E extends { readonly at: string }>(event: E): E {
  const at: unknown = event.at;
  return typeof at === 'string' && looksCanonical(at) ? event : { ...event, at: canonicalInstant(at, 'at') };
}
