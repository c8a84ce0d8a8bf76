import { asOfInstant, compareInstants } from '../kernel/clock.js';
import { editEntry, put } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import type { Env } from '../engine/context.js';
import { idSchema, instantSchema, textSchema } from './model/primitives.js';
import { accept, idTaken, notFound, stepEntity, type Decider, type Evolvers } from './rules/decision.js';
import { own, type CaseState } from './model/state.js';
import type { EventDraft } from '../engine/events.js';
import type { ModalityDefinition } from './model/modalities.js';

/** The statuses of a consent (expired is judged against the clock). */
export const CONSENT_STATUSES = ['active', 'withdrawn', 'expired'] as const;
/** A consent's status. */
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** A consent: to treatment, to a specific modality (`modality:<name>`), to sharing, to research. */
export interface Consent {
  readonly id: string;
  /** Stored status; an active consent past `expiresAt` reads as expired (see {@link consentStatus}). */
  readonly status: 'active' | 'withdrawn';
  readonly scope: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
  readonly expiresAt: string | null;
  readonly sharingWith: readonly string[];
  readonly withdrawnAt: string | null;
}

const scopeSchema = z.string().regex(/^(treatment|information-sharing|research|modality:[a-z0-9][a-z0-9-]*)$/, 'treatment, information-sharing, research or modality:<name>');

export const recordConsentSchema = z
  .object({
    type: z.literal('recordConsent'),
    consentId: idSchema.optional(),
    scope: scopeSchema,
    grantedBy: idSchema,
    grantedAt: instantSchema.optional(),
    expiresAt: instantSchema.optional(),
    sharingWith: z.array(idSchema).max(100).optional(),
  })
  .strict();
export const withdrawConsentSchema = z.object({ type: z.literal('withdrawConsent'), consentId: idSchema, reason: textSchema.optional() }).strict();

/** Records a consent given by the client (or a family member on their behalf). */
export type RecordConsent = z.infer<typeof recordConsentSchema>;
/** Withdraws a consent. */
export type WithdrawConsent = z.infer<typeof withdrawConsentSchema>;

/** Events of consents. */
export interface ConsentEvents {
  consentRecorded: { readonly consent: Omit<Consent, 'status' | 'withdrawnAt'> };
  consentWithdrawn: { readonly consentId: string };
}

/**
 * A consent's status at an instant: `expired` once `expiresAt` has passed.
 *
 * @example
 * ```ts
 * consentStatus({ ...consent, expiresAt: '2026-01-01T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z'); // 'expired'
 * ```
 */
export function consentStatus(consent: Consent, at: string): ConsentStatus {
  if (consent.status === 'withdrawn') return 'withdrawn';
  return consent.expiresAt !== null && compareInstants(consent.expiresAt, at) <= 0 ? 'expired' : 'active';
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
    return { code: 'CONSENT_REQUIRED', message: `an active treatment consent is needed (${why}); record the client’s consent first` };
  }
  if (modality?.needsConsent && !hasActiveConsent(state, `modality:${modality.name}`, at)) {
    return { code: 'CONSENT_REQUIRED', message: `${modality.name} needs an active consent of scope modality:${modality.name}` };
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
  return consentCovers(state, 'information-sharing', at, recipient) || { code: 'CONSENT_REQUIRED', message: `sharing the client's information${recipient === undefined ? '' : ` with ${recipient}`} needs an active information-sharing consent${recipient === undefined ? '' : ' that covers it'}` };
}

function consentCovers(state: CaseState, scope: 'information-sharing' | 'research', at: string, recipient: string | undefined): boolean {
  for (const c of Object.values(state.consents)) {
    if (c.scope !== scope || consentStatus(c, at) !== 'active') continue;
    if (recipient === undefined || c.sharingWith.length === 0 || c.sharingWith.includes(recipient)) return true;
  }
  return false;
}

/**
 * Whether a case's data may leave the service at `asOf`: for `'information-sharing'` (a transfer, a
 * referral on, an export to another system) an active information-sharing consent covering the
 * recipient; for `'research'` (an outcomes dataset) an active research consent. Withdrawn and
 * expired consents count for nothing. Exports call this before they write a case, and leave out (or
 * refuse) the cases it refuses.
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

type ConsentCommand = RecordConsent | WithdrawConsent;

/** The consent lifecycle: active → withdrawn | expired (expiry is judged against the clock). */
export const consentMachine = defineMachine<ConsentStatus, ConsentCommand, { state: CaseState; env: Env }>({
  id: 'consent',
  states: [...CONSENT_STATUSES],
  final: ['withdrawn', 'expired'],
  transitions: {
    recordConsent: {
      from: [null],
      to: 'active',
      guards: [
        {
          name: 'grantedByClient',
          check: (c, { state }) =>
            c.grantedBy === state.clientId ||
            Object.values(state.team).some((m) => m.status === 'active' && m.role === 'family-member' && m.personId === c.grantedBy) ||
            `consent must be granted by the client (${state.clientId}) or a family member on the team, not ${c.grantedBy}`,
        },
        {
          name: 'notExpired',
          check: (c, { env }) => c.expiresAt === undefined || compareInstants(c.expiresAt, env.at) > 0 || `expiresAt ${c.expiresAt} has already passed`,
        },
      ],
    },
    withdrawConsent: { from: ['active'], to: 'withdrawn' },
  },
});

export const consentDeciders = {
  recordConsent: ((state, c, env) => {
    const id = c.consentId ?? env.newId();
    if (own(state.consents, id)) return idTaken('consent', id, state.id, 'consentId');
    const r = stepEntity(consentMachine, null, c, { state, env }, id);
    if ('refusal' in r) return r.refusal;
    const consent = {
      id,
      scope: c.scope,
      grantedBy: c.grantedBy,
      grantedAt: c.grantedAt ?? env.at,
      expiresAt: c.expiresAt ?? null,
      sharingWith: c.sharingWith ?? [],
    };
    return accept({ type: 'consentRecorded', data: { consent } });
  }) as Decider<RecordConsent>,
  withdrawConsent: ((state, c, env) => {
    const consent = own(state.consents, c.consentId);
    if (consent === undefined) return notFound('consent', c.consentId, state.id, 'consentId');
    const r = stepEntity(consentMachine, consentStatus(consent, env.at), c, { state, env }, consent.id);
    if ('refusal' in r) return r.refusal;
    const events: EventDraft[] = [
      c.reason === undefined ? { type: 'consentWithdrawn', data: { consentId: consent.id } } : { type: 'consentWithdrawn', data: { consentId: consent.id }, reason: c.reason },
    ];
    // Strategies that relied on this consent are suspended in the same dispatch, so the log says why.
    if (!hasActiveConsent(state, consent.scope, env.at, consent.id)) {
      for (const s of Object.values(state.strategies)) {
        const depends = consent.scope === 'treatment' || consent.scope === `modality:${s.modality}`;
        if (depends && s.status === 'active') {
          events.push({ type: 'strategySuspended', data: { strategyId: s.id, consentId: consent.id }, reason: `consent ${consent.id} (${consent.scope}) withdrawn` });
        }
      }
    }
    return accept(...events);
  }) as Decider<WithdrawConsent>,
};

export const consentEvolvers: Evolvers<keyof ConsentEvents> = {
  consentRecorded: (d, e) => {
    const c = e.data.consent;
    put(d, 'consents', c.id, {
      id: c.id,
      status: 'active',
      scope: c.scope,
      grantedBy: c.grantedBy,
      grantedAt: c.grantedAt,
      expiresAt: c.expiresAt,
      sharingWith: [...c.sharingWith],
      withdrawnAt: null,
    });
  },
  consentWithdrawn: (d, e) => {
    const c = editEntry(d, 'consents', e.data.consentId);
    if (!c) return;
    c.status = 'withdrawn';
    c.withdrawnAt = e.at;
  },
};
