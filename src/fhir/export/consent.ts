import type { ConsentStatus } from '../../case/model/consent.js';
import { consentStatus } from '../../case/rules/consent.js';
import { ACT_CODE, CONSENT_SCOPE, LOINC, OWN, PARTICIPATION_TYPE, PATIENT_CONSENT } from '../codes.js';
import type { FhirConsent } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Consent status (judged at `asOf`) → Consent.status: a withdrawn or expired consent is inactive.
 *
 * @example
 * ```ts
 * CONSENT_STATUS.withdrawn; // 'inactive'
 * ```
 */
export const CONSENT_STATUS: Readonly<Record<ConsentStatus, FhirConsent['status']>> = {
  active: 'active',
  withdrawn: 'inactive',
  expired: 'inactive',
};

/** Our scope → R4's consent scope: treatment (any modality's included), patient privacy (sharing) or research. */
export function consentScope(scope: string): 'treatment' | 'patient-privacy' | 'research' {
  if (scope === 'information-sharing') return 'patient-privacy';
  if (scope === 'research') return 'research';
  return 'treatment';
}

/**
 * Each consent as a Consent: every one has a patient (the invariants that tie privacy, research and
 * treatment scopes to a patient) and a policy rule (opt-in), and a permit provision over its period;
 * those it may be shared with are information recipients.
 */
export function toConsents(ctx: ExportContext): Mapped[] {
  return Object.values(ctx.state.consents).map((c) => {
    const scope = consentScope(c.scope);
    const end = c.withdrawnAt ?? c.expiresAt;
    // A grantor on the team is referred to in their team role; anyone else speaks for the client as family.
    const member = Object.values(ctx.state.team).find((m) => m.personId === c.grantedBy);
    const grantor = ctx.person(c.grantedBy, member?.role ?? 'family-member');
    const resource: FhirConsent = {
      resourceType: 'Consent',
      id: fhirId(c.id),
      identifier: ctx.identifier('Consent', c.id),
      status: ctx.state.status === 'entered-in-error' ? 'entered-in-error' : CONSENT_STATUS[consentStatus(c, ctx.asOf)],
      scope: { coding: [{ system: CONSENT_SCOPE, code: scope }] },
      category: [{ coding: [{ system: LOINC, code: PATIENT_CONSENT, display: 'Patient consent' }, { system: OWN.consentScope, code: c.scope }], text: c.scope }],
      patient: ctx.patient,
      dateTime: c.grantedAt,
      performer: [grantor],
      policyRule: { coding: [{ system: ACT_CODE, code: 'OPTIN' }] },
      provision: {
        type: 'permit',
        period: end === null ? { start: c.grantedAt } : { start: c.grantedAt, end },
        ...(c.sharingWith.length === 0
          ? {}
          : { actor: c.sharingWith.map((who) => ({ role: { coding: [{ system: PARTICIPATION_TYPE, code: 'IRCP', display: 'information recipient' }] }, reference: { display: who } })) }),
      },
    };
    return { key: c.id, resource };
  });
}
