import { describe, expect, it } from 'vitest';
import { dispatch, SCHEMA_VERSION, type CaseState } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { validateRecord } from '../../src/validate/index.js';
import { caseAt, people, world } from '../case/fixtures.js';

// A valid v1 record from the frozen corpus.
const v1 = JSON.parse(readFileSync('test/fixtures/records/valid-with-snapshot.json', 'utf8')) as Record<string, unknown>;

const ctx = world('2026-02-01T09:00:00.000Z');

describe('schema versions', () => {
  it('a record of a newer schema version gets one clear issue naming both versions', () => {
    expect(validateRecord(v1).valid).toBe(true);
    const record = { ...v1, schemaVersion: SCHEMA_VERSION + 1 };
    const r = validateRecord(record);
    expect(r.valid).toBe(false);
    expect(r.issues).toEqual([
      expect.objectContaining({ path: '/schemaVersion', code: 'UNSUPPORTED_VERSION', message: expect.stringContaining(`schema version ${SCHEMA_VERSION + 1}`) }),
    ]);
    expect(r.issues[0]?.message).toContain(`reads schema version ${SCHEMA_VERSION}`);
  });

  it('an older or malformed version is a shape issue, not a crash', () => {
    const record = { ...v1, schemaVersion: 0 };
    const r = validateRecord(record);
    expect(r.valid).toBe(false);
    expect(r.issues.some((i) => i.path === '/schemaVersion')).toBe(true);
  });

  it('dispatch refuses a state of another schema version, naming both, and leaves it untouched', () => {
    const newer = { ...caseAt('active'), schemaVersion: SCHEMA_VERSION + 1 } as unknown as CaseState;
    const r = dispatch(newer, { type: 'startReview' }, ctx(people.lead));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(r.error.message).toContain(`schema version ${SCHEMA_VERSION}: upgrade the library`);
    expect(newer.status).toBe('active');
  });
});
