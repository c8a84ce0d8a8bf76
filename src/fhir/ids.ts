/**
 * Ids and full URLs of exported resources. FHIR ids are `[A-Za-z0-9\-.]{1,64}`; ours also allow `_`
 * and `:` and run to 128 characters, so an id that is not a valid FHIR id is replaced by a hash of
 * it — as is one that already looks like such a hash, which keeps the mapping one-to-one.
 */

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Four 32-bit FNV-1a-style lanes over `text` in one pass, each finished by a murmur mix: 128 bits, deterministic, browser-safe. */
function hash128(text: string): [number, number, number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000195);
    c = Math.imul(c ^ ch, 0x0100019b);
    d = Math.imul(d ^ ch, 0x010001a3);
  }
  return [mix(a), mix(b ^ a), mix(c ^ b), mix(d ^ c)];
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

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
  const h = hex(a) + hex(b) + hex(c) + hex(d);
  const variant = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
