import { validateRecord, type RecordValidation, type ValidateOptions } from './validate-record.js';

/** One record's result among many. */
export interface ManyResult extends Omit<RecordValidation, 'state'> {
  /** Its position in the input, from 0. */
  readonly index: number;
}

/**
 * Validates many records from an array, an iterable or an async iterable (a stream), one at a time,
 * yielding each result as it is ready; states are not kept, so memory stays flat.
 *
 * @example
 * ```ts
 * for await (const r of validateRecords(records)) if (!r.valid) console.log(r.index, r.issues.length);
 * ```
 */
export async function* validateRecords(records: Iterable<unknown> | AsyncIterable<unknown>, options: ValidateOptions = {}): AsyncGenerator<ManyResult> {
  // A string is iterable, by character: a file's text passed as is would be checked a letter at a time.
  if (typeof records === 'string') throw new TypeError('validateRecords takes records (parsed), not text: parse a .json file with JSON.parse, or NDJSON with readNdjson');
  if (typeof records !== 'object' || records === null || !(Symbol.asyncIterator in records || Symbol.iterator in records)) {
    throw new TypeError(`validateRecords takes an array, an iterable or an async iterable of records, not ${records === null ? 'null' : typeof records}`);
  }
  let index = 0;
  for await (const record of records as AsyncIterable<unknown>) {
    const { state: _state, ...result } = validateRecord(record, options);
    yield { index, ...result };
    index += 1;
  }
}
