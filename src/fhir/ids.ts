/**
 * Ids and full URLs of exported resources. FHIR ids are `[A-Za-z0-9\-.]{1,64}`; ours also allow `_`
 * and `:` and run to 128 characters, so an id that is not a valid FHIR id is replaced by a hash of
 * it — as is one that already looks like such a hash, which keeps the mapping one-to-one.
 */

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * 128 bits from `text`: two 32-bit FNV-1a-style lanes in one pass (64 bits of state), spread over
 * four words by murmur3's finaliser. Deterministic and browser-safe; distinct keys of one case
 * collide with a chance near 2^-64 per pair, which is what ids and UUIDs within a bundle need.
 */
function hash128(text: string): [number, number, number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
  }
  b ^= text.length;
  return [mix(a ^ 0x9e3779b9), mix(b ^ 0x85ebca6b), mix(Math.imul(a, 0xcc9e2d51) ^ b), mix(Math.imul(b, 0x1b873593) + a)];
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex = (n: number): string => (BYTE_HEX[n >>> 24] as string) + (BYTE_HEX[(n >>> 16) & 255] as string) + (BYTE_HEX[(n >>> 8) & 255] as string) + (BYTE_HEX[n & 255] as string);

/**
 * The FHIR id for one of our keys: the key itself where it is a valid FHIR id, otherwise `h-` and a
 * 128-bit hash of it.
 */
export function fhirId(key: string): string {
  if (FHIR_ID.test(key) && !key.startsWith('h-')) return key;
  const [a, b, c, d] = hash128(key);
  return `h-${hex(a)}${hex(b)}${hex(c)}${hex(d)}`;
}

/**
 * A deterministic UUID (RFC 9562 version 8, the custom layout) for a key, so the same record gives
 * the same `urn:uuid:` full URLs on every export.
 */
export function uuidFor(key: string): string {
  const [a, b, c, d] = hash128(key);
  // Version 8 in the 13th hex digit, variant 10 in the 17th.
  const b2 = ((b & 0xffff0fff) | 0x00008000) >>> 0;
  const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const hb = hex(b2);
  const hc = hex(c2);
  return `${hex(a)}-${hb.slice(0, 4)}-${hb.slice(4)}-${hc.slice(0, 4)}-${hc.slice(4)}${hex(d)}`;
}
