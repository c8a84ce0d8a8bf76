/**
 * The NDJSON line of a simulated client's record: exactly `JSON.stringify(record)`, made about a
 * tenth sooner. Writing the records is a quarter of a simulation's time, and most of the text is
 * the frame every event repeats (type, case id, seq, instant, actor). The frame's values are ones
 * `decide` made and checked — an event type, an id of the id pattern, an integer, a canonical
 * instant — none of which JSON escapes, so they are joined as they are; an actor's text is made
 * once per (frozen) actor object; the rest of each event goes through `JSON.stringify`.
 *
 * Only for records of events the engine made (the simulator's), whose keys are exactly those
 * `decide` writes, in its order: `type, caseId, seq, at, actor, data` and, when given, `reason`.
 * Anything else (a record with a snapshot) is stringified whole. A property test holds the text
 * to `JSON.stringify`'s over simulated cohorts and over random commands from every role.
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

function eventText(e: CaseEvent): string {
  const reason = e.reason;
  const text = `{"type":"${e.type}","caseId":"${e.caseId}","seq":${e.seq},"at":"${e.at}","actor":${actorText(e.actor)},"data":${JSON.stringify(e.data)}`;
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
