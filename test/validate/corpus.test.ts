import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/validate/index.js';

// The corpus is written by test/fixtures/make.ts from the engine; expected.json lists each record's issues.
const dir = 'test/fixtures/records';
const expected = JSON.parse(readFileSync('test/fixtures/expected.json', 'utf8')) as Record<string, { path: string; code: string }[]>;

describe('the record corpus', () => {
  it('covers every validator code', () => {
    const codes = new Set(Object.values(expected).flatMap((issues) => issues.map((i) => i.code)));
    for (const code of ['INVALID_SHAPE', 'INVALID_FORMAT', 'INVALID_LOG', 'CHRONOLOGY', 'INVALID_EVENT_DATA', 'EVENT_MISMATCH', 'SNAPSHOT_MISMATCH', 'REPLAY_STOPPED', 'INVALID_TRANSITION', 'GUARD_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONSENT_REQUIRED']) {
      expect(codes, code).toContain(code);
    }
  });

  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const name = file.slice(0, -'.json'.length);
    it(`${name}: exactly the expected issues`, () => {
      const result = validateRecord(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
      expect(result.issues.map((i) => ({ path: i.path, code: i.code }))).toEqual(expected[name]);
      expect(result.valid).toBe(expected[name]?.length === 0);
      for (const i of result.issues) {
        expect(i.message.length).toBeGreaterThan(10);
        expect(['error', 'warning']).toContain(i.severity);
      }
    });
  }

  it('returns the replayed state of a valid record', () => {
    const r = validateRecord(JSON.parse(readFileSync(`${dir}/valid-with-snapshot.json`, 'utf8')));
    expect(r.state?.status).toBe('closed');
    expect(r.caseId).toBe('c-1');
  });
});
