/**
 * The FHIR R4 (4.0.1) shapes this library writes and reads: only the elements it uses, each spelt
 * and typed as R4 defines it, so a resource of these types is a valid R4 resource of the full type
 * (a type test checks them against `@medplum/fhirtypes`). Consumers need no FHIR dependency.
 */

/** A FHIR Coding: a code from a code system. */
export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}

/** A FHIR CodeableConcept: codings and / or text. */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/** A FHIR Identifier: a business identifier in a namespace. */
export interface FhirIdentifier {
  system?: string;
  value?: string;
}

/** A FHIR Reference: literal (`reference`), logical (`identifier`) and / or a display text. */
export interface FhirReference {
  reference?: string;
  /** The type of the resource referred to (R4 allows any resource type; these are the ones this library names). */
  type?: FhirResource['resourceType'] | 'Patient' | 'Practitioner' | 'RelatedPerson';
  identifier?: FhirIdentifier;
  display?: string;
}

/** A FHIR Period; either bound may be open. */
export interface FhirPeriod {
  start?: string;
  end?: string;
}

/** A FHIR Quantity. */
export interface FhirQuantity {
  value?: number;
  comparator?: '<' | '<=' | '>=' | '>';
  unit?: string;
  system?: string;
  code?: string;
}

/** A FHIR Annotation (a note). */
export interface FhirAnnotation {
  text: string;
  time?: string;
}

/** A FHIR Extension with the value types this library writes. */
export interface FhirExtension {
  url: string;
  valueCodeableConcept?: FhirCodeableConcept;
  valueDecimal?: number;
  valueString?: string;
}

/** The elements every resource this library writes may carry. */
export interface FhirResourceBase {
  id?: string;
  identifier?: FhirIdentifier[];
  extension?: FhirExtension[];
}

/** FHIR EpisodeOfCare: the case. */
export interface FhirEpisodeOfCare extends FhirResourceBase {
  resourceType: 'EpisodeOfCare';
  status: 'planned' | 'waitlist' | 'active' | 'onhold' | 'finished' | 'cancelled' | 'entered-in-error';
  statusHistory?: { status: FhirEpisodeOfCare['status']; period: FhirPeriod }[];
  type?: FhirCodeableConcept[];
  patient: FhirReference;
  period?: FhirPeriod;
  referralRequest?: FhirReference[];
  careManager?: FhirReference;
  team?: FhirReference[];
}

/** FHIR ServiceRequest: the referral. */
export interface FhirServiceRequest extends FhirResourceBase {
  resourceType: 'ServiceRequest';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'proposal' | 'plan' | 'directive' | 'order' | 'original-order' | 'reflex-order' | 'filler-order' | 'instance-order' | 'option';
  priority?: 'routine' | 'urgent' | 'asap' | 'stat';
  code?: FhirCodeableConcept;
  subject: FhirReference;
  authoredOn?: string;
  requester?: FhirReference;
  reasonCode?: FhirCodeableConcept[];
}

/** A CarePlan activity's detail (an activity carries a reference or a detail, never both: cpl-3). */
export interface FhirCarePlanActivityDetail {
  kind?: 'Appointment' | 'CommunicationRequest' | 'DeviceRequest' | 'MedicationRequest' | 'NutritionOrder' | 'Task' | 'ServiceRequest' | 'VisionPrescription';
  code?: FhirCodeableConcept;
  goal?: FhirReference[];
  status: 'not-started' | 'scheduled' | 'in-progress' | 'on-hold' | 'completed' | 'cancelled' | 'stopped' | 'unknown' | 'entered-in-error';
  statusReason?: FhirCodeableConcept;
  scheduledPeriod?: FhirPeriod;
  performer?: FhirReference[];
  description?: string;
}

/** FHIR CarePlan: the plan, its strategies as activities. */
export interface FhirCarePlan extends FhirResourceBase {
  resourceType: 'CarePlan';
  status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'entered-in-error' | 'unknown';
  intent: 'proposal' | 'plan' | 'order' | 'option';
  title?: string;
  subject: FhirReference;
  period?: FhirPeriod;
  careTeam?: FhirReference[];
  goal?: FhirReference[];
  activity?: { detail?: FhirCarePlanActivityDetail; reference?: FhirReference }[];
}

/** One target of a FHIR Goal. */
export interface FhirGoalTarget {
  measure?: FhirCodeableConcept;
  detailQuantity?: FhirQuantity;
  dueDate?: string;
}

/** FHIR Goal. */
export interface FhirGoal extends FhirResourceBase {
  resourceType: 'Goal';
  lifecycleStatus: 'proposed' | 'planned' | 'accepted' | 'active' | 'on-hold' | 'completed' | 'cancelled' | 'entered-in-error' | 'rejected';
  achievementStatus?: FhirCodeableConcept;
  description: FhirCodeableConcept;
  subject: FhirReference;
  startDate?: string;
  target?: FhirGoalTarget[];
  statusDate?: string;
  statusReason?: string;
  expressedBy?: FhirReference;
  addresses?: FhirReference[];
  outcomeCode?: FhirCodeableConcept[];
}

/** FHIR CareTeam. */
export interface FhirCareTeam extends FhirResourceBase {
  resourceType: 'CareTeam';
  status?: 'proposed' | 'active' | 'suspended' | 'inactive' | 'entered-in-error';
  subject?: FhirReference;
  encounter?: FhirReference;
  period?: FhirPeriod;
  participant?: { role?: FhirCodeableConcept[]; member?: FhirReference; period?: FhirPeriod }[];
}

/** FHIR Encounter: one session. */
export interface FhirEncounter extends FhirResourceBase {
  resourceType: 'Encounter';
  status: 'planned' | 'arrived' | 'triaged' | 'in-progress' | 'onleave' | 'finished' | 'cancelled' | 'entered-in-error' | 'unknown';
  class: FhirCoding;
  serviceType?: FhirCodeableConcept;
  subject?: FhirReference;
  episodeOfCare?: FhirReference[];
  participant?: { individual?: FhirReference }[];
  period?: FhirPeriod;
  length?: FhirQuantity;
}

/** FHIR Observation: a score, an item response or an indicator value. */
export interface FhirObservation extends FhirResourceBase {
  resourceType: 'Observation';
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  category?: FhirCodeableConcept[];
  code: FhirCodeableConcept;
  subject?: FhirReference;
  encounter?: FhirReference;
  effectiveDateTime?: string;
  issued?: string;
  performer?: FhirReference[];
  method?: FhirCodeableConcept;
  valueQuantity?: FhirQuantity;
  valueCodeableConcept?: FhirCodeableConcept;
  valueString?: string;
  valueInteger?: number;
  dataAbsentReason?: FhirCodeableConcept;
  interpretation?: FhirCodeableConcept[];
  note?: FhirAnnotation[];
  hasMember?: FhirReference[];
  derivedFrom?: FhirReference[];
}

/** One answered item of a FHIR QuestionnaireResponse. */
export interface FhirQuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: { valueCoding?: FhirCoding; valueInteger?: number; valueDecimal?: number }[];
}

/** FHIR QuestionnaireResponse: an instrument's item responses. */
export interface FhirQuestionnaireResponse extends Omit<FhirResourceBase, 'identifier'> {
  resourceType: 'QuestionnaireResponse';
  /** One identifier (0..1 in R4, unlike most resources). */
  identifier?: FhirIdentifier;
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject?: FhirReference;
  authored?: string;
  item?: FhirQuestionnaireResponseItem[];
}

/** FHIR Consent. */
export interface FhirConsent extends FhirResourceBase {
  resourceType: 'Consent';
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: FhirCodeableConcept;
  category: FhirCodeableConcept[];
  patient?: FhirReference;
  dateTime?: string;
  performer?: FhirReference[];
  policyRule?: FhirCodeableConcept;
  provision?: {
    type?: 'deny' | 'permit';
    period?: FhirPeriod;
    actor?: { role: FhirCodeableConcept; reference: FhirReference }[];
    code?: FhirCodeableConcept[];
  };
}

/** FHIR RiskAssessment: one recorded risk level. */
export interface FhirRiskAssessment extends FhirResourceBase {
  resourceType: 'RiskAssessment';
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  subject: FhirReference;
  occurrenceDateTime?: string;
  prediction?: { outcome?: FhirCodeableConcept; qualitativeRisk?: FhirCodeableConcept }[];
  note?: FhirAnnotation[];
}

/** FHIR Flag: a crisis, open or resolved. */
export interface FhirFlag extends FhirResourceBase {
  resourceType: 'Flag';
  status: 'active' | 'inactive' | 'entered-in-error';
  category?: FhirCodeableConcept[];
  code: FhirCodeableConcept;
  subject: FhirReference;
  period?: FhirPeriod;
}

/** FHIR Provenance: who did what, when. */
export interface FhirProvenance extends Omit<FhirResourceBase, 'identifier'> {
  resourceType: 'Provenance';
  target: FhirReference[];
  recorded: string;
  activity?: FhirCodeableConcept;
  reason?: FhirCodeableConcept[];
  agent: { type?: FhirCodeableConcept; role?: FhirCodeableConcept[]; who: FhirReference }[];
}

/** Every resource type this library writes. */
export type FhirResource =
  | FhirEpisodeOfCare
  | FhirServiceRequest
  | FhirCarePlan
  | FhirGoal
  | FhirCareTeam
  | FhirEncounter
  | FhirObservation
  | FhirQuestionnaireResponse
  | FhirConsent
  | FhirRiskAssessment
  | FhirFlag
  | FhirProvenance;

/** One entry of a Bundle. */
export interface FhirBundleEntry {
  fullUrl?: string;
  resource: FhirResource;
  request?: { method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'; url: string; ifNoneExist?: string };
}

/** FHIR Bundle of type `collection` or `transaction`. */
export interface FhirBundle {
  resourceType: 'Bundle';
  id?: string;
  type: 'collection' | 'transaction';
  timestamp?: string;
  entry: FhirBundleEntry[];
}
