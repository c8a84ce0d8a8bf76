import { isObject, ourId, str } from './values.js';

/** The client id a patient reference names: its identifier's value (in `personSystem`, ours, or any where none is given), or the id of `Patient/<id>`. */
export function clientIdOf(reference: unknown, personSystem: string | undefined): string | undefined {
  if (!isObject(reference)) return undefined;
  const identifier = isObject(reference.identifier) ? reference.identifier : undefined;
  const value = identifier === undefined ? undefined : str(identifier.value);
  if (value !== undefined && (personSystem === undefined || identifier?.system === personSystem || identifier?.system === 'urn:intervention-lifecycle:person')) return ourId(value);
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(str(reference.reference) ?? '');
  return m === null ? undefined : ourId(m[1] as string);
}
