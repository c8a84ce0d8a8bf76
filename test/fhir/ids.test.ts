import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fhirId, uuidFor } from '../../src/fhir/ids.js';

describe('fhirId and uuidFor', () => {
  it('keeps a valid FHIR id, hashes the rest, and never gives two keys one id (sampled)', () => {
    expect(fhirId('g-1')).toBe('g-1');
    expect(fhirId('case:2021_001')).toMatch(/^h-[0-9a-f]{32}$/);
    // A key that looks like a hash is hashed too, so it cannot meet a hashed key's id.
    expect(fhirId(fhirId('case:2021_001'))).not.toBe(fhirId('case:2021_001'));
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:#-]{0,40}$/), { minLength: 2, maxLength: 200 }), (keys) => {
        const ids = keys.map(fhirId);
        expect(new Set(ids).size).toBe(keys.length);
        for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      }),
    );
  });

  it('gives RFC 9562 version-8 UUIDs, the same for the same key', () => {
    const u = uuidFor('c-1|Goal|g-1');
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFor('c-1|Goal|g-1')).toBe(u);
    expect(uuidFor('c-1|Goal|g-2')).not.toBe(u);
    const many = Array.from({ length: 20_000 }, (_, i) => uuidFor(`c-1|Observation|m-${i}#item-${i % 9}`));
    expect(new Set(many).size).toBe(many.length);
  });
});
