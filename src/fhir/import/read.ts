import { seg, type IssueLog } from './issues.js';
import { isObject, objects, str } from './values.js';
import { latestVersions, withoutDeleted, type Deletion } from './versions.js';

/** A resource found in the input, with where it sits. */
export interface Found {
  readonly resource: Record<string, unknown>;
  readonly type: string;
  readonly path: string;
  readonly fullUrl: string | undefined;
  /** The resource that contains it (for `#id` references), if it is contained. */
  readonly container: Found | undefined;
}

/** Every resource of the input and the indexes references are resolved through. */
export interface Resources {
  readonly all: readonly Found[];
  ofType(type: string): Found[];
  /** The resource a reference points to, seen from `from` (for contained references), or undefined. */
  resolve(reference: unknown, from: Found): Found | undefined;
  /** The resources of a type whose `url` is this canonical URL (without its `|version`), in input order. */
  withUrl(type: string, url: string): readonly Found[];
  /** The first resource of a type carrying this identifier (any system where `system` is undefined or empty). */
  withIdentifier(type: string, system: string | undefined, value: string): Found | undefined;
}

const MAX_RESOURCES = 200_000;

/** A relative (`Type/id`, `Type/id/_history/n`) or absolute (`https://server/fhir/Type/id`) reference: its last `Type/id`. */
export const TYPE_ID_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * NDJSON text, one resource a line, as a FHIR bulk export ($export) writes it: each line's value by
 * its index from 0 (blank lines skipped, a line that is not JSON reported and skipped). Undefined
 * when the text is not NDJSON (fewer than two lines, or a first line that is not a JSON object),
 * so a broken JSON document is reported as such, not line by line.
 */
function ndjsonLines(text: string, log: IssueLog): Map<number, unknown> | undefined {
  const raw = text.split(/\r?\n/);
  const filled = raw.map((line, i) => [line, i] as const).filter(([line]) => line.trim() !== '');
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line) as unknown;
    } catch (e) {
      return e as Error;
    }
  };
  const first = filled.length < 2 ? undefined : parse((filled[0] as (typeof filled)[number])[0]);
  if (!isObject(first) || first instanceof Error) return undefined;
  const out = new Map<number, unknown>();
  for (const [line, i] of filled) {
    const v = out.size === 0 ? first : parse(line);
    if (v instanceof Error) log.add(seg(i), 'INVALID_JSON', `line ${i + 1} is not JSON: ${v.message}`);
    else out.set(i, v);
  }
  return out;
}

/**
 * Reads the input — a Bundle, an array of resources or one resource, as a value or JSON text, or
 * NDJSON text (one resource a line, paths indexing its lines from 0) — into
 * a list of resources with JSON-pointer paths, contained resources included. What is not a resource
 * is an issue.
 */
export function readResources(input: unknown, log: IssueLog): Resources {
  let value = input;
  let lines: Map<number, unknown> | undefined;
  if (typeof value === 'string') {
    // A byte order mark, as some Windows tools write: not part of the JSON.
    const text = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
    try {
      value = JSON.parse(text) as unknown;
    } catch (e) {
      value = undefined;
      lines = ndjsonLines(text, log);
      if (lines === undefined) log.add('', 'INVALID_JSON', `the input is not JSON: ${(e as Error).message}`);
    }
  }
  let all: Found[] = [];
  // A history Bundle's DELETE entries: the resource deleted, and how many resources came before (newer ones).
  const deletions: Deletion[] = [];
  const add = (resource: unknown, path: string, fullUrl: string | undefined, container: Found | undefined): void => {
    if (all.length >= MAX_RESOURCES) return;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      log.add(path, 'NOT_A_RESOURCE', 'not a FHIR resource (an object with a resourceType)');
      return;
    }
    if (resource.resourceType === 'Bundle' && container === undefined) {
      const entries = Array.isArray(resource.entry) ? resource.entry : [];
      entries.forEach((entry: unknown, i: number) => {
        const p = `${path}/entry/${i}`;
        if (!isObject(entry)) return log.add(p, 'NOT_A_RESOURCE', 'a Bundle entry must be an object');
        if (entry.resource === undefined) {
          const request = isObject(entry.request) ? entry.request : {};
          const deleted = request.method === 'DELETE' ? TYPE_ID_REFERENCE.exec(str(request.url) ?? '') : null;
          if (deleted === null) return log.add(p, 'NO_RESOURCE', 'a Bundle entry without a resource (a search or a response?) is skipped', 'warning');
          if (resource.type === 'history') return void deletions.push({ typeId: `${deleted[1] as string}/${deleted[2] as string}`, path: p, newer: all.length });
          return log.add(p, 'NO_RESOURCE', `a request to delete ${str(request.url) as string}: the import reads resources and deletes nothing`, 'warning');
        }
        add(entry.resource, `${p}/resource`, str(entry.fullUrl), undefined);
      });
      return;
    }
    const found: Found = { resource, type: resource.resourceType, path, fullUrl, container };
    all.push(found);
    objects(resource.contained).forEach((c, i) => add(c, `${path}/contained/${i}`, undefined, found));
  };
  if (lines !== undefined) for (const [i, v] of lines) add(v, seg(i), undefined, undefined);
  else if (Array.isArray(value)) value.forEach((v, i) => add(v, seg(i), undefined, undefined));
  else if (value !== undefined) add(value, '', undefined, undefined);
  if (all.length >= MAX_RESOURCES) log.add('', 'TOO_MANY_RESOURCES', `only the first ${MAX_RESOURCES} resources are read`, 'warning');
  const history = isObject(value) && value.resourceType === 'Bundle' && value.type === 'history';
  all = latestVersions(withoutDeleted(all, deletions, log), history, log);

  const byUrl = new Map<string, Found>();
  const byTypeId = new Map<string, Found>();
  const byType = new Map<string, Found[]>();
  for (const f of all) {
    if (f.container !== undefined) continue;
    if (f.fullUrl !== undefined) byUrl.set(f.fullUrl, f);
    const id = str(f.resource.id);
    if (id !== undefined) byTypeId.set(`${f.type}/${id}`, f);
    const list = byType.get(f.type) ?? [];
    list.push(f);
    byType.set(f.type, list);
  }
  // Made on first use, per type: identifier value -> the resources carrying it, in input order.
  const byValue = new Map<string, Map<string, { system: unknown; found: Found }[]>>();
  const withIdentifier = (type: string, system: string | undefined, value: string): Found | undefined => {
    let index = byValue.get(type);
    if (index === undefined) {
      index = new Map();
      for (const f of byType.get(type) ?? []) {
        for (const i of Array.isArray(f.resource.identifier) ? objects(f.resource.identifier) : objects([f.resource.identifier])) {
          const v = str(i.value);
          if (v === undefined) continue;
          const same = index.get(v);
          if (same === undefined) index.set(v, [{ system: i.system, found: f }]);
          else same.push({ system: i.system, found: f });
        }
      }
      byValue.set(type, index);
    }
    return index.get(value)?.find((c) => system === undefined || system === '' || c.system === system)?.found;
  };
  const byIdentifier = (type: string, query: string): Found | undefined => {
    const m = /^identifier=(.*)$/.exec(query);
    if (m === null) return undefined;
    const [system, value] = (m[1] as string).includes('|') ? (m[1] as string).split('|').map(decodeURIComponent) : [undefined, decodeURIComponent(m[1] as string)];
    return withIdentifier(type, system, value as string);
  };
  // Made on first use: only QuestionnaireResponses look resources up by canonical URL.
  let byCanonical: Map<string, Found[]> | undefined;
  // Made on first use: each resource's contained resources by id (for `#id` references).
  let byHost: Map<Found, Map<string, Found>> | undefined;
  return {
    all,
    ofType: (type) => byType.get(type) ?? [],
    withIdentifier,
    withUrl(type, url) {
      if (byCanonical === undefined) {
        byCanonical = new Map();
        for (const [t, list] of byType) {
          for (const f of list) {
            const url = str(f.resource.url);
            if (url === undefined) continue;
            const same = byCanonical.get(`${t} ${url}`);
            if (same === undefined) byCanonical.set(`${t} ${url}`, [f]);
            else same.push(f);
          }
        }
      }
      return byCanonical.get(`${type} ${url}`) ?? [];
    },
    resolve(reference, from) {
      const ref = isObject(reference) ? str(reference.reference) : undefined;
      if (ref === undefined) return undefined;
      if (ref.startsWith('#')) {
        if (byHost === undefined) {
          byHost = new Map();
          for (const f of all) {
            const id = f.container === undefined ? undefined : str(f.resource.id);
            if (id === undefined) continue;
            const inHost = byHost.get(f.container as Found) ?? new Map<string, Found>();
            if (!inHost.has(id)) inHost.set(id, f);
            byHost.set(f.container as Found, inHost);
          }
        }
        return byHost.get(from.container ?? from)?.get(ref.slice(1));
      }
      const direct = byUrl.get(ref);
      if (direct !== undefined) return direct;
      const conditional = /^([A-Za-z]+)\?(.*)$/.exec(ref);
      if (conditional !== null) return byIdentifier(conditional[1] as string, conditional[2] as string);
      const m = TYPE_ID_REFERENCE.exec(ref);
      return m === null ? undefined : byTypeId.get(`${m[1] as string}/${m[2] as string}`);
    },
  };
}
