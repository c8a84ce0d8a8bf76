/**
 * Programme records in a `validate` run: set aside while the case records stream past, then checked
 * at the end against their members' case records from the same run (found by a second read of the
 * files; standard input, which cannot be read twice, keeps its case records in memory).
 */
import { PROGRAMME_RECORD_FORMAT, validateProgrammeRecord } from '../programme/record.js';
import type { RecordIssue } from '../validate/issue.js';
import type { CliOptions } from './args.js';
import { recordsOf } from './read-records.js';
import type { Policy } from '../engine/context.js';

/** A programme record met in the run, with where it was. */
export interface HeldProgramme {
  readonly file: string;
  readonly line?: number;
  readonly index?: number;
  readonly value: Record<string, unknown>;
}

/** Whether a parsed record is a programme record. */
export const isProgrammeRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PROGRAMME_RECORD_FORMAT;

/** The case id a case record names in its first event, if any. */
export function caseIdOf(value: unknown): string | undefined {
  const first = (value as { events?: unknown[] } | null)?.events?.[0] as { data?: { caseId?: unknown } } | undefined;
  return typeof first?.data?.caseId === 'string' ? first.data.caseId : undefined;
}

/** The case ids a programme record's members name. */
function memberCaseIds(value: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  for (const e of Array.isArray(value.events) ? value.events : []) {
    const data = (e as { type?: unknown; data?: { caseId?: unknown } } | null)?.data;
    if ((e as { type?: unknown }).type === 'memberReferred' && typeof data?.caseId === 'string') ids.add(data.caseId);
  }
  return ids;
}

/** Validates each programme held, with its members' case records from the run's files and standard input. */
export async function validateHeldProgrammes(
  held: readonly HeldProgramme[],
  options: CliOptions,
  stdinCases: readonly unknown[],
  casePolicy: Policy = {},
): Promise<{ held: HeldProgramme; programmeId: string | undefined; valid: boolean; issues: readonly RecordIssue[] }[]> {
  const wanted = new Set<string>();
  for (const h of held) for (const id of memberCaseIds(h.value)) wanted.add(id);
  const cases = new Map<string, unknown>();
  for (const c of stdinCases) {
    const id = caseIdOf(c);
    if (id !== undefined && wanted.has(id)) cases.set(id, c);
  }
  for (const file of options.files) {
    if (file === '-') continue;
    for await (const item of recordsOf(file, options)) {
      const id = item.value === undefined ? undefined : caseIdOf(item.value);
      if (id !== undefined && wanted.has(id)) cases.set(id, item.value);
    }
  }
  return held.map((h) => {
    const ids = memberCaseIds(h.value);
    const r = validateProgrammeRecord(h.value, { cases: [...cases].filter(([id]) => ids.has(id)).map(([, c]) => c), policy: { casePolicy } });
    const first = (Array.isArray(h.value.events) ? h.value.events[0] : undefined) as { data?: { programmeId?: unknown } } | undefined;
    return { held: h, programmeId: typeof first?.data?.programmeId === 'string' ? first.data.programmeId : undefined, valid: r.valid, issues: r.issues };
  });
}
