import type { Role } from './primitives.js';

/** What the library knows of a modality: who may deliver it and whether it needs its own consent. */
export interface ModalityDefinition {
  readonly name: string;
  /** Roles allowed to be responsible for a strategy of this modality. */
  readonly roles: readonly Role[];
  /** Whether starting it needs an active consent of scope `modality:<name>`. */
  readonly needsConsent: boolean;
}

const THERAPY: readonly Role[] = ['lead-practitioner', 'therapist', 'psychologist', 'psychiatrist', 'nurse', 'social-worker', 'occupational-therapist'];
const BROAD: readonly Role[] = [...THERAPY, 'gp', 'educator', 'peer-supporter', 'interventionist'];

/** The built-in modality catalogue (DESIGN.md §3). */
export const MODALITIES: readonly ModalityDefinition[] = [
  { name: 'cbt', roles: THERAPY, needsConsent: false },
  { name: 'ipt', roles: THERAPY, needsConsent: false },
  { name: 'family-therapy', roles: THERAPY, needsConsent: false },
  { name: 'group-therapy', roles: THERAPY, needsConsent: false },
  { name: 'mbct', roles: THERAPY, needsConsent: false },
  { name: 'dbt', roles: THERAPY, needsConsent: false },
  { name: 'motivational-interviewing', roles: BROAD, needsConsent: false },
  { name: 'psychoeducation', roles: BROAD, needsConsent: false },
  // Low-intensity, practitioner-supported self-help (NHS Talking Therapies step 2).
  { name: 'guided-self-help', roles: BROAD, needsConsent: false },
  { name: 'skills-training', roles: BROAD, needsConsent: false },
  { name: 'medication', roles: ['psychiatrist', 'gp'], needsConsent: true },
  { name: 'ect', roles: ['psychiatrist'], needsConsent: true },
  { name: 'art-therapy', roles: THERAPY, needsConsent: false },
  { name: 'music-therapy', roles: THERAPY, needsConsent: false },
  { name: 'movement-therapy', roles: THERAPY, needsConsent: false },
  { name: 'crisis-intervention', roles: BROAD, needsConsent: false },
  { name: 'structured-family-intervention', roles: ['interventionist', ...THERAPY], needsConsent: false },
  { name: 'peer-support', roles: ['peer-supporter', ...THERAPY], needsConsent: false },
  { name: 'residential-programme', roles: BROAD, needsConsent: false },
  { name: 'day-treatment-programme', roles: BROAD, needsConsent: false },
  { name: 'case-management', roles: [...BROAD, 'supervisor'], needsConsent: false },
  { name: 'other', roles: BROAD, needsConsent: false },
];

/**
 * A modality by name: the app's own (from `policy.modalities`) first, then the catalogue.
 *
 * @example
 * ```ts
 * findModality('medication')?.needsConsent; // true
 * findModality('eye-movement', [{ name: 'eye-movement', roles: ['psychologist'], needsConsent: false }])?.roles; // ['psychologist']
 * ```
 */
export function findModality(name: string, custom: readonly ModalityDefinition[] = []): ModalityDefinition | undefined {
  return custom.find((m) => m.name === name) ?? MODALITIES.find((m) => m.name === name);
}
