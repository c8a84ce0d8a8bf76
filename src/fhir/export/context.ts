import type { CaseState } from '../../case/model/state.js';
import type { Role } from '../../case/model/primitives.js';
import type { Policy } from '../../engine/context.js';
import type { CaseEvent } from '../../engine/events.js';
import type { FhirIdentifier, FhirReference, FhirResource } from '../types.js';
import { fhirId, uuidFor } from '../ids.js';

/**
 * Options of {@link toFhirBundle}.
 *
 * @example
 * ```ts
 * const options: ToFhirOptions = { type: 'transaction', conditionalReferences: true };
 * ```
 */
export interface ToFhirOptions {
  /** `collection` (the default) or `transaction` (each entry a conditional-create POST). */
  readonly type?: 'collection' | 'transaction';
  /**
   * Full URLs: `'urn:uuid'` (the default; deterministic UUIDs, references between entries use them)
   * or `{ base }` (`<base>/Goal/g1`, references relative such as `Goal/g1`).
   */
  readonly fullUrls?: 'urn:uuid' | { readonly base: string };
  /**
   * Transactions only: refer to the patient and the people by search (`Patient?identifier=…`) so a
   * server resolves them to what it already holds, and create each entry only if none with its
   * identifier exists (`ifNoneExist`).
   */
  readonly conditionalReferences?: boolean;
  /** The reference to the client (default `Patient/<clientId>` with the client id as identifier). */
  readonly patient?: (clientId: string) => FhirReference;
  /** The reference to a person on the team or acting in the log (default by role: Patient, RelatedPerson or Practitioner). */
  readonly person?: (personId: string, role: Role) => FhirReference;
  /** The identifier system of exported resources (default `urn:intervention-lifecycle:id`). */
  readonly identifierSystem?: string;
  /** The identifier system of client and person ids (default `urn:intervention-lifecycle:person`). */
  readonly personSystem?: string;
  /** The instant consent expiry is judged at (default: the case's last event). */
  readonly asOf?: string;
  /** The policy the record was made under, for validating it first (default: the library's). */
  readonly policy?: Policy;
  /** One Provenance per event (default true). */
  readonly provenance?: boolean;
  /**
   * Who the Bundle is for, when it leaves the service (another organisation's id, as consents name
   * it in `sharingWith`): the export is then refused (`CONSENT_REQUIRED`) unless the client's
   * information-sharing consent covers it at `asOf` (the rule of `mayShare`). Leave it out for the
   * service's own systems: the export cannot know where a Bundle goes.
   */
  readonly shareWith?: string;
}

/** The resource types the export writes. */
export type ExportedType = FhirResource['resourceType'];

/** One resource the mappers produce, before the bundle gives it an id, a full URL and a request. */
export interface Mapped {
  readonly key: string;
  readonly resource: FhirResource;
}

/** What every mapper reads: the case, its log, and how to refer to things. */
export interface ExportContext {
  readonly state: CaseState;
  readonly events: readonly CaseEvent[];
  readonly asOf: string;
  readonly patient: FhirReference;
  /** The full URL of an exported resource (made once per export: each Provenance names the episode). */
  fullUrl(type: ExportedType, key: string): string;
  /** A reference to an exported resource by type and key (our id). */
  ref(type: ExportedType, key: string): FhirReference;
  /** The business identifier of an exported resource. */
  identifier(type: ExportedType, key: string): FhirIdentifier[];
  person(personId: string, role: Role): FhirReference;
  /** The person behind a team member, or undefined for an unknown member id. */
  member(memberId: string): FhirReference | undefined;
}

const PERSON_SYSTEM = 'urn:intervention-lifecycle:person';
const ID_SYSTEM = 'urn:intervention-lifecycle:id';

/** The full URL of an entry, by the options' scheme (uncached; each export context caches its own). */
export function fullUrlOf(options: ToFhirOptions, caseId: string, type: ExportedType, key: string): string {
  const scheme = options.fullUrls ?? 'urn:uuid';
  if (scheme === 'urn:uuid' || options.conditionalReferences === true) return `urn:uuid:${uuidFor(`${caseId}|${type}|${key}`)}`;
  return `${scheme.base.replace(/\/+$/, '')}/${type}/${fhirId(key)}`;
}

/** A conditional reference: the resource of `type` a server finds by this identifier. */
export const search = (type: string, system: string, value: string): string => `${type}?identifier=${encodeURIComponent(system)}|${encodeURIComponent(value)}`;

/** Builds the context of one export. */
export function exportContext(state: CaseState, events: readonly CaseEvent[], options: ToFhirOptions): ExportContext {
  const idSystem = options.identifierSystem ?? ID_SYSTEM;
  const personSystem = options.personSystem ?? PERSON_SYSTEM;
  const conditional = options.conditionalReferences === true && options.type === 'transaction';
  const valueOf = (type: ExportedType, key: string): string => (type === 'EpisodeOfCare' ? state.id : `${state.id}/${type}/${key}`);
  const byRole = (personId: string, role: Role): FhirReference => {
    if (personId === state.clientId || role === 'client') return patient;
    const type = role === 'family-member' ? 'RelatedPerson' : 'Practitioner';
    const identifier = { system: personSystem, value: personId };
    return conditional ? { reference: search(type, personSystem, personId), type, identifier } : { reference: `${type}/${fhirId(personId)}`, type, identifier };
  };
  const patient: FhirReference =
    options.patient?.(state.clientId) ??
    (conditional
      ? { reference: search('Patient', personSystem, state.clientId), type: 'Patient', identifier: { system: personSystem, value: state.clientId } }
      : { reference: `Patient/${fhirId(state.clientId)}`, type: 'Patient', identifier: { system: personSystem, value: state.clientId } });
  // By type, then key: no string is built to look one up.
  const urls = new Map<ExportedType, Map<string, string>>();
  const fullUrl = (type: ExportedType, key: string): string => {
    let byKey = urls.get(type);
    if (byKey === undefined) {
      byKey = new Map();
      urls.set(type, byKey);
    }
    let url = byKey.get(key);
    if (url === undefined) {
      url = fullUrlOf(options, state.id, type, key);
      byKey.set(key, url);
    }
    return url;
  };
  const chosen = options.person ?? byRole;
  const person = (personId: string, role: Role): FhirReference => (personId === state.clientId ? patient : chosen(personId, role));
  return {
    state,
    events,
    asOf: options.asOf ?? state.updatedAt,
    fullUrl,
    patient,
    // Entries of the bundle are referred to by full URL even in a conditional transaction: a server
    // resolves conditional references by search before it creates anything, so only what already
    // exists (the patient, the people) is found that way.
    ref: (type, key) => {
      const scheme = options.fullUrls ?? 'urn:uuid';
      if (scheme === 'urn:uuid' || conditional) return { reference: fullUrl(type, key), type };
      return { reference: `${type}/${fhirId(key)}`, type };
    },
    identifier: (type, key) => [{ system: idSystem, value: valueOf(type, key) }],
    person,
    member: (memberId) => {
      const m = Object.prototype.hasOwnProperty.call(state.team, memberId) ? state.team[memberId] : undefined;
      return m === undefined ? undefined : person(m.personId, m.role);
    },
  };
}
