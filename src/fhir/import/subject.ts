import { TYPE_ID_REFERENCE, type Found, type Resources } from './read.js';
import { isObject, objects, ourId, str } from './values.js';

const OUR_PERSON = 'urn:intervention-lifecycle:person';

/** An identifier's value in `personSystem` (ours next; any where no system is asked for), if it has one. */
function identifierValue(identifier: Record<string, unknown>, personSystem: string | undefined): string | undefined {
  const value = str(identifier.value);
  return value !== undefined && (personSystem === undefined || identifier.system === personSystem || identifier.system === OUR_PERSON) ? value : undefined;
}

/** Where a subject reference can be followed: the input's resources, seen from the resource that holds it. */
export interface SubjectLookup {
  readonly resources: Resources;
  readonly from: Found;
}

/**
 * The client id a patient reference names: its identifier's value (in `personSystem`, ours, or any
 * where none is given), or the id of `Patient/<id>`; else, where `lookup` is given, the Patient it
 * resolves to in the input (a transaction's `urn:uuid:` reference, say): that Patient's identifier
 * in `personSystem` if one is asked for, its id, or its identifier (ours first).
 */
export function clientIdOf(reference: unknown, personSystem: string | undefined, lookup?: SubjectLookup): string | undefined {
  if (!isObject(reference)) return undefined;
  const given = isObject(reference.identifier) ? identifierValue(reference.identifier, personSystem) : undefined;
  if (given !== undefined) return ourId(given);
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(str(reference.reference) ?? '');
  if (m !== null) return ourId(m[1] as string);
  const patient = lookup?.resources.resolve(reference, lookup.from);
  if (patient === undefined || patient.type !== 'Patient') return undefined;
  const identifiers = objects(patient.resource.identifier);
  const asked = personSystem === undefined ? undefined : identifiers.find((i) => i.system === personSystem);
  const id = str(patient.resource.id);
  const value = (asked === undefined ? undefined : str(asked.value)) ?? id ?? str((identifiers.find((i) => i.system === OUR_PERSON) ?? identifiers[0])?.value);
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
