import type { Context, Policy } from '../engine/context.js';
import { canonicalOrEmpty } from '../kernel/clock.js';
import { decideParsed, resolveEnv } from '../engine/decide.js';
import { parseCommand } from '../engine/commands.js';
import type { CaseEvent } from '../engine/events.js';
import { applyEvent, createFrom } from '../engine/apply-event.js';
import { type CaseState, type Draft, SCHEMA_VERSION } from '../case/model/state.js';
import { issue, type RecordIssue } from './issue.js';
import { caseRecordSchema, RECORD_FORMAT } from './record.js';
import { differences } from './snapshot.js';
import { certainlyWellFormed } from './fast-shape.js';
import { COMMAND_OF } from './command-of.js';


/**
 * The shape check alone: a hand-written fast path for well-formed records, zod for the rest (and
 * for every message). Exposed for benchmarks and for callers who only need the shape.
 */
export function checkRecordShape(input: unknown): readonly RecordIssue[] {
  if (certainlyWellFormed(input)) return [];
  const shape = caseRecordSchema().safeParse(input);
  return shape.success ? [] : zodIssues(shape.error, []);
}

/** Options of {@link validateRecord}. */
export interface ValidateOptions {
  /** The policy the record was made under (roles, modalities, windows). Default: the library's. */
  readonly policy?: Policy;
  /** Stop collecting after this many issues (the rest are summarised). Default 200. */
  readonly maxIssues?: number;
  /** Refuse records with more events than this. Default 100,000. */
  readonly maxEvents?: number;
}

/** The outcome of {@link validateRecord}. */
export interface RecordValidation {
  /** True when no issue has severity `error`. */
  readonly valid: boolean;
  readonly issues: readonly RecordIssue[];
  /** The state the events replay to, when every event could be applied. */
  readonly state?: CaseState;
  /** The case id, when the record got far enough to name one. */
  readonly caseId?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function zodIssues(error: { issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[] }, base: (string | number)[]): RecordIssue[] {
  return error.issues.map((i) => issue([...base, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')], 'INVALID_SHAPE', i.message));
}

/**
 * Validates a case record from any source (already parsed JSON, or anything at all): its shape;
 * every event re-decided by the engine's own tables, guards and policy (a refused step is an issue
 * naming the rule, and the recorded event must equal what the engine would record); chronology; and,
 * when present, that the snapshot equals the replay (listing the differing paths). It reports every
 * finding rather than stopping at the first, and never throws.
 *
 * @example
 * ```ts
 * const result = validateRecord(JSON.parse(text));
 * if (!result.valid) for (const i of result.issues) console.log(i.path, i.code, i.message);
 * ```
 */
export function validateRecord(input: unknown, options: ValidateOptions = {}): RecordValidation {
  const issues: RecordIssue[] = [];
  try {
    return validate(input, options, issues);
  } catch (e) {
    // A validator that meets something its checks did not foresee (a getter that throws, a proxy)
    // still answers, with what it found before.
    return { valid: false, issues: [...issues, issue([], 'INTERNAL', `The validator could not finish: ${describeError(e)}`)] };
  }
}

/** What went wrong, without trusting the thrown value (its message may itself be a throwing getter). */
export function describeError(e: unknown): string {
  try {
    const message = (e as { message?: unknown })?.message;
    return typeof message === 'string' ? message : String(e);
  } catch {
    return 'an unreadable error';
  }
}

function validate(input: unknown, options: ValidateOptions, issues: RecordIssue[]): RecordValidation {
  const maxIssues = options.maxIssues ?? 200;
  const maxEvents = options.maxEvents ?? 100_000;
  const report = (i: RecordIssue): void => {
    issues.push(i);
  };
  if (!isObject(input)) {
    return { valid: false, issues: [issue([], 'INVALID_SHAPE', `A case record is a JSON object, not ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`)] };
  }
  if (input.format !== RECORD_FORMAT) {
    // A FHIR resource handed to the validator is a common slip: say what reads it.
    const fhir = typeof input.resourceType === 'string' ? ` (this is a FHIR ${input.resourceType}: fromFhir, or the CLI's fhir import, reads it)` : '';
    report(issue(['format'], 'INVALID_FORMAT', `format must be "${RECORD_FORMAT}", not ${JSON.stringify(input.format) ?? 'absent'}${fhir}`));
  }
  const version = input.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    // Re-deciding a newer record with older rules would only bury the one finding that matters.
    const message = `The record is schema version ${version}; this version of intervention-lifecycle reads schema version ${SCHEMA_VERSION}: upgrade the library to read it`;
    return { valid: false, issues: [...issues, issue(['schemaVersion'], 'UNSUPPORTED_VERSION', message)] };
  }
  if (Array.isArray(input.events) && input.events.length > maxEvents) {
    return { valid: false, issues: [issue(['events'], 'TOO_LARGE', `The record has ${input.events.length} events; the limit is ${maxEvents}`)] };
  }
  if (!certainlyWellFormed(input)) {
    const shape = caseRecordSchema().safeParse(input);
    if (!shape.success) for (const i of zodIssues(shape.error, [])) if (i.path !== '/format') report(i);
  }
  const events = Array.isArray(input.events) ? (input.events as unknown[]) : [];
  const shapeBad = new Set(issues.map((i) => /^\/events\/(\d+)/.exec(i.path)?.[1]).filter((x): x is string => x !== undefined).map(Number));

  const { state, caseId } = replayChecked(events, shapeBad, options.policy ?? {}, report);
  if (state !== undefined && input.snapshot !== undefined) {
    const diffs = differences(JSON.parse(JSON.stringify(state)), input.snapshot, 20);
    for (const p of diffs) report({ path: `/snapshot${p}`, code: 'SNAPSHOT_MISMATCH', message: `The snapshot differs from the replayed events at ${p || '/'}`, severity: 'error' });
  }
  const kept = issues.length > maxIssues ? [...issues.slice(0, maxIssues), issue([], 'TOO_MANY_ISSUES', `${issues.length - maxIssues} more issues were not listed`, 'warning')] : issues;
  const valid = !kept.some((i) => i.severity === 'error');
  return { valid, issues: kept, ...(state === undefined ? {} : { state }), ...(caseId === undefined ? {} : { caseId }) };
}

// Recorded events carry their ids, so a re-decided command never asks for one; one generator for every
// event lets dispatch check it once rather than wrap a new one per event.
const missingId = (): string => 'missing-id';

function replayChecked(
  events: readonly unknown[],
  shapeBad: ReadonlySet<number>,
  policy: Policy,
  report: (i: RecordIssue) => void,
): { state: CaseState | undefined; caseId: string | undefined } {
  if (events.length === 0) return { state: undefined, caseId: undefined };
  let state: Draft | null = null;
  let caseId: string | undefined;
  let previousAt = '';
  let i = 0;
  while (i < events.length) {
    const raw = events[i];
    if (shapeBad.has(i) || !isObject(raw)) {
      // An event whose envelope is broken cannot be applied; the rest of the log cannot be trusted.
      report(issue(['events', i], 'REPLAY_STOPPED', `Event ${i} is malformed, so the events after it were not checked`, 'error'));
      return { state: undefined, caseId };
    }
    const event = raw as unknown as CaseEvent;
    if (i === 0 && event.type !== 'caseOpened') report(issue(['events', 0, 'type'], 'INVALID_LOG', `A case record starts with caseOpened, not ${event.type}`));
    if (event.seq !== i + 1) report(issue(['events', i, 'seq'], 'INVALID_LOG', `Event ${i} has seq ${event.seq}; expected ${i + 1}`));
    if (caseId !== undefined && event.caseId !== caseId) report(issue(['events', i, 'caseId'], 'INVALID_LOG', `Event ${i} belongs to case ${event.caseId}, not ${caseId}`));
    // Judged by the instant each `at` denotes, whatever offset another system wrote it with.
    const at = canonicalOrEmpty(event.at);
    if (at === '') report(issue(['events', i, 'at'], 'INVALID_SHAPE', `Event ${i} is dated ${event.at}, outside the years 0000–9999`));
    else if (at < previousAt) report(issue(['events', i, 'at'], 'CHRONOLOGY', `Event ${i} is dated ${event.at}, before the event before it (${previousAt})`));
    previousAt = at > previousAt ? at : previousAt;

    // Re-decide the command that produced this event, as that actor, at that time.
    // The inverse comes from the event's entity module (an unknown type has none: the parse then fails).
    const command = parseCommand(COMMAND_OF.get(event.type)?.(event));
    let batch = 1;
    // The events the engine records for this step, where they equal the recorded ones: applied in
    // their place, so the replayed state holds canonical instants however the record wrote them.
    let canonical: readonly CaseEvent[] | undefined;
    if (!command.success) {
      for (const z of zodIssues(command.error, ['events', i, 'data'])) report({ ...z, code: 'INVALID_EVENT_DATA' });
    } else {
      const ctx: Context = { actor: event.actor, now: () => event.at, newId: missingId, policy };
      const env = resolveEnv(ctx);
      let decided: ReturnType<typeof decideParsed>;
      try {
        decided = env.ok ? decideParsed(state as CaseState | null, command.data, env.value) : { ok: false as const, error: env.error };
      } catch (e) {
        // Earlier recorded events (already reported) left a state the engine never makes: what was
        // found stands, and the rest of the log cannot be judged against it.
        report(issue(['events', i], 'REPLAY_STOPPED', `Event ${i} could not be judged against the state the events before it left (${describeError(e)}); the events after it were not checked`));
        return { state: undefined, caseId };
      }
      if (!decided.ok) {
        report(issue(['events', i], decided.error.code, `${event.type} by ${event.actor.id} (${event.actor.role}) was not a legal step: ${decided.error.message}`));
      } else {
        batch = decided.events.length;
        let matched = true;
        decided.events.forEach((expected, k) => {
          const recorded = events[i + k];
          const where = differences(expected, recorded, 1)[0];
          if (where !== undefined) {
            matched = false;
            report(issue(['events', i + k], 'EVENT_MISMATCH', `Event ${i + k} differs from what ${command.data.type} records, at ${where || '/'}`));
          }
        });
        if (matched) canonical = decided.events;
      }
      if (event.type === 'caseOpened' && i === 0) caseId = event.caseId;
    }
    // Apply what was recorded (events are facts), so later events are judged against the record.
    for (let k = 0; k < batch && i + k < events.length; k++) {
      const recorded = events[i + k];
      if (!isObject(recorded) || shapeBad.has(i + k)) break;
      try {
        const e = canonical?.[k] ?? (recorded as unknown as CaseEvent);
        if (state === null) {
          if (e.type !== 'caseOpened') throw new Error('the first event does not open the case');
          state = createFrom(e);
          caseId ??= e.caseId;
        } else {
          applyEvent(state, e);
        }
      } catch (e) {
        report(issue(['events', i + k], 'REPLAY_STOPPED', `Event ${i + k} could not be applied (${describeError(e)}); the events after it were not checked`));
        return { state: undefined, caseId };
      }
    }
    i += Math.max(1, batch);
  }
  return { state: (state ?? undefined) as CaseState | undefined, caseId };
}

/** The shape of a record, for those who build one by hand. */
export interface CaseRecord {
  readonly format: typeof RECORD_FORMAT;
  readonly schemaVersion: 1;
  readonly events: readonly CaseEvent[];
  readonly snapshot?: CaseState;
}

/**
 * A record from an event log (and optionally the state as a snapshot), ready to store or send.
 *
 * @example
 * ```ts
 * const record = toRecord(events, state);
 * validateRecord(record).valid; // true
 * ```
 */
export function toRecord(events: readonly CaseEvent[], snapshot?: CaseState): CaseRecord {
  return { format: RECORD_FORMAT, schemaVersion: 1, events, ...(snapshot === undefined ? {} : { snapshot }) };
}
