/**
 * Record validation (`intervention-lifecycle/validate`): check case records made by any system
 * against the engine's own rules, from code or through the CLI.
 *
 * @packageDocumentation
 */
export { validateRecord, checkRecordShape, toRecord, type ValidateOptions, type RecordValidation, type CaseRecord } from './validate-record.js';
export { validateRecords, type ManyResult } from './many.js';
export { readNdjson, type NdjsonLine, type NdjsonOptions } from './ndjson.js';
export { caseRecordSchema, eventEnvelopeSchema, recordJsonSchema, RECORD_FORMAT } from './record.js';
export { EVENT_TYPES } from './command-of.js';
export { pointer, type RecordIssue } from './issue.js';
