import { z } from 'zod';
import { actorSchema, idSchema, writtenInstantSchema } from '../case/model/primitives.js';
import { shippedJsonSchema } from '../validate/record.js';
import type { ProgrammeEventType } from './model.js';

/**
 * The `format` tag of a programme record.
 *
 * @example
 * ```ts
 * const record = { format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1, events };
 * ```
 */
export const PROGRAMME_RECORD_FORMAT = 'intervention-lifecycle/programme';

/**
 * Every programme event type, in the order the model declares them.
 *
 * @example
 * ```ts
 * PROGRAMME_EVENT_TYPES.includes('groupAttendanceRecorded'); // true
 * ```
 */
export const PROGRAMME_EVENT_TYPES = [
  'programmeOpened',
  'facilitatorAdded',
  'facilitatorRemoved',
  'recruitingStarted',
  'programmeStarted',
  'programmeEnded',
  'programmeCancelled',
  'memberReferred',
  'memberWaitlisted',
  'memberEnrolled',
  'memberMovedPhase',
  'peerRoleAssigned',
  'enrolmentEnded',
  'groupSessionScheduled',
  'groupAttendanceRecorded',
  'groupSessionCancelled',
] as const satisfies readonly ProgrammeEventType[];

// Every event type of the map is listed (a type error names the one missing).
type Missing = Exclude<ProgrammeEventType, (typeof PROGRAMME_EVENT_TYPES)[number]>;
const everyType: [Missing] extends [never] ? true : Missing = true;
void everyType;

let schema: z.ZodType | undefined;

/**
 * The zod schema of a programme record: `{ format, schemaVersion, events }`, each event's envelope
 * (type, programmeId, seq, at, actor, data, reason). Each event's data is checked by re-deciding the
 * command that records it ({@link validateProgrammeRecord}).
 *
 * @example
 * ```ts
 * programmeRecordSchema().safeParse({ format: 'intervention-lifecycle/programme', schemaVersion: 1, events: [] }).success; // false: no events
 * ```
 */
export function programmeRecordSchema(): z.ZodType {
  schema ??= z
    .object({
      format: z.literal(PROGRAMME_RECORD_FORMAT),
      schemaVersion: z.literal(1),
      events: z
        .array(
          z
            .object({
              type: z.enum(PROGRAMME_EVENT_TYPES),
              programmeId: idSchema,
              seq: z.number().int().min(1),
              at: writtenInstantSchema,
              actor: actorSchema,
              data: z.looseObject({}),
              reason: z.string().min(1).max(10_000).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(1_000_000),
    })
    .strict();
  return schema;
}

/**
 * The JSON Schema (draft 2020-12) of a programme record, generated from the zod schema; the build
 * writes it to `schema/programme-record.schema.json`, beside the case record's.
 *
 * @example
 * ```ts
 * programmeRecordJsonSchema().title; // 'intervention-lifecycle programme record'
 * ```
 */
export function programmeRecordJsonSchema(): Record<string, unknown> {
  return shippedJsonSchema(programmeRecordSchema(), {
    file: 'programme-record.schema.json',
    title: 'intervention-lifecycle programme record',
    description:
      'A programme record: its event log (the truth). This schema checks the shape of the record and of each event envelope; whether each event was a legal step, and whether the programme agrees with its members\u2019 case records, is checked by validateProgrammeRecord and the CLI.',
  });
}
