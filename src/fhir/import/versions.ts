import { compareInstants, toInstant } from '../../kernel/clock.js';
import type { IssueLog } from './issues.js';
import { isObject, str } from './values.js';

/** What this needs of a resource found in the input (read.ts's Found; not imported, which would make a cycle). */
interface Found {
  readonly resource: Record<string, unknown>;
  readonly type: string;
  readonly path: string;
  readonly fullUrl: string | undefined;
  readonly container: Found | undefined;
}

/** The resource's identity on its server: its full URL, else `Type/id`; undefined if it has neither. */
function identity(f: Found): string | undefined {
  if (f.fullUrl !== undefined && !f.fullUrl.startsWith('urn:')) return f.fullUrl;
  const id = str(f.resource.id);
  return id === undefined ? f.fullUrl : `${f.type}/${id}`;
}

function meta(f: Found, key: 'versionId' | 'lastUpdated'): string | undefined {
  return isObject(f.resource.meta) ? str(f.resource.meta[key]) : undefined;
}

function instant(value: string | undefined): string | undefined {
  try {
    return value === undefined ? undefined : toInstant(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether `a` is a later version than `b` (both the same resource): by `meta.versionId` where both
 * are numbers, else by `meta.lastUpdated`; undefined when their metadata cannot tell.
 */
function later(a: Found, b: Found): boolean | undefined {
  const [va, vb] = [meta(a, 'versionId'), meta(b, 'versionId')];
  if (va !== undefined && vb !== undefined && /^\d+$/.test(va) && /^\d+$/.test(vb) && va !== vb) return Number(va) > Number(vb);
  const [ta, tb] = [instant(meta(a, 'lastUpdated')), instant(meta(b, 'lastUpdated'))];
  if (ta !== undefined && tb !== undefined && ta !== tb) return compareInstants(ta, tb) > 0;
  return undefined;
}

/**
 * One version of each resource. A `history` Bundle lists a resource's versions (newest first), and
 * other inputs can hold the same resource twice: read as two, a corrected PHQ-9 and the version it
 * corrects were two measurements at one instant. The latest (by `meta.versionId`, else
 * `meta.lastUpdated`, else a history Bundle's order) is kept and each other version said
 * (`OLDER_VERSION`, info); copies that nothing orders are said too (`DUPLICATE_RESOURCE`, warning),
 * the first kept. Contained resources go with the resource that contains them.
 */
export function latestVersions<F extends Found>(all: readonly F[], history: boolean, log: IssueLog): F[] {
  const kept = new Map<string, F>();
  const dropped = new Set<Found>();
  for (const f of all) {
    if (f.container !== undefined) continue;
    const key = identity(f);
    if (key === undefined) continue;
    const seen = kept.get(key);
    if (seen === undefined) {
      kept.set(key, f);
      continue;
    }
    const newer = later(f, seen) ?? (history ? false : undefined);
    const [keep, drop] = newer === true ? [f, seen] : [seen, f];
    kept.set(key, keep);
    dropped.add(drop);
    if (newer === undefined) log.add(drop.path, 'DUPLICATE_RESOURCE', `${key} is in the input again, and nothing says which version is later: the first is read`, 'warning');
    else log.add(drop.path, 'OLDER_VERSION', `an earlier version${meta(drop, 'versionId') === undefined ? '' : ` (${meta(drop, 'versionId') as string})`} of ${key}: the latest${meta(keep, 'versionId') === undefined ? '' : ` (${meta(keep, 'versionId') as string})`} is read`, 'info');
  }
  if (dropped.size === 0) return [...all];
  return all.filter((f) => !dropped.has(f) && !(f.container !== undefined && dropped.has(f.container)));
}

/** A history Bundle's DELETE entry: the resource's `Type/id`, where the entry is, and how many resources the Bundle listed before it. */
export interface Deletion {
  readonly typeId: string;
  readonly path: string;
  readonly newer: number;
}

/**
 * Without the versions a history Bundle lists as deleted. It lists a resource's versions newest
 * first, a deletion among them as a DELETE entry with no resource: the versions after it are older
 * than the deletion, so the source no longer holds them (an Observation entered by mistake and
 * deleted, say), and they are not read. A version before it (the resource made again) is.
 * Each deletion is said (`DELETED`, info), with how many versions it took out of the import.
 */
export function withoutDeleted<F extends Found>(all: readonly F[], deletions: readonly Deletion[], log: IssueLog): readonly F[] {
  if (deletions.length === 0) return all;
  // Where each deleted resource's versions are (one pass, however many deletions: a server's history can hold thousands).
  const positions = new Map<string, number[]>(deletions.map((d) => [d.typeId, []]));
  all.forEach((f, i) => {
    const id = f.container === undefined ? str(f.resource.id) : undefined;
    if (id !== undefined) positions.get(`${f.type}/${id}`)?.push(i);
  });
  const gone = new Set<Found>();
  for (const d of deletions) {
    const older = (positions.get(d.typeId) as number[]).filter((i) => i >= d.newer);
    for (const i of older) gone.add(all[i] as F);
    const count = older.length;
    log.add(d.path, 'DELETED', `${d.typeId} was deleted at the source${count === 0 ? '' : `: its ${count === 1 ? 'earlier version is' : `${count} earlier versions are`} not read`}`, 'info');
  }
  return gone.size === 0 ? all : all.filter((f) => !gone.has(f) && !(f.container !== undefined && gone.has(f.container)));
}
