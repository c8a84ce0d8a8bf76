/**
 * Writes the JSON Schema of the case record, generated from the zod schemas, into
 * schema/case-record.schema.json (shipped in the package). Runs as part of `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { recordJsonSchema } from '../src/validate/record.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/case-record.schema.json', `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
