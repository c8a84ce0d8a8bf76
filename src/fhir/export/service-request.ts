import type { CaseStatus } from '../../case/model/case.js';
import type { FhirServiceRequest } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/** SNOMED CT 3457005 "Patient referral": what the ServiceRequest is. */
const REFERRAL = { system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' };

/**
 * Case status → the referral's ServiceRequest.status: active while it waits, completed once taken
 * on. A referral declined or not accepted is `revoked`.
 *
 * @example
 * ```ts
 * REFERRAL_STATUS.referred; // 'active'
 * ```
 */
export const REFERRAL_STATUS: Readonly<Record<CaseStatus, FhirServiceRequest['status']>> = {
  referred: 'active',
  assessing: 'completed',
  planning: 'completed',
  active: 'completed',
  reviewing: 'completed',
  'on-hold': 'completed',
  closed: 'completed',
  'entered-in-error': 'entered-in-error',
};

/** The referral's status, given the case. */
export function referralStatus(ctx: ExportContext): FhirServiceRequest['status'] {
  const { status, closure } = ctx.state;
  if (status === 'closed' && (closure?.reason === 'declined' || closure?.reason === 'not-accepted')) return 'revoked';
  return REFERRAL_STATUS[status];
}

/** The referral as a ServiceRequest; its urgency is R4's priority (the same four codes). */
export function toServiceRequest(ctx: ExportContext): Mapped {
  const { referral } = ctx.state;
  const resource: FhirServiceRequest = {
    resourceType: 'ServiceRequest',
      id: fhirId('referral'),
    identifier: ctx.identifier('ServiceRequest', 'referral'),
    status: referralStatus(ctx),
    intent: 'order',
    priority: referral.urgency,
    code: { coding: [REFERRAL], text: 'Referral' },
    subject: ctx.patient,
    authoredOn: referral.receivedAt,
    requester: { display: referral.source },
    reasonCode: [{ text: referral.reason }],
  };
  return { key: 'referral', resource };
}
