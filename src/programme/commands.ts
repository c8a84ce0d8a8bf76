import { z } from 'zod';
import { idSchema, instantSchema, labelSchema, roleSchema, textSchema } from '../case/model/primitives.js';
import { LifecycleError } from '../kernel/errors.js';
import { err, ok, type Result } from '../kernel/result.js';
import { GROUP_SESSION_KINDS } from './model.js';

const phaseSchema = z.object({ id: idSchema, name: labelSchema, minDays: z.number().int().min(0).max(3650).optional() }).strict();
const attendanceSchema = z.record(idSchema, z.enum(['attended', 'did-not-attend']));

/**
 * The zod schemas of the programme commands, by type.
 *
 * @example
 * ```ts
 * PROGRAMME_COMMAND_SCHEMAS.openProgramme.safeParse({ type: 'openProgramme', programmeId: 'g1', kind: 'peer-support-group', name: 'Peers', capacity: 10 }).success; // true
 * ```
 */
export const PROGRAMME_COMMAND_SCHEMAS = {
  openProgramme: z
    .object({
      type: z.literal('openProgramme'),
      programmeId: idSchema,
      kind: idSchema,
      name: labelSchema,
      capacity: z.number().int().min(1).max(1000),
      phases: z.array(phaseSchema).max(20).optional(),
    })
    .strict(),
  addFacilitator: z.object({ type: z.literal('addFacilitator'), facilitatorId: idSchema.optional(), personId: idSchema, role: roleSchema }).strict(),
  removeFacilitator: z.object({ type: z.literal('removeFacilitator'), facilitatorId: idSchema, reason: textSchema.optional() }).strict(),
  startRecruiting: z.object({ type: z.literal('startRecruiting') }).strict(),
  startProgramme: z.object({ type: z.literal('startProgramme') }).strict(),
  endProgramme: z.object({ type: z.literal('endProgramme'), reason: textSchema.optional() }).strict(),
  cancelProgramme: z.object({ type: z.literal('cancelProgramme'), reason: textSchema }).strict(),
  referMember: z.object({ type: z.literal('referMember'), memberId: idSchema.optional(), clientId: idSchema, caseId: idSchema }).strict(),
  waitlistMember: z.object({ type: z.literal('waitlistMember'), memberId: idSchema }).strict(),
  enrolMember: z.object({ type: z.literal('enrolMember'), memberId: idSchema, consentId: idSchema, confidentialityAgreedAt: instantSchema }).strict(),
  movePhase: z.object({ type: z.literal('movePhase'), memberId: idSchema, phaseId: idSchema, reason: textSchema.optional() }).strict(),
  assignPeerRole: z.object({ type: z.literal('assignPeerRole'), memberId: idSchema, peerRole: idSchema.nullable() }).strict(),
  completeEnrolment: z.object({ type: z.literal('completeEnrolment'), memberId: idSchema }).strict(),
  dischargeMember: z.object({ type: z.literal('dischargeMember'), memberId: idSchema, reason: textSchema }).strict(),
  transitionMember: z.object({ type: z.literal('transitionMember'), memberId: idSchema, reason: textSchema }).strict(),
  recordDropOut: z.object({ type: z.literal('recordDropOut'), memberId: idSchema, reason: textSchema.optional() }).strict(),
  // expected: the members expected at the session (default: every enrolled member), so that one whose
  // case cannot hold it now (on hold, its strategy suspended) does not stop the group from meeting.
  scheduleGroupSession: z
    .object({ type: z.literal('scheduleGroupSession'), sessionId: idSchema.optional(), kind: z.enum(GROUP_SESSION_KINDS), scheduledFor: instantSchema, expected: z.array(idSchema).min(1).max(1000).optional() })
    .strict(),
  recordGroupAttendance: z.object({ type: z.literal('recordGroupAttendance'), sessionId: idSchema, attendance: attendanceSchema }).strict(),
  cancelGroupSession: z.object({ type: z.literal('cancelGroupSession'), sessionId: idSchema, reason: textSchema }).strict(),
} as const;

type Schemas = typeof PROGRAMME_COMMAND_SCHEMAS;
/** A programme command type. */
export type ProgrammeCommandType = keyof Schemas;
/** A programme command, as parsed. */
export type ProgrammeCommand = { [K in ProgrammeCommandType]: z.output<Schemas[K]> }[ProgrammeCommandType];
/** The programme command of one type. */
export type ProgrammeCommandOf<K extends ProgrammeCommandType> = z.output<Schemas[K]>;

/**
 * Every programme command type.
 *
 * @example
 * ```ts
 * PROGRAMME_COMMAND_TYPES.includes('enrolMember'); // true
 * ```
 */
export const PROGRAMME_COMMAND_TYPES = Object.keys(PROGRAMME_COMMAND_SCHEMAS) as ProgrammeCommandType[];

/**
 * Parses a programme command from unknown input: the command, or INVALID_COMMAND with every problem and its path.
 *
 * @example
 * ```ts
 * const r = parseProgrammeCommand({ type: 'enrolMember', memberId: 'm1' });
 * r.ok; // false: consentId and confidentialityAgreedAt are missing (each issue has its path)
 * ```
 */
export function parseProgrammeCommand(input: unknown): Result<ProgrammeCommand> {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' && Object.prototype.hasOwnProperty.call(PROGRAMME_COMMAND_SCHEMAS, type) ? PROGRAMME_COMMAND_SCHEMAS[type as ProgrammeCommandType] : undefined;
  if (schema === undefined) {
    const message = `Unknown programme command ${JSON.stringify(type)}; known: ${PROGRAMME_COMMAND_TYPES.join(', ')}`;
    return err(new LifecycleError('INVALID_COMMAND', message, { issues: [{ path: ['type'], code: 'INVALID_COMMAND', message }] }));
  }
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data as ProgrammeCommand);
  const issues = r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), code: i.code, message: i.message }));
  return err(new LifecycleError('INVALID_COMMAND', `Invalid ${String(type)} command: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, { issues }));
}
