import { ROLES } from '../case/primitives.js';
import { RECORD_FORMAT, EVENT_TYPES } from './record.js';

/**
 * A hand-written check of the common, well-formed record, to spare the zod schema on the hot path.
 * It is deliberately stricter than the schema (canonical instants only, for example): `true` means
 * the zod schema accepts the record too (a property test holds it to that); `false` means "ask zod",
 * which then gives the issues and their wording. Zod stays the one source of the rules' messages.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const EVENT_KEYS: ReadonlySet<string> = new Set(['type', 'caseId', 'seq', 'at', 'actor', 'data', 'reason']);
const RECORD_KEYS: ReadonlySet<string> = new Set(['format', 'schemaVersion', 'events', 'snapshot']);
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in o) if (!allowed.has(key)) return false;
  return true;
}

function instant(s: unknown): boolean {
  if (typeof s !== 'string' || !INSTANT.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (day > (DAYS[month - 1] ?? 0)) return false;
  return !(month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)));
}

function event(e: unknown): boolean {
  if (!plainObject(e) || !onlyKeys(e, EVENT_KEYS)) return false;
  const { type, caseId, seq, at, actor, data, reason } = e;
  if (typeof type !== 'string' || !TYPES.has(type)) return false;
  if (typeof caseId !== 'string' || !ID.test(caseId)) return false;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return false;
  if (!instant(at)) return false;
  if (!plainObject(actor) || Object.keys(actor).length !== 2 || typeof actor.id !== 'string' || !ID.test(actor.id) || !ROLE_SET.has(actor.role as string)) return false;
  if (!plainObject(data)) return false;
  return reason === undefined || (typeof reason === 'string' && reason.length >= 1 && reason.length <= 10_000);
}

/** True only for a record the zod record schema certainly accepts. */
export function certainlyWellFormed(input: unknown): boolean {
  if (!plainObject(input) || !onlyKeys(input, RECORD_KEYS)) return false;
  if (input.format !== RECORD_FORMAT || input.schemaVersion !== 1) return false;
  const { events, snapshot } = input;
  if (!Array.isArray(events) || events.length < 1 || events.length > 1_000_000) return false;
  if (snapshot !== undefined && !plainObject(snapshot)) return false;
  for (const e of events) if (!event(e)) return false;
  return true;
}
