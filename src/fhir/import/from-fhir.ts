import type { CaseRecord } from '../../validate/validate-record.js';
import { readGoals, type ImportedGoal } from './goals.js';
import { indexInstruments } from './instruments.js';
import { IssueLog, type FhirImportIssue } from './issues.js';
import { readMeasurements, type ImportedMeasurement } from './measurements.js';
import { readResources, type Resources } from './read.js';
import { buildRecord, type RecordOptions } from './record.js';
import { clientsOf } from './subject.js';

/**
 * Options of {@link fromFhir}.
 *
 * @example
 * ```ts
 * const options: FromFhirOptions = { setting: 'clinic', actor: { id: 'importer', role: 'admin' } };
 * ```
 */
export type FromFhirOptions = RecordOptions;

/**
 * What {@link fromFhir} read.
 *
 * @example
 * ```ts
 * const { record, measurements, goals, issues }: FhirImport = fromFhir(bundle);
 * ```
 */
export interface FhirImport {
  /** A case record, where the input has an EpisodeOfCare or a referral ServiceRequest and a patient. */
  readonly record?: CaseRecord;
  readonly measurements: readonly ImportedMeasurement[];
  readonly goals: readonly ImportedGoal[];
  /** Everything not read as it stood, each with a JSON pointer into the input. */
  readonly issues: readonly FhirImportIssue[];
}

/**
 * The resource types the import reads (or follows references into); any other is said once, with
 * how many there are, so that sessions, consents or a care plan left behind are not left unseen.
 */
const READ_TYPES: ReadonlySet<string> = new Set(['EpisodeOfCare', 'ServiceRequest', 'Observation', 'QuestionnaireResponse', 'Questionnaire', 'Goal', 'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'OperationOutcome']);

function unread(resources: Resources, log: IssueLog): void {
  const seen = new Map<string, { path: string; count: number }>();
  for (const f of resources.all) {
    if (f.container !== undefined || READ_TYPES.has(f.type)) continue;
    const s = seen.get(f.type);
    if (s === undefined) seen.set(f.type, { path: f.path, count: 1 });
    else s.count++;
  }
  for (const [type, { path, count }] of seen) {
    log.add(path, 'NOT_READ', `${count} ${type} resource${count === 1 ? ' is' : 's are'} not read: the import carries measurements, goals and the episode (the FHIR guide lists what maps)`, 'info');
  }
}

/**
 * Reads FHIR R4 from another system — a Bundle, an array of resources or one resource, as a value
 * or as JSON text, or NDJSON text (one resource a line, as a bulk export writes it) — into
 * measurements (QuestionnaireResponses and Observations: totals coded in LOINC or SNOMED CT as
 * valueQuantity, valueInteger, valueDecimal or valueString, items by LOINC code and LOINC answer),
 * goals, and a case record (one an import) where enough is present. References may be relative, contained,
 * urn:uuid, conditional or absolute; times with offsets are normalised to the canonical instant, a
 * date alone is read as midnight UTC with a warning, a time without an offset is an issue. A value
 * placed on a panel code (PHQ-9 44249-1) is flagged, not filed. Never throws.
 *
 * @example
 * ```ts
 * import { fromFhir } from 'intervention-lifecycle/fhir';
 *
 * const { measurements, issues } = fromFhir(usCorePhq9Bundle);
 * measurements[0]; // { instrumentId: 'phq9', score: 12, responses: [2, 2, …], takenAt: '2022-11-29T20:50:32.718Z', … }
 * ```
 */
export function fromFhir(input: unknown, options: FromFhirOptions = {}): FhirImport {
  const log = new IssueLog();
  try {
    const resources = readResources(input, log);
    const index = indexInstruments();
    const clientOf = clientsOf(resources, options.personSystem);
    const measurements = readMeasurements(resources, index, log, clientOf);
    const goals = readGoals(resources, index, log, clientOf);
    const record = buildRecord(resources, measurements, goals, options, log);
    unread(resources, log);
    return record === undefined ? { measurements, goals, issues: log.issues } : { record, measurements, goals, issues: log.issues };
  } catch (e) {
    // Inputs no check foresaw (a throwing getter, a proxy) still get an answer, never an exception.
    let message = 'an unreadable error';
    try {
      message = String((e as { message?: unknown })?.message ?? e);
    } catch {
      // keep the generic message
    }
    log.add('', 'INTERNAL', `the import could not finish: ${message}`);
    return { measurements: [], goals: [], issues: log.issues };
  }
}
