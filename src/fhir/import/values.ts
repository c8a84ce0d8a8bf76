import { toInstant } from '../../kernel/clock.js';
import { ID_PATTERN } from '../../case/model/primitives.js';
import type { IssueLog } from './issues.js';

/** A plain object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value as an array of plain objects (anything else as none). */
export const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isObject) : []);
/** The value as a string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(-\d{2})?$/;

/**
 * A FHIR dateTime / instant as the canonical instant (UTC, `Z`, milliseconds; DESIGN.md §2.1),
 * judged by the instant it denotes. A date alone is read as its first moment in UTC, with a warning;
 * a time without an offset, or anything else, is an issue and gives undefined.
 */
export function instantOf(value: unknown, path: string, log: IssueLog): string | undefined {
  if (typeof value !== 'string') {
    log.add(path, 'MISSING_TIME', value === undefined ? 'no time given' : `a time must be a string, not ${typeof value}`);
    return undefined;
  }
  if (DATE.test(value) || PARTIAL_DATE.test(value)) {
    const padded = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
    try {
      const at = toInstant(`${padded}T00:00:00Z`);
      log.add(path, 'DATE_ONLY', `"${value}" has no time of day: read as ${at}`, 'warning');
      return at;
    } catch {
      log.add(path, 'INVALID_TIME', `"${value}" is not a calendar date`);
      return undefined;
    }
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) {
    log.add(path, 'NO_OFFSET', `"${value}" has a time but no offset, so it names no instant (FHIR requires one)`);
    return undefined;
  }
  try {
    return toInstant(value);
  } catch {
    log.add(path, 'INVALID_TIME', `"${value}" is not a FHIR dateTime`);
    return undefined;
  }
}

/** A FHIR date (or the date part of a dateTime), or undefined with an issue. */
export function dateOf(value: unknown, path: string, log: IssueLog): string | undefined {
  if (typeof value === 'string' && DATE.test(value)) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  if (value !== undefined) log.add(path, 'INVALID_DATE', `${JSON.stringify(value)} is not a FHIR date`);
  return undefined;
}

/** A number written as a JSON number or as a decimal string ("12"); anything else is undefined. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/**
 * One of our ids from a FHIR id or key: kept where it is one already; otherwise its characters
 * outside ours become `-` and it is prefixed so it starts with a letter.
 */
export function ourId(raw: string): string {
  if (ID_PATTERN.test(raw)) return raw;
  const cleaned = `x${raw.replace(/[^A-Za-z0-9._:-]/g, '-')}`.slice(0, 128);
  return cleaned;
}

/** The codings of a CodeableConcept (none for anything else). */
export function codings(concept: unknown): { system: string | undefined; code: string | undefined; display: string | undefined }[] {
  if (!isObject(concept)) return [];
  return objects(concept.coding).map((c) => ({ system: str(c.system), code: str(c.code), display: str(c.display) }));
}

const LOINC_CODE = /^(\d{1,7}-\d|LA\d{1,6}-\d|LL\d{1,6}-\d)$/;

/**
 * LOINC's system as FHIR names it (`http://loinc.org`), and as real systems also write it: with
 * `https` or a trailing slash, or as LOINC's OID (converters from CDA send `urn:oid:2.16.840.1.113883.6.1`).
 * A PHQ-9 coded under any of them is still a PHQ-9; read as unknown, its item 9 would go unseen.
 */
const LOINC_SYSTEMS: ReadonlySet<string> = new Set(['http://loinc.org', 'https://loinc.org', 'http://loinc.org/', 'https://loinc.org/', 'urn:oid:2.16.840.1.113883.6.1']);

/** Whether a coding's system is LOINC's (see LOINC_SYSTEMS). */
export function isLoincSystem(system: string | undefined): boolean {
  return system !== undefined && LOINC_SYSTEMS.has(system);
}

/** The LOINC codes of a CodeableConcept: codings with the LOINC system, or with no system and a LOINC-shaped code. */
export function loincCodes(concept: unknown): string[] {
  return codings(concept)
    .filter((c) => c.code !== undefined && (isLoincSystem(c.system) || (c.system === undefined && LOINC_CODE.test(c.code))))
    .map((c) => c.code as string);
}
