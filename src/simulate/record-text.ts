/**
 * The NDJSON line of a simulated client's record: exactly `JSON.stringify(record)`, made sooner.
 * Writing the records is a quarter of a simulation's time, and most of the text is the frame every
 * event repeats (type, case id, seq, instant, actor) and the data of the three events a course is
 * mostly made of (measurements, sessions scheduled, attendance). The frame's values are ones
 * `decide` made and checked — an event type, an id of the id pattern, an integer, a canonical
 * instant — none of which JSON escapes, so they are joined as they are; an actor's text is made
 * once per (frozen) actor object. Those three events' data are written field by field: ids,
 * instants and enum values as they are (the command's schema checked them against patterns JSON
 * never escapes), free text (an indicator, a band, flags) tested for what JSON would escape and
 * written by `JSON.stringify` if it has any; every other event's data, and any of those three with
 * an optional field, goes through `JSON.stringify`.
 *
 * Only for records of events the engine made (the simulator's), whose keys are exactly those its
 * deciders write, in their order: `type, caseId, seq, at, actor, data` and, when given, `reason`.
 * A record with a snapshot is stringified whole. A property test holds the text to
 * `JSON.stringify`'s over simulated cohorts and over random commands from every role.
 */
import type { CaseEvent } from '../engine/events.js';
import type { CaseRecord } from '../validate/validate-record.js';

/** The last few actors and their JSON: a simulated case has a handful, the lead's is shared by all. */
const actors: (object | undefined)[] = [undefined, undefined, undefined, undefined];
const actorTexts: string[] = ['', '', '', ''];
let nextActor = 0;

function actorText(actor: object): string {
  for (let i = 0; i < 4; i++) if (actors[i] === actor) return actorTexts[i] as string;
  const text = JSON.stringify(actor);
  // Only a frozen actor (the engine's copy) keeps its text: any other could change after this.
  if (Object.isFrozen(actor)) {
    actors[nextActor] = actor;
    actorTexts[nextActor] = text;
    nextActor = (nextActor + 1) & 3;
  }
  return text;
}

/** Characters JSON.stringify writes as they are (no quote, backslash, control or surrogate). */
// eslint-disable-next-line no-control-regex -- the control characters JSON escapes are what it looks for
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function str(s: string | null): string {
  return s === null ? 'null' : PLAIN.test(s) ? `"${s}"` : JSON.stringify(s);
}

/**
 * A string the engine checked against a pattern JSON never escapes — an id (letters, digits and
 * `._:-`), a canonical instant, a value of an enum — written without the test `str` makes.
 */
function checked(s: string | null): string {
  return s === null ? 'null' : `"${s}"`;
}

function checkedList(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  let text = `["${list[0] as string}"`;
  for (let i = 1; i < list.length; i++) text += `,"${list[i] as string}"`;
  return `${text}]`;
}

function num(n: number | null): string {
  return n !== null && Number.isFinite(n) ? String(n) : 'null';
}

function strs(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  let text = `[${str(list[0] as string)}`;
  for (let i = 1; i < list.length; i++) text += `,${str(list[i] as string)}`;
  return `${text}]`;
}

type DataOf<K extends CaseEvent['type']> = Extract<CaseEvent, { type: K }>['data'];

// The keys in the order the deciders write them (measurement.ts, session.ts).
function measurementText(d: DataOf<'measurementRecorded'>): string {
  const m = d.measurement;
  // Checked by the command's schema or the engine: the ids, the instant, the source. Tested: the
  // indicator (free text), and the band and flags (a registered instrument names its own).
  return `{"measurement":{"id":${checked(m.id)},"instrumentId":${checked(m.instrumentId)},"indicator":${str(m.indicator)},"responses":${m.responses === null ? 'null' : JSON.stringify(m.responses)},"score":${num(m.score)},"band":${str(m.band)},"flags":${strs(m.flags)},"takenAt":${checked(m.takenAt)},"source":${checked(m.source)},"goalIds":${checkedList(m.goalIds)}}}`;
}

function sessionText(d: DataOf<'sessionScheduled'>): string {
  const s = d.session;
  if (s.groupId !== undefined) return JSON.stringify(d);
  return `{"session":{"id":${checked(s.id)},"strategyId":${checked(s.strategyId)},"scheduledFor":${checked(s.scheduledFor)},"participants":${checkedList(s.participants)}}}`;
}

function attendanceText(d: DataOf<'attendanceRecorded'>): string {
  if (d.participants !== undefined || d.notes !== undefined) return JSON.stringify(d);
  return `{"sessionId":${checked(d.sessionId)},"attendance":${checked(d.attendance)}}`;
}

function dataText(e: CaseEvent): string {
  switch (e.type) {
    case 'measurementRecorded':
      return measurementText(e.data);
    case 'sessionScheduled':
      return sessionText(e.data);
    case 'attendanceRecorded':
      return attendanceText(e.data);
    default:
      return JSON.stringify(e.data);
  }
}

function eventText(e: CaseEvent): string {
  const reason = e.reason;
  const text = `{"type":"${e.type}","caseId":"${e.caseId}","seq":${e.seq},"at":"${e.at}","actor":${actorText(e.actor)},"data":${dataText(e)}`;
  return reason === undefined ? `${text}}` : `${text},"reason":${JSON.stringify(reason)}}`;
}

/**
 * `JSON.stringify(record)` for a record of engine-made events (see the file's comment).
 *
 * @example
 * ```ts
 * const c = simulateClient(parsed, 42, 0, policy);
 * recordText(c.record) === JSON.stringify(c.record); // true
 * ```
 */
export function recordText(record: CaseRecord): string {
  if (record.snapshot !== undefined) return JSON.stringify(record);
  const events = record.events;
  let text = `{"format":${JSON.stringify(record.format)},"schemaVersion":${record.schemaVersion},"events":[`;
  for (let i = 0; i < events.length; i++) text += i === 0 ? eventText(events[i] as CaseEvent) : `,${eventText(events[i] as CaseEvent)}`;
  return `${text}]}`;
}
