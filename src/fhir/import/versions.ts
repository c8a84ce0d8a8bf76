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
