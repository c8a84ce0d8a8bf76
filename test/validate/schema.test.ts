import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordJsonSchema } from '../../src/validate/index.js';

// The shipped JSON Schema, compiled by ajv, agrees with the validator on the shape of every fixture.
// Formats (date-time) are not checked here: ajv needs ajv-formats for them, and zod checks them anyway.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const check = ajv.compile(recordJsonSchema());
const dir = 'test/fixtures/records';
const expected = JSON.parse(readFileSync('test/fixtures/expected.json', 'utf8')) as Record<string, { code: string }[]>;
const SHAPE_CODES = new Set(['INVALID_SHAPE', 'INVALID_FORMAT']);

describe('the record JSON Schema', () => {
  it('is draft 2020-12 with an id and a title', () => {
    const schema = recordJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBeTruthy();
  });

  for (const file of readdirSync(dir)) {
    const name = file.slice(0, -'.json'.length);
    const shapeBroken = (expected[name] ?? []).some((i) => SHAPE_CODES.has(i.code));
    it(`${shapeBroken ? 'rejects' : 'accepts'} ${name}`, () => {
      expect(check(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')))).toBe(!shapeBroken);
    });
  }
});
