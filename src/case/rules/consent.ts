import { ruleMessages as say } from '../model/messages.js';
import type { Consent, ConsentStatus } from '../model/consent.js';
import { asOfInstant, isBefore } from '../../kernel/clock.js';
import type { CaseState } from '../model/state.js';
import type { ModalityDefinition } from '../model/modalities.js';

/**
 * A consent's status at an instant: `expired` once `expiresAt` has passed. It reads the consent as
 * recorded, with `at` judging expiry only: a withdrawn consent reads `withdrawn` at any instant, and
 * one granted after `at` reads `active`. {@link mayShare} also counts a consent granted after its
 * `asOf` as none (and a withdrawn one as none at any instant).
 *
 * @example
 * ```ts
 * consentStatus({ ...consent, expiresAt: '2026-01-01T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z'); // 'expired'
 * ```
 */
export function consentStatus(consent: Consent, at: string): ConsentStatus {
  if (consent.status === 'withdrawn') return 'withdrawn';
  return consent.expiresAt !== null && !isBefore(at, consent.expiresAt) ? 'expired' : 'active';
}

/** Whether an active consent of this scope exists at `at` (optionally ignoring one consent). */
export function hasActiveConsent(state: CaseState, scope: string, at: string, except?: string): boolean {
  // A loop over keys, not Object.values: this runs on every session scheduled.
  for (const id in state.consents) {
    const c = state.consents[id] as Consent;
    if (c.scope === scope && c.id !== except && consentStatus(c, at) === 'active') return true;
  }
  return false;
}

/**
 * The consent that treatment needs at an instant (one rule for activating the plan, starting or
 * resuming a strategy and scheduling a session): an active treatment consent, and for a modality
 * that needs its own, an active `modality:<name>` consent. A withdrawn or expired consent is no consent.
 */
export function consentToTreat(state: CaseState, at: string, modality: ModalityDefinition | undefined): true | { readonly code: 'CONSENT_REQUIRED'; readonly message: string } {
  if (!hasActiveConsent(state, 'treatment', at)) {
    const last = latestOfScope(state, 'treatment');
    const why = last === undefined ? 'there is none' : `consent ${last.id} is ${consentStatus(last, at)}`;
    return { code: 'CONSENT_REQUIRED', message: say.consentToTreat({ why }) };
  }
  if (modality?.needsConsent && !hasActiveConsent(state, `modality:${modality.name}`, at)) {
    return { code: 'CONSENT_REQUIRED', message: say.consentToTreat({ modality: modality.name }) };
  }
  return true;
}

/**
 * Whether a consent was in force at an instant, judged by its own dates: given by then, and neither
 * withdrawn nor expired yet. (Unlike {@link consentStatus}, which reads a withdrawn consent as
 * withdrawn at any instant, this can look back at a moment before the withdrawal.)
 */
function inForceAt(c: Consent, at: string): boolean {
  return (
    !isBefore(at, c.grantedAt) &&
    (c.withdrawnAt === null || isBefore(at, c.withdrawnAt)) &&
    (c.expiresAt === null || isBefore(at, c.expiresAt))
  );
}

/**
 * Whether a session held at `heldAt` was held under consent of a scope: a consent in force then, or
 * none of that scope ended (withdrawn or expired) by then. The second arm keeps recording a session
 * entered late possible when its consent, recorded at the time, carries a later grant time.
 */
function heldUnderConsent(state: CaseState, scope: string, heldAt: string): boolean {
  let ended = false;
  for (const id in state.consents) {
    const c = state.consents[id] as Consent;
    if (c.scope !== scope) continue;
    if (inForceAt(c, heldAt)) return true;
    if ((c.withdrawnAt !== null && !isBefore(heldAt, c.withdrawnAt)) || (c.expiresAt !== null && !isBefore(heldAt, c.expiresAt))) ended = true;
  }
  return !ended;
}

/**
 * The consent a session needs to be recorded as attended: it was not held after the client's
 * treatment consent (or the modality's own, where it needs one) was withdrawn or expired, unless a
 * renewed one was in force by then. Judged at the session's time, not the recording's: a session
 * held before a withdrawal can still be recorded after it, and one held after cannot.
 */
export function consentWhenHeld(state: CaseState, heldAt: string, modality: ModalityDefinition | undefined): true | { readonly code: 'CONSENT_REQUIRED'; readonly message: string } {
  if (!heldUnderConsent(state, 'treatment', heldAt)) return { code: 'CONSENT_REQUIRED', message: say.consentWhenHeld({ heldAt, scope: 'treatment' }) };
  if (modality?.needsConsent && !heldUnderConsent(state, `modality:${modality.name}`, heldAt)) {
    return { code: 'CONSENT_REQUIRED', message: say.consentWhenHeld({ heldAt, scope: `modality:${modality.name}` }) };
  }
  return true;
}

/**
 * Whether the client's information may be shared with a recipient at an instant: an active
 * information-sharing consent that names the recipient in `sharingWith`, or names no one (sharing
 * in general). The one rule for every sharing action (closing as transferred or referred on with a
 * destination, exports).
 */
export function sharingConsent(state: CaseState, at: string, recipient: string | undefined): true | { readonly code: 'CONSENT_REQUIRED'; readonly message: string } {
  return consentCovers(state, 'information-sharing', at, recipient) || { code: 'CONSENT_REQUIRED', message: say.informationSharingConsent({ recipient }) };
}

function consentCovers(state: CaseState, scope: 'information-sharing' | 'research', at: string, recipient: string | undefined): boolean {
  for (const c of Object.values(state.consents)) {
    // Not yet given at `at` counts for nothing either (a dataset or export judged as of an earlier day).
    if (c.scope !== scope || consentStatus(c, at) !== 'active' || isBefore(at, c.grantedAt)) continue;
    if (recipient === undefined || c.sharingWith.length === 0 || c.sharingWith.includes(recipient)) return true;
  }
  return false;
}

/**
 * Whether a case's data may leave the service at `asOf`: for `'information-sharing'` (a transfer, a
 * referral on, an export to another system) an active information-sharing consent covering the
 * recipient; for `'research'` (an outcomes dataset) an active research consent. Withdrawn and
 * expired consents count for nothing, and so does one granted after `asOf`. The outcome table
 * leaves out the cases it refuses for research; the FHIR export refuses a case it refuses for the
 * organisation named in `shareWith`.
 *
 * @example
 * ```ts
 * mayShare(state, 'research', '2026-06-01T00:00:00.000Z'); // true once the client consented to research
 * mayShare(state, 'information-sharing', '2026-06-01T00:00:00.000Z', 'org-gp'); // false without sharing consent
 * ```
 */
export function mayShare(state: CaseState, purpose: 'information-sharing' | 'research', asOf: string, recipient?: string): boolean {
  if (purpose !== 'information-sharing' && purpose !== 'research') throw new RangeError(`purpose must be information-sharing or research, not ${String(purpose)}`);
  return consentCovers(state, purpose, asOfInstant(asOf), recipient);
}

/** The consent of a scope granted last (the one a renewal replaced the others with), or undefined. */
export function latestOfScope(state: CaseState, scope: string): Consent | undefined {
  let latest: Consent | undefined;
  for (const c of Object.values(state.consents)) if (c.scope === scope && (latest === undefined || c.grantedAt >= latest.grantedAt)) latest = c;
  return latest;
}
