/**
 * Helpers for each entity's `commandOf`, the inverse of its deciders that the record validator uses:
 * it re-decides the command that recorded an event and compares the result with the record. Events
 * reach it from stored records, unchecked, so these read them defensively.
 */

/** A loosely read object. */
export type Data = Record<string, unknown>;

/** An event's data as a plain object (an empty one when missing or malformed). */
export function dataOf(event: { readonly data?: unknown }): Data {
  const d = event.data;
  return typeof d === 'object' && d !== null ? (d as Data) : {};
}

/** A nested object of an event's data (an empty one when missing or malformed). */
export function nested(d: Data, key: string): Data {
  const v = d[key];
  return typeof v === 'object' && v !== null ? (v as Data) : {};
}

/** Drops undefined and null fields: commands leave out what events record as null. */
export function clean(o: Data): Data {
  const out: Data = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/** The named fields of an object. */
export const pick = (d: Data, ...keys: string[]): Data => Object.fromEntries(keys.map((k) => [k, d[k]]));
