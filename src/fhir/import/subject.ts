import { TYPE_ID_REFERENCE, type Found, type Resources } from './read.js';
import { isObject, objects, ourId, str } from './values.js';

const OUR_PERSON = 'urn:intervention-lifecycle:person';

/** Where a subject reference can be followed: the input's resources, seen from the resource that holds it. */
export interface SubjectLookup {
  readonly resources: Resources;
  readonly from: Found;
}

/** The Patient in the input a reference names: by its reference (relative, `urn:uuid:`, …) or by an identifier it carries. */
function patientNamed(reference: Record<string, unknown>, lookup: SubjectLookup): Found | undefined {
  const found = lookup.resources.resolve(reference, lookup.from);
  if (found !== undefined) return found.type === 'Patient' ? found : undefined;
  if (str(reference.reference) !== undefined || !isObject(reference.identifier)) return undefined;
  const value = str(reference.identifier.value);
  return value === undefined ? undefined : lookup.resources.withIdentifier('Patient', str(reference.identifier.system), value);
}

/**
 * The client id a patient reference names, the same however the patient is referenced. Where the
 * Patient is in the input (`lookup`; by reference, `urn:uuid:`, or an identifier it carries), its
 * identifiers join the reference's own. The id is then the identifier in `personSystem` where one is
 * asked for, else in ours, else the Patient's id (the resource's, or `Patient/<id>` in the
 * reference), else — where no `personSystem` is asked for — any identifier, the reference's first.
 */
export function clientIdOf(reference: unknown, personSystem: string | undefined, lookup?: SubjectLookup): string | undefined {
  if (!isObject(reference)) return undefined;
  const patient = lookup === undefined ? undefined : patientNamed(reference, lookup);
  const identifiers = [...objects([reference.identifier]), ...(patient === undefined ? [] : objects(patient.resource.identifier))].filter((i) => str(i.value) !== undefined);
  const inSystem = (system: string): string | undefined => str(identifiers.find((i) => i.system === system)?.value);
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(str(reference.reference) ?? '');
  const id = patient === undefined ? (m === null ? undefined : m[1]) : str(patient.resource.id);
  const value = (personSystem === undefined ? undefined : inSystem(personSystem)) ?? inSystem(OUR_PERSON) ?? id ?? (personSystem === undefined ? str(identifiers[0]?.value) : undefined);
  return value === undefined ? undefined : ourId(value);
}

/**
 * What a measurement's subject is when it is not a patient (a Group, a Practitioner, a Device…),
 * named as `Type/id`; undefined for a patient, or a subject that says nothing of its type.
 */
export function notAPatient(reference: unknown, lookup: SubjectLookup): string | undefined {
  if (!isObject(reference)) return undefined;
  // A logical reference may say its type alone (`{ type: 'Group', identifier }`).
  const type = str(reference.type);
  if (type !== undefined && type !== 'Patient') return str(reference.reference) ?? `${type} ${isObject(reference.identifier) ? (str(reference.identifier.value) ?? '') : ''}`.trim();
  const found = lookup.resources.resolve(reference, lookup.from);
  if (found !== undefined) return found.type === 'Patient' ? undefined : `${found.type}/${str(found.resource.id) ?? str(reference.reference) ?? ''}`;
  const m = TYPE_ID_REFERENCE.exec(str(reference.reference) ?? '');
  return m === null || m[1] === 'Patient' ? undefined : `${m[1] as string}/${m[2] as string}`;
}

/** Who a resource is about: its client, or null where its subject names none. */
export type ClientOf = (f: Found) => string | null;

/**
 * Who each resource (its `subject`) is about: named as the case's client is (`personSystem`), or
 * else by whatever the subject says, so that someone else is still told apart. A bundle names its
 * patient the same way in each of its hundreds of resources: each way is looked up once.
 */
export function clientsOf(resources: Resources, personSystem: string | undefined): ClientOf {
  const known = new Map<string, string | null>();
  return (f) => {
    const subject = f.resource.subject;
    const ref = isObject(subject) ? subject.reference : undefined;
    const id = isObject(subject) && isObject(subject.identifier) ? subject.identifier : undefined;
    const plainId = id === undefined || (typeof id.value === 'string' && (id.system === undefined || typeof id.system === 'string'));
    // A contained reference (#p) depends on the resource that holds it: not shared.
    const key = typeof ref === 'string' && !ref.startsWith('#') && plainId ? `${ref}\n${String(id?.system)}\n${String(id?.value)}` : undefined;
    const seen = key === undefined ? undefined : known.get(key);
    if (seen !== undefined) return seen;
    const client = clientIdOf(subject, personSystem, { resources, from: f }) ?? clientIdOf(subject, undefined) ?? null;
    if (key !== undefined) known.set(key, client);
    return client;
  };
}

