/**
 * Programmes (`intervention-lifecycle/programme`): group therapy courses, psychoeducation groups,
 * day-treatment programmes, residential therapeutic communities and peer-support groups — a second
 * aggregate with its own tables, events and record, whose group sessions and attendance reach each
 * member's case through the engine.
 *
 * @packageDocumentation
 */
export { dispatchProgramme, replayProgramme, PROGRAMME_ROLES, type ProgrammeResult, type CaseUpdate } from './dispatch.js';
export { programmeMachine, enrolmentMachine, groupSessionMachine, type ProgrammeGuardContext } from './machines.js';
export { parseProgrammeCommand, PROGRAMME_COMMAND_SCHEMAS, PROGRAMME_COMMAND_TYPES, type ProgrammeCommand, type ProgrammeCommandOf, type ProgrammeCommandType } from './commands.js';
export { DEFAULT_PEER_ROLES, REACHES_CASES, type ProgrammeContext, type ProgrammePolicy } from './context.js';
export { roster, capacity, programmeHistory, type RosterRow } from './queries.js';
export { validateProgrammeRecord, PROGRAMME_RECORD_FORMAT, type ProgrammeRecord, type ProgrammeValidation } from './record.js';
export { programmeRecordSchema, programmeRecordJsonSchema, PROGRAMME_EVENT_TYPES } from './record-schema.js';
export { caseSessionId } from './reach.js';
export {
  PROGRAMME_STATUSES,
  ENROLMENT_STATUSES,
  ENDED_ENROLMENTS,
  GROUP_SESSION_STATUSES,
  GROUP_SESSION_KINDS,
  PROGRAMME_KINDS,
  type ProgrammeState,
  type ProgrammeStatus,
  type EnrolmentStatus,
  type GroupSessionStatus,
  type GroupSession,
  type GroupAttendance,
  type Member,
  type Facilitator,
  type Phase,
  type ProgrammeEvent,
  type ProgrammeEventMap,
  type ProgrammeEventType,
} from './model.js';
