import type * as R4 from '@medplum/fhirtypes';
import { expectTypeOf, test } from 'vitest';
import type {
  FhirBundle,
  FhirCarePlan,
  FhirCareTeam,
  FhirConsent,
  FhirEncounter,
  FhirEpisodeOfCare,
  FhirFlag,
  FhirGoal,
  FhirObservation,
  FhirProvenance,
  FhirQuestionnaireResponse,
  FhirRiskAssessment,
  FhirServiceRequest,
} from '../../src/fhir/index.js';

// Our FHIR types are R4's as a full R4 type set (Medplum's, pinned at 4.5.2) spells them: every value
// of ours is a value of theirs. A drift — a misspelt element, a code R4 does not have, a wrong
// cardinality — fails the typecheck.
/** True when every value of A is a value of B (plain TypeScript assignability). */
type Assignable<A, B> = [A] extends [B] ? true : false;

test('exported FHIR types are assignable to @medplum/fhirtypes R4', () => {
  expectTypeOf<Assignable<FhirEpisodeOfCare, R4.EpisodeOfCare>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirServiceRequest, R4.ServiceRequest>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirCarePlan, R4.CarePlan>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirGoal, R4.Goal>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirCareTeam, R4.CareTeam>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirEncounter, R4.Encounter>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirObservation, R4.Observation>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirQuestionnaireResponse, R4.QuestionnaireResponse>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirConsent, R4.Consent>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirRiskAssessment, R4.RiskAssessment>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirFlag, R4.Flag>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirProvenance, R4.Provenance>>().toEqualTypeOf<true>();
  expectTypeOf<Assignable<FhirBundle, R4.Bundle>>().toEqualTypeOf<true>();
});

// The check can fail: a status R4 does not have is not assignable.
expectTypeOf<Assignable<Omit<FhirGoal, 'lifecycleStatus'> & { lifecycleStatus: 'done' }, R4.Goal>>().toEqualTypeOf<false>();
