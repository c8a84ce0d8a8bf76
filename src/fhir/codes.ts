/**
 * The code systems and fixed codes of the FHIR mapping, in one place. Codes are R4's (and LOINC's
 * and HL7 terminology's); where R4 has no code for one of ours, the library's own system says so.
 */

export const LOINC = 'http://loinc.org';
export const SNOMED_CT = 'http://snomed.info/sct';

/**
 * SNOMED CT observable entities for the built-in instruments' totals, which UK records use where
 * others use LOINC (NHS Talking Therapies and the Mental Health Services Data Set code PROM scores
 * in SNOMED CT): the import reads a total coded with either. The instruments' own LOINC codes are in
 * their definitions; these stay with the FHIR mapping, the only code that reads them.
 */
export const SNOMED_TOTALS: Readonly<Record<string, string>> = {
  // Patient Health Questionnaire Nine Item score
  '720433000': 'phq9',
  // Generalized anxiety disorder 7 item score
  '445455005': 'gad7',
  // Patient health questionnaire 2 score (UK extension)
  '836541000000100': 'phq2',
};
export const UCUM = 'http://unitsofmeasure.org';
export const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const RISK_PROBABILITY = 'http://terminology.hl7.org/CodeSystem/risk-probability';
export const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';
export const PROVENANCE_AGENT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
/** R4's own extension for why an encounter was cancelled. */
export const ENCOUNTER_REASON_CANCELLED = 'http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled';

/** The library's own code systems (logical URIs): our codes where R4 has none. */
export const OWN = {
  instrument: 'urn:intervention-lifecycle:instrument',
  indicator: 'urn:intervention-lifecycle:indicator',
  modality: 'urn:intervention-lifecycle:modality',
  role: 'urn:intervention-lifecycle:role',
  need: 'urn:intervention-lifecycle:need',
  goalOutcome: 'urn:intervention-lifecycle:goal-outcome',
  goalStatus: 'urn:intervention-lifecycle:goal-status',
  sessionStatus: 'urn:intervention-lifecycle:session-status',
  /** Who gave a measurement's value: client-report, clinician-rated, observer. */
  measurementSource: 'urn:intervention-lifecycle:measurement-source',
  consentScope: 'urn:intervention-lifecycle:consent-scope',
  event: 'urn:intervention-lifecycle:event',
  /** A goal's baseline: R4's Goal has no element for it. */
  goalBaselineExtension: 'urn:intervention-lifecycle:goal-baseline',
} as const;

/** The LOINC code of the "Patient consent" document, the category R4's examples give consents. */
export const PATIENT_CONSENT = '59284-0';

/** The LOINC codes of panels that carry no score of their own: a total placed on one is a mistake to flag. */
export const PANEL_CODES: Readonly<Record<string, string>> = { '44249-1': 'PHQ-9 panel', '69737-5': 'GAD-7 panel', '55757-9': 'PHQ-2 panel' };

/** Unscored items that sit beside a form's items (PHQ-9's "how difficult" question). */
export const UNSCORED_ITEMS: Readonly<Record<string, string>> = { '69722-7': 'PHQ-9 difficulty question (not part of the total)' };
