import { ID_PATTERN, ROLES } from '../case/model/primitives.js';
import { isCanonicalInstant } from '../kernel/clock.js';
import { RECORD_FORMAT } from './record.js';
import { EVENT_TYPES } from './command-of.js';

/**
 * A hand-written check of the common, well-formed record, to spare the zod schema on the hot path.
 * It is deliberately stricter than the schema (canonical instants only, for example): `true` means
 * the zod schema accepts the record too (a property test holds it to that); `false` means "ask zod",
 * which then gives the issues and their wording. Zod stays the one source of the rules' messages.
 */
const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
const EVENT_KEYS: ReadonlySet<string> = new Set(['type', 'caseId', 'seq', 'at', 'actor', 'data', 'reason']);
const RECORD_KEYS: ReadonlySet<string> = new Set(['format', 'schemaVersion', 'events', 'snapshot']);

const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in o) if (!allowed.has(key)) return false;
  return true;
}

function instant(s: unknown): boolean {
  return typeof s === 'string' && isCanonicalInstant(s);
}

function event(e: unknown): boolean {
  if (!plainObject(e) || !onlyKeys(e, EVENT_KEYS)) return false;
  const { type, caseId, seq, at, actor, data, reason } = e;
  if (typeof type !== 'string' || !TYPES.has(type)) return false;
  if (typeof caseId !== 'string' || !ID_PATTERN.test(caseId)) return false;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return false;
  if (!instant(at)) return false;
  if (!plainObject(actor) || Object.keys(actor).length !== 2 || typeof actor.id !== 'string' || !ID_PATTERN.test(actor.id) || !ROLE_SET.has(actor.role as string)) return false;
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
