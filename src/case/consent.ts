import { ruleMessages as say } from './model/messages.js';
import type { ConsentRecordedData, ConsentWithdrawnData } from './model/consent.js';
import { speaksForClient } from './rules/people.js';
import { OPEN_CASE_STATUSES } from './model/case.js';
import { CLINICAL_ROLES, idSchema, instantSchema, textSchema } from './model/primitives.js';
import { clean, dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { type ConsentStatus, CONSENT_STATUSES } from './model/consent.js';
import { consentStatus, hasActiveConsent } from './rules/consent.js';
import { compareInstants } from '../kernel/clock.js';
import { canonicalInstant as instant } from '../kernel/canonical-event.js';
import { editEntry, put } from './store/draft.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import type { Env } from './model/context.js';
import { accept, idTaken, notFound, stepEntity } from './rules/decision.js';
import { own } from './store/lookup.js';
import type { CaseState } from './model/state.js';
import type { DraftOf } from './model/events.js';
import type { StrategyEvents } from './strategy.js';

// participant:<personId> is a family member's consent to take part in sessions (their own, or a
// guardian's for a child).
const scopeSchema = z
  .string()
  .regex(/^(treatment|information-sharing|research|modality:[a-z0-9][a-z0-9-]*|participant:[A-Za-z0-9][A-Za-z0-9._:-]{0,127})$/, 'treatment, information-sharing, research, modality:<name> or participant:<personId>');

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
export interface RecordConsent {
  type: 'recordConsent';
  scope: string;
  grantedBy: string;
  consentId?: string | undefined;
  grantedAt?: string | undefined;
  expiresAt?: string | undefined;
  sharingWith?: string[] | undefined;
}
/** Withdraws a consent. */
export interface WithdrawConsent {
  type: 'withdrawConsent';
  consentId: string;
  reason?: string | undefined;
}

/** Events of consents. */
export interface ConsentEvents {
  consentRecorded: ConsentRecordedData;
  consentWithdrawn: ConsentWithdrawnData;
}

/** Commands of consents. */
export type ConsentCommand = RecordConsent | WithdrawConsent;
/** A withdrawn consent suspends the strategies that relied on it: a strategy event. */
type Emits = ConsentEvents & Pick<StrategyEvents, 'strategySuspended'>;
type Module = EntityModule<ConsentCommand, ConsentEvents, Emits>;

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
            speaksForClient(state, c.grantedBy) ||
            say.grantedByClient({ clientId: state.clientId, grantedBy: c.grantedBy }),
        },
        {
          // A consent is recorded once given: one dated later would let treatment start before it.
          name: 'notInFuture',
          check: (c, { env }) =>
            c.grantedAt === undefined || compareInstants(c.grantedAt, env.at) <= 0 || say.notInFuture({ grantedAt: c.grantedAt }),
        },
        {
          name: 'notExpired',
          check: (c, { env }) => c.expiresAt === undefined || compareInstants(c.expiresAt, env.at) > 0 || say.notExpired({ expiresAt: c.expiresAt }),
        },
      ],
    },
    withdrawConsent: { from: ['active'], to: 'withdrawn' },
  },
});

const deciders: Module['deciders'] = {
  recordConsent: (state, c, env) => {
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
  },
  withdrawConsent: (state, c, env) => {
    const consent = own(state.consents, c.consentId);
    if (consent === undefined) return notFound('consent', c.consentId, state.id, 'consentId');
    const r = stepEntity(consentMachine, consentStatus(consent, env.at), c, { state, env }, consent.id);
    if ('refusal' in r) return r.refusal;
    const events: DraftOf<Emits>[] = [
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
  },
};

const evolvers: Module['evolvers'] = {
  consentRecorded: (d, e) => {
    const c = e.data.consent;
    put(d, 'consents', c.id, {
      id: c.id,
      status: 'active',
      scope: c.scope,
      grantedBy: c.grantedBy,
      // Canonical however a stored log wrote them (kernel/canonical-event.ts).
      grantedAt: instant(c.grantedAt, 'data.consent.grantedAt'),
      expiresAt: c.expiresAt === null ? null : instant(c.expiresAt, 'data.consent.expiresAt'),
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

/** For each consent event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const consentCommandOf: CommandOfMap<ConsentEvents> = {
  consentRecorded: (e) => {
    const c = nested(dataOf(e), 'consent');
    return clean({ type: 'recordConsent', consentId: c.id, ...pick(c, 'scope', 'grantedBy', 'grantedAt', 'expiresAt', 'sharingWith') });
  },
  consentWithdrawn: (e) => clean({ type: 'withdrawConsent', consentId: dataOf(e).consentId, reason: e.reason }),
};

/** Consents: to treatment, to a modality, to sharing information, to research. */
export const consent = defineEntity<ConsentCommand, ConsentEvents, Emits>()({
  name: 'consent',
  machine: consentMachine,
  statuses: (state, at) => new Set(Object.values(state.consents).map((c) => consentStatus(c, at))),
  commands: {
    recordConsent: { schema: recordConsentSchema, roles: [...CLINICAL_ROLES, 'client'], case: { from: OPEN_CASE_STATUSES } },
    withdrawConsent: { schema: withdrawConsentSchema, roles: [...CLINICAL_ROLES, 'client'], case: { from: [...OPEN_CASE_STATUSES, 'closed'] } },
  },
  deciders,
  evolvers,
});
