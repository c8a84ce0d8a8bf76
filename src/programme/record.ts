import type { CaseState } from '../case/model/state.js';
import { isLifecycleError } from '../kernel/errors.js';
import { compareInstants, toInstant } from '../kernel/clock.js';
import { pointer, type RecordIssue } from '../validate/issue.js';
import { validateRecord } from '../validate/validate-record.js';
import { runProgramme } from './dispatch.js';
import { evolveProgramme } from './evolve.js';
import type { ProgrammeEvent, ProgrammeState } from './model.js';
import type { ProgrammePolicy } from './context.js';
import { caseSessionId } from './reach.js';
import { commandOfProgrammeEvent } from './command-of.js';
import { PROGRAMME_RECORD_FORMAT, programmeRecordSchema } from './record-schema.js';

export { PROGRAMME_RECORD_FORMAT };

/**
 * A programme record: its event log (the truth), as a case record holds a case's.
 *
 * @example
 * ```ts
 * const record: ProgrammeRecord = { format: 'intervention-lifecycle/programme', schemaVersion: 1, events };
 * ```
 */
export interface ProgrammeRecord {
  readonly format: typeof PROGRAMME_RECORD_FORMAT;
  readonly schemaVersion: 1;
  readonly events: readonly ProgrammeEvent[];
}

/**
 * What {@link validateProgrammeRecord} found.
 *
 * @example
 * ```ts
 * const { valid, issues, state } = validateProgrammeRecord(record, { cases });
 * ```
 */
export interface ProgrammeValidation {
  readonly valid: boolean;
  readonly issues: readonly RecordIssue[];
  readonly state?: ProgrammeState;
}

// Rules about the members' cases as they stood then: the log is their record, the case records
// (checked below) may have moved on since.
const SKIPPED_RULES = ['planHoldsModality', 'consentActive', 'memberCaseOpen'];

const issue = (path: (string | number)[], code: string, message: string): RecordIssue => ({ path: pointer(path), code, message, severity: 'error' });

// Recorded events carry their ids, so a re-run command never asks for one: one generator for all.
const unusedId = (): string => 'unused';

/**
 * Validates a programme record by replaying each event as the command that records it, through the
 * programme's own tables and guards (so an illegal step, a full programme or a missing consent in the
 * log is found), and — given the members' case records — checks that the two agree: each member's
 * case exists and belongs to them, and every group session and its attendance appear in each
 * member's case as the session the programme put there. Never throws.
 *
 * @example
 * ```ts
 * const result = validateProgrammeRecord(programmeRecord, { cases: memberCaseRecords });
 * result.issues; // [{ path: '/events/41', code: 'ATTENDANCE_MISMATCH', message: '…', severity: 'error' }]
 * ```
 */
export function validateProgrammeRecord(input: unknown, options: { readonly cases?: readonly unknown[]; readonly policy?: ProgrammePolicy } = {}): ProgrammeValidation {
  const issues: RecordIssue[] = [];
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return { valid: false, issues: [issue([], 'INVALID_SHAPE', 'a programme record is an object')] };
    const r = input as Record<string, unknown>;
    if (r.format !== PROGRAMME_RECORD_FORMAT) issues.push(issue(['format'], 'INVALID_FORMAT', `format must be "${PROGRAMME_RECORD_FORMAT}"`));
    if (r.schemaVersion !== 1) issues.push(issue(['schemaVersion'], 'INVALID_SHAPE', 'schemaVersion must be 1'));
    if (!Array.isArray(r.events) || r.events.length === 0) return { valid: false, issues: [...issues, issue(['events'], 'INVALID_SHAPE', 'events must be a non-empty array')] };
    // The shape of the record and each envelope first, every problem with its path (as the JSON Schema states it).
    const shape = programmeRecordSchema().safeParse(input);
    if (!shape.success) {
      for (const i of shape.error.issues.slice(0, 50)) {
        const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
        if (path[0] === 'format' || path[0] === 'schemaVersion') continue; // reported above
        issues.push(issue(path, 'INVALID_SHAPE', i.message));
      }
      if (issues.length > 0) return { valid: false, issues };
    }
    // The members' cases, by id, at their final states (their own validity is checked too).
    const cases = new Map<string, CaseState>();
    (options.cases ?? []).forEach((c, i) => {
      const v = validateRecord(c);
      if (v.state === undefined) issues.push(issue(['cases', i], 'CASE_INVALID', `member case record ${i} does not validate: ${v.issues[0]?.message ?? ''}`));
      else cases.set(v.state.id, v.state);
    });
    const checkCases = (options.cases?.length ?? 0) > 0;
    if (options.cases !== undefined && !checkCases) issues.push({ path: '', code: 'NO_MEMBER_CASES', message: "no member case records were given: attendance, enrolment and dose are not checked against them", severity: 'warning' });
    const missing = new Set<string>();
    let state: ProgrammeState | null = null;
    const events = r.events as unknown[];
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as ProgrammeEvent;
      const frame = frameProblem(e, i, state, i === 0 ? null : (events[i - 1] as ProgrammeEvent));
      if (frame !== null) {
        issues.push(issue(['events', i], 'INVALID_LOG', frame));
        break;
      }
      const command = commandOfProgrammeEvent(e);
      if (command === undefined) {
        issues.push(issue(['events', i], 'INVALID_EVENT', `event ${i} is not a programme event`));
        break;
      }
      // Judge against the cases as they end (a member's case may have moved on since): the plan and
      // consent checks at enrolment are the programme's own record of them, so they are not repeated here.
      const result = runProgramme(state, command, {
        actor: e.actor,
        now: () => e.at,
        newId: unusedId,
        ...(options.policy === undefined ? {} : { policy: options.policy }),
        cases: () => undefined,
      }, false);
      if (!result.ok && !SKIPPED_RULES.includes(result.error.rule ?? '')) {
        issues.push(issue(['events', i], result.error.code, `${e.type} was not a legal step: ${result.error.message}`));
        break;
      }
      state = evolveSafely(state, e);
      if (state === null) break;
      if (checkCases) checkAgainstCases(state, e, i, cases, missing, issues);
    }
    return state === null ? { valid: false, issues } : { valid: !issues.some((x) => x.severity === 'error'), issues, state };
  } catch (e) {
    issues.push(issue([], 'INTERNAL', `the validator could not finish: ${isLifecycleError(e) ? e.message : String((e as Error)?.message ?? e)}`));
    return { valid: false, issues };
  }
}

/** What is wrong with an event's envelope (its place in the log, programme, time, actor), or null. */
function frameProblem(e: ProgrammeEvent, i: number, state: ProgrammeState | null, previous: ProgrammeEvent | null): string | null {
  if (typeof e !== 'object' || e === null) return `event ${i} is not an object`;
  if (e.seq !== i + 1) return `event ${i} has seq ${JSON.stringify(e.seq)}; expected ${i + 1}`;
  if (state !== null && e.programmeId !== state.id) return `event ${i} is of programme ${JSON.stringify(e.programmeId)}, not ${state.id}`;
  if (typeof e.actor !== 'object' || e.actor === null || typeof e.actor.id !== 'string' || typeof e.actor.role !== 'string') return `event ${i} names no actor { id, role }`;
  let at: string;
  try {
    at = toInstant(e.at);
  } catch {
    return `event ${i} has no instant with an offset as its time (${JSON.stringify(e.at)})`;
  }
  if (previous !== null && typeof previous.at === 'string' && compareInstants(at, toInstant(previous.at)) < 0) return `event ${i} at ${e.at} is earlier than the event before it (${previous.at})`;
  return null;
}

function evolveSafely(state: ProgrammeState | null, e: ProgrammeEvent): ProgrammeState | null {
  try {
    return evolveProgramme(state, e);
  } catch {
    return null;
  }
}

/** The agreements between a programme and its members' cases, checked as each event lands. */
function checkAgainstCases(state: ProgrammeState, e: ProgrammeEvent, i: number, cases: Map<string, CaseState>, missing: Set<string>, issues: RecordIssue[]): void {
  const memberCase = (memberId: string): CaseState | undefined => {
    const m = state.members[memberId];
    if (m === undefined) return undefined;
    const c = cases.get(m.caseId);
    if (c === undefined) {
      // Once per member: the first event that needs the case says it is missing.
      if (!missing.has(m.caseId)) issues.push(issue(['events', i], 'CASE_MISSING', `member ${memberId}'s case ${m.caseId} is not among the case records given`));
      missing.add(m.caseId);
    }
    else if (c.clientId !== m.clientId) issues.push(issue(['events', i], 'CASE_MISMATCH', `case ${m.caseId} is client ${c.clientId}'s, not member ${memberId}'s (${m.clientId})`));
    return c;
  };
  if (e.type === 'memberEnrolled') {
    const c = memberCase(e.data.memberId);
    if (c !== undefined && !Object.prototype.hasOwnProperty.call(c.consents, e.data.consentId)) issues.push(issue(['events', i, 'data', 'consentId'], 'CONSENT_MISSING', `consent ${e.data.consentId} is not in case ${c.id}`));
  }
  if (e.type === 'groupAttendanceRecorded') {
    for (const [memberId, attendance] of Object.entries(e.data.attendance)) {
      const c = memberCase(memberId);
      if (c === undefined) continue;
      const sid = caseSessionId(state.id, e.data.sessionId);
      const s = c.sessions.find((x) => x.id === sid);
      if (s === undefined) issues.push(issue(['events', i, 'data', 'attendance', memberId], 'ATTENDANCE_MISSING', `case ${c.id} has no session ${sid} for this group session`));
      else if (s.status !== attendance) issues.push(issue(['events', i, 'data', 'attendance', memberId], 'ATTENDANCE_MISMATCH', `case ${c.id} records session ${sid} as ${s.status}; the programme as ${attendance}`));
    }
  }
}
