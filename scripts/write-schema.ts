/**
 * Writes the JSON Schemas of the case record and of a simulation scenario, generated from the zod
 * schemas, into schema/ (shipped in the package). Runs as part of `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { recordJsonSchema } from '../src/validate/record.js';
import { scenarioJsonSchema } from '../src/simulate/scenario.js';
import { programmeRecordJsonSchema } from '../src/programme/record-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/case-record.schema.json', `${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
writeFileSync('schema/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
writeFileSync('schema/programme-record.schema.json', `${JSON.stringify(programmeRecordJsonSchema(), null, 2)}\n`);
