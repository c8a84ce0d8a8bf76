import { URGENCIES } from '../../case/model/case.js';
import type { Actor, Setting } from '../../case/model/primitives.js';
import type { CaseState } from '../../case/model/state.js';
import { compareInstants, toInstant } from '../../kernel/clock.js';
import { dispatch } from '../../engine/dispatch.js';
import type { CaseEvent } from '../../engine/events.js';
import { toRecord, type CaseRecord } from '../../validate/validate-record.js';
import type { IssueLog } from './issues.js';
import { keyOf } from './keys.js';
import type { ImportedGoal } from './goals.js';
import type { ImportedMeasurement } from './measurements.js';
import type { Found, Resources } from './read.js';
import { codings, instantOf, isObject, objects, str } from './values.js';
import { clientIdOf } from './subject.js';

/** How the import builds a case record. */
export interface RecordOptions {
  readonly setting?: Setting;
  readonly actor?: Actor;
  /**
   * The identifier system that names clients (an NHS number's, a hospital's MRN). The case's client
   * and each measurement's and goal's are named by it wherever the patient carries one: on the reference, or
   * on the Patient in the input the reference points to (by reference, `urn:uuid:`, or an
   * identifier it carries); else by our own identifier, else the Patient's id. Without it, the
   * Patient's id comes before any other identifier.
   */
  readonly personSystem?: string;
  /**
   * When the import happens (an instant with an offset; default the system clock). A referral, an
   * episode or a measurement dated after it cannot have happened yet (a mistyped year, most often):
   * it is reported, not filed, since the record is dated by the source's own times.
   */
  readonly now?: string;
}

/**
 * A case record from an EpisodeOfCare and / or the referral's ServiceRequest, built by dispatching
 * commands, so it validates by construction: the case opened at the referral; where the episode
 * became active, the assessment started then, and the measurements recorded in time order, with
 * the episode's holds (its status history's onhold periods) between them.
 * Statuses past `assessing` are not invented (they need assessments and plans FHIR does not carry):
 * what is left out is reported.
 */
export function buildRecord(resources: Resources, measurements: readonly ImportedMeasurement[], goals: readonly ImportedGoal[], options: RecordOptions, log: IssueLog): CaseRecord | undefined {
  // An episode or referral withdrawn at the source (entered-in-error) opens no case: the first that is not.
  const inError = (f: Found): boolean => f.resource.status === 'entered-in-error';
  const first = (list: readonly Found[]): Found | undefined => list.find((f) => !inError(f)) ?? list[0];
  const episode: Found | undefined = first(resources.ofType('EpisodeOfCare'));
  const referred = episode === undefined ? undefined : objects(episode.resource.referralRequest).map((r) => resources.resolve(r, episode)).find((r) => r !== undefined);
  const request: Found | undefined = referred ?? first(resources.ofType('ServiceRequest'));
  if (episode === undefined && request === undefined) {
    log.add('', 'NO_CASE', 'no EpisodeOfCare or ServiceRequest: measurements and goals are returned without a case record', 'info');
    return undefined;
  }
  // One import builds one case: another episode (or, with none, another referral) is said, not dropped unseen.
  const built = episode ?? (request as Found);
  for (const other of resources.ofType(built.type)) {
    if (inError(other)) log.add(`${other.path}/status`, 'ENTERED_IN_ERROR', `the ${other.type} ${keyOf(other, other.type)} is marked entered-in-error at the source: no case is built from it`, 'warning');
    else if (other !== built) log.add(other.path, 'OTHER_CASE', `another ${other.type} (${keyOf(other, other.type)}): one import builds one case, from ${keyOf(built, built.type)}; import this one's resources on their own`, 'warning');
  }
  if (inError(built)) return undefined;
  let importedAt: string;
  try {
    importedAt = toInstant(options.now ?? new Date());
  } catch (e) {
    log.add('', 'INVALID_OPTION', `options.now: ${(e as Error).message}`);
    return undefined;
  }
  const future = (at: string, path: string, what: string): boolean => {
    if (compareInstants(at, importedAt) <= 0) return false;
    log.add(path, 'IN_FUTURE', `${what} is dated ${at}, after the import (${importedAt}): not filed`);
    return true;
  };
  const anchor = built;
  const subject = episode !== undefined ? episode.resource.patient : (request as Found).resource.subject;
  const clientId = clientIdOf(subject, options.personSystem, { resources, from: anchor });
  if (clientId === undefined) {
    log.add(`${anchor.path}/${episode !== undefined ? 'patient' : 'subject'}`, 'NO_PATIENT', 'the case names no patient the import can read (a Patient reference or an identifier)');
    return undefined;
  }
  const sr = request?.resource;
  const period = episode !== undefined && isObject(episode.resource.period) ? episode.resource.period : undefined;
  const receivedAt =
    (sr?.authoredOn !== undefined ? instantOf(sr.authoredOn, `${request?.path ?? ''}/authoredOn`, log) : undefined) ??
    (period?.start !== undefined ? instantOf(period.start, `${episode?.path ?? ''}/period/start`, log) : undefined);
  if (receivedAt === undefined) {
    log.add(anchor.path, 'NO_REFERRAL_TIME', 'neither the referral (authoredOn) nor the episode (period.start) says when the case began');
    return undefined;
  }
  if (future(receivedAt, anchor.path, 'the referral')) return undefined;
  const reason = sr === undefined ? undefined : (objects(sr.reasonCode).map((c) => str(c.text) ?? codings(c)[0]?.display).find((t) => t !== undefined) ?? (isObject(sr.code) ? str(sr.code.text) : undefined));
  const source = sr === undefined || !isObject(sr.requester) ? undefined : (str(sr.requester.display) ?? str(sr.requester.reference));
  if (reason === undefined) log.add(request?.path ?? anchor.path, 'NO_REASON', 'the referral gives no reason: recorded as "not recorded"', 'warning');
  if (source === undefined) log.add(request?.path ?? anchor.path, 'NO_SOURCE', 'the referral names no requester: its source is recorded as "not recorded"', 'warning');
  const priority = str(sr?.priority);
  const urgency = URGENCIES.find((u) => u === priority) ?? 'routine';
  if (options.setting === undefined) log.add('', 'SETTING_ASSUMED', 'FHIR does not say where care happens: the setting is "community" (pass options.setting)', 'info');

  const actor = options.actor ?? { id: 'fhir-import', role: 'lead-practitioner' };
  const events: CaseEvent[] = [];
  let state: CaseState | null = null;
  let n = 0;
  let clock = '';
  // One context for the whole import, its clock set before each command: dispatch checks the actor
  // and the id generator once, not once per measurement.
  const ctx = { actor, now: () => clock, newId: () => `imported-${++n}` };
  const run = (at: string, command: Record<string, unknown>, path: string): boolean => {
    clock = at;
    const r = dispatch(state, command, ctx);
    if (!r.ok) {
      log.add(path, r.error.code, `${String(command.type)} could not be recorded: ${r.error.message}`);
      return false;
    }
    state = r.state;
    events.push(...r.events);
    return true;
  };
  const caseId = episode !== undefined ? keyOf(episode, 'EpisodeOfCare') : `case-${keyOf(request as Found, 'ServiceRequest')}`;
  const opened = run(
    receivedAt,
    { type: 'openCase', caseId, clientId, referral: { source: source ?? 'not recorded', reason: reason ?? 'not recorded', urgency, receivedAt }, setting: options.setting ?? 'community' },
    anchor.path,
  );
  if (!opened) return undefined;

  // When the episode became active: its history's first active period, else its start if it is active now.
  const history = episode === undefined ? [] : objects(episode.resource.statusHistory);
  const activeEntry = history.find((h) => h.status === 'active');
  const status = str(episode?.resource.status);
  let startedAt =
    activeEntry !== undefined && isObject(activeEntry.period) && activeEntry.period.start !== undefined
      ? instantOf(activeEntry.period.start, `${episode?.path ?? ''}/statusHistory/${history.indexOf(activeEntry)}/period/start`, log)
      : status !== undefined && ['active', 'onhold', 'finished'].includes(status)
        ? receivedAt
        : undefined;
  const filed = measurements.filter((m) => {
    if (m.clientId !== null && m.clientId !== clientId) {
      log.add(m.path, 'OTHER_PATIENT', `the measurement is about ${m.clientId}, not the case's client ${clientId}: returned, not filed`, 'warning');
      return false;
    }
    return !future(m.takenAt, m.path, 'the measurement');
  });
  if (startedAt !== undefined && future(startedAt, episode?.path ?? anchor.path, 'the episode\'s start')) startedAt = undefined;
  // Ended at the source but open in the record: said, with the status the record stays at.
  const notClosed = (): void => {
    if (status === 'finished' || status === 'cancelled') log.add(`${episode?.path ?? ''}/status`, 'NOT_CLOSED', `the episode is ${status}; the record stays open at "${(state as unknown as CaseState).status}": closing needs the plan FHIR does not carry`, 'info');
  };
  if (startedAt === undefined) {
    if (filed.length > 0) log.add(episode?.path ?? anchor.path, 'NOT_STARTED', `the episode never became active: its ${filed.length} measurement(s) are returned, not filed in the record`, 'info');
    notClosed();
    return toRecord(events, state as unknown as CaseState);
  }
  let now = compareInstants(startedAt, receivedAt) < 0 ? receivedAt : startedAt;
  // The assessment is of the other system's records: that is the method the import knows.
  if (!run(now, { type: 'startAssessment', methods: ['records-review'] }, episode?.path ?? anchor.path)) return toRecord(events, state as unknown as CaseState);
  // The episode's holds (statusHistory onhold periods) are recorded in time with the measurements:
  // a measurement taken on hold is recorded on hold, as the engine allows.
  const pauses = episode === undefined ? [] : pausesOf(episode, history, log, future);
  if (status === 'onhold' && !pauses.some((p) => p.kind === 'hold' && p.until === undefined)) {
    log.add(`${episode?.path ?? ''}/status`, 'NOT_HELD', 'the episode is on hold, but its status history does not say since when: the record is not put on hold', 'info');
  }
  type Step = { readonly at: string; readonly m: ImportedMeasurement } | { readonly at: string; readonly pause: Pause };
  const steps: Step[] = [...filed.map((m) => ({ at: m.takenAt, m })), ...pauses.map((pause) => ({ at: pause.at, pause }))];
  // Stable: a measurement taken at the very moment of a hold is recorded before it.
  steps.sort((a, b) => compareInstants(a.at, b.at));
  let skipped = false;
  for (const step of steps) {
    if ('pause' in step) {
      const { pause } = step;
      if (pause.kind === 'resume' && skipped) continue;
      skipped = pause.kind === 'hold' && compareInstants(pause.at, now) < 0;
      if (skipped) {
        log.add(pause.path, 'NOT_HELD', `the episode's hold from ${pause.at} began before the import could start the case's assessment (${now}): not recorded`, 'info');
        continue;
      }
      now = pause.at;
      run(now, pause.kind === 'hold' ? { type: 'holdCase', reason: 'On hold in the FHIR source (EpisodeOfCare status onhold)' } : { type: 'resumeCase' }, pause.path);
      continue;
    }
    const { m } = step;
    if (compareInstants(m.takenAt, now) > 0) now = m.takenAt;
    const value = m.responses !== null ? { responses: [...m.responses] } : { score: m.score as number };
    if (m.instrumentId !== null && m.responses === null && m.score === null) continue;
    const recorded = run(
      now,
      { type: 'recordMeasurement', measurementId: m.id, ...(m.instrumentId !== null ? { instrumentId: m.instrumentId } : { indicator: m.indicator }), ...value, takenAt: m.takenAt, source: m.source },
      m.path,
    );
    // Entered in error at the source: recorded and voided, so the record keeps what was said and that it was withdrawn.
    if (recorded && m.status === 'entered-in-error') run(now, { type: 'voidMeasurement', measurementId: m.id, reason: 'Marked entered-in-error in the FHIR source' }, m.path);
  }
  notClosed();
  for (const g of goals) {
    if (g.clientId !== null && g.clientId !== clientId) log.add(g.path, 'OTHER_PATIENT', `the goal is for ${g.clientId}, not the case's client ${clientId}: not one of this case's goals`, 'warning');
  }
  if (goals.length > 0) log.add('', 'GOALS_NOT_FILED', 'goals are returned, not filed in the record: proposing them needs a completed needs assessment', 'info');
  return toRecord(events, state as unknown as CaseState);
}

/** A hold of the episode, or its end. */
interface Pause {
  readonly kind: 'hold' | 'resume';
  readonly at: string;
  readonly path: string;
  /** For a hold: when it ended, where its period says (undefined while it lasts). */
  readonly until?: string;
}

/** The episode's onhold periods from its status history: a hold at each start, a resume at each end that has come. */
function pausesOf(episode: Found, history: readonly Record<string, unknown>[], log: IssueLog, future: (at: string, path: string, what: string) => boolean): Pause[] {
  const out: Pause[] = [];
  history.forEach((h, i) => {
    if (h.status !== 'onhold' || !isObject(h.period)) return;
    const path = `${episode.path}/statusHistory/${i}/period`;
    const start = h.period.start === undefined ? undefined : instantOf(h.period.start, `${path}/start`, log);
    if (start === undefined || future(start, `${path}/start`, 'the hold')) return;
    const end = h.period.end === undefined ? undefined : instantOf(h.period.end, `${path}/end`, log);
    const ended = end !== undefined && compareInstants(end, start) > 0 && !future(end, `${path}/end`, 'the end of the hold');
    out.push({ kind: 'hold', at: start, path, ...(ended ? { until: end } : {}) });
    if (ended) out.push({ kind: 'resume', at: end, path });
  });
  return out;
}
