import { str } from './values.js';
import { ourId } from './values.js';
import type { Found } from './read.js';
import { objects } from './values.js';

const OWN_ID_SYSTEM = 'urn:intervention-lifecycle:id';

/**
 * Our id for a resource read back: the key our own export wrote in its identifier
 * (`<case>/<Type>/<key>`) where there is one, else the resource's id, else a name made from its path.
 */
export function keyOf(f: Found, type: string): string {
  const identifiers = Array.isArray(f.resource.identifier) ? objects(f.resource.identifier) : objects([f.resource.identifier]);
  for (const i of identifiers) {
    const value = str(i.value);
    if (i.system === OWN_ID_SYSTEM && value !== undefined) {
      const at = value.indexOf(`/${type}/`);
      if (at !== -1) return ourId(value.slice(at + type.length + 2));
    }
  }
  const id = str(f.resource.id);
  if (id !== undefined && id.length > 0) return ourId(id);
  return ourId(`${type.toLowerCase()}${f.path.replace(/[^A-Za-z0-9]+/g, '-')}`);
}
