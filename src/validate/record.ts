import { z } from 'zod';
import { EVENT_TYPES } from './command-of.js';
import type { EventType } from '../engine/events.js';
import { actorSchema, idSchema, writtenInstantSchema } from '../case/model/primitives.js';

/** The `format` tag of a case record. */
export const RECORD_FORMAT = 'intervention-lifecycle/case';

/** Every event type the engine records (the registry's), for the envelope check and the JSON Schema. */
export { EVENT_TYPES };

let envelope: z.ZodType | undefined;
let recordSchema: z.ZodType | undefined;

/**
 * The zod schema of one event's envelope: type, caseId, seq, at, actor, data (an object), reason.
 * The data of each event is checked by re-deciding the command that produced it.
 */
export function eventEnvelopeSchema(): z.ZodType {
  envelope ??= z
    .object({
      type: z.enum(EVENT_TYPES as unknown as [EventType, ...EventType[]]),
      caseId: idSchema,
      seq: z.number().int().min(1),
      at: writtenInstantSchema,
      actor: actorSchema,
      data: z.looseObject({}),
      reason: z.string().min(1).max(10_000).optional(),
    })
    .strict();
  return envelope;
}

/**
 * The zod schema of a case record: `{ format, schemaVersion, events, snapshot? }` (DESIGN.md §8).
 *
 * @example
 * ```ts
 * caseRecordSchema().safeParse({ format: 'intervention-lifecycle/case', schemaVersion: 1, events: [] }).success; // false: no events
 * ```
 */
export function caseRecordSchema(): z.ZodType {
  recordSchema ??= z
    .object({
      format: z.literal(RECORD_FORMAT),
      schemaVersion: z.literal(1),
      events: z.array(eventEnvelopeSchema()).min(1).max(1_000_000),
      snapshot: z.looseObject({}).optional(),
    })
    .strict();
  return recordSchema;
}

/**
 * The JSON Schema (draft 2020-12) of a case record, generated from the zod schemas; the build writes
 * it to `schema/case-record.schema.json`.
 *
 * @example
 * ```ts
 * const schema = recordJsonSchema();
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 * ```
 */
export function recordJsonSchema(): Record<string, unknown> {
  return shippedJsonSchema(caseRecordSchema(), {
    file: 'case-record.schema.json',
    title: 'intervention-lifecycle case record',
    description:
      'A case record: its event log (the truth) and optionally a snapshot of the state. This schema checks the shape of the record and of each event envelope; whether each event was a legal step is checked by validateRecord and the CLI.',
  });
}

/** A zod schema as the JSON Schema (draft 2020-12) the package ships in schema/, with its id, title and description. */
export function shippedJsonSchema(schema: z.ZodType, about: { readonly file: string; readonly title: string; readonly description: string }): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://unpkg.com/intervention-lifecycle/schema/${about.file}`,
    title: about.title,
    description: about.description,
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
