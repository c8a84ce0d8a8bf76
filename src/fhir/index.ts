/**
 * FHIR R4 (`intervention-lifecycle/fhir`): export a case record as a Bundle, and read Bundles and
 * loose resources from other systems back into measurements, goals and a case record. Browser-safe;
 * consumers need no FHIR dependency (the types here are R4's, checked against a full R4 type set).
 *
 * @packageDocumentation
 */
export { toFhirBundle } from './export/bundle.js';
export type { ToFhirOptions } from './export/context.js';
export { EPISODE_STATUS } from './export/episode-of-care.js';
export { REFERRAL_STATUS } from './export/service-request.js';
export { CARE_PLAN_STATUS, ACTIVITY_STATUS } from './export/care-plan.js';
export { GOAL_LIFECYCLE } from './export/goal.js';
export { ENCOUNTER_STATUS } from './export/encounter.js';
export { OBSERVATION_STATUS } from './export/observation.js';
export { RESPONSE_STATUS } from './export/questionnaire-response.js';
export { CONSENT_STATUS } from './export/consent.js';
export { RISK_PROBABILITY_CODE } from './export/crisis.js';
export type {
  FhirAnnotation,
  FhirBundle,
  FhirBundleEntry,
  FhirCarePlan,
  FhirCarePlanActivityDetail,
  FhirCareTeam,
  FhirCodeableConcept,
  FhirCoding,
  FhirConsent,
  FhirEncounter,
  FhirEpisodeOfCare,
  FhirExtension,
  FhirFlag,
  FhirGoal,
  FhirGoalTarget,
  FhirIdentifier,
  FhirObservation,
  FhirPeriod,
  FhirProvenance,
  FhirQuantity,
  FhirQuestionnaireResponse,
  FhirQuestionnaireResponseItem,
  FhirReference,
  FhirResource,
  FhirResourceBase,
  FhirRiskAssessment,
  FhirServiceRequest,
} from './types.js';
export { fromFhir, type FromFhirOptions, type FhirImport } from './import/from-fhir.js';
export type { ImportedMeasurement } from './import/measurements.js';
export type { ImportedGoal } from './import/goals.js';
export type { FhirImportIssue } from './import/issues.js';
