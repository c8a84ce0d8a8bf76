import { asOfInstant } from '../kernel/clock.js';
import { reviewDueOn } from './due.js';
import { consentStatus } from '../case/rules/consent.js';
import type { CaseStatus } from '../case/model/case.js';
import type { CaseState } from '../case/model/state.js';
import type { Role } from '../case/model/primitives.js';

/** A case at a glance, for lists and dashboards. */
export interface CaseSummary {
  readonly caseId: string;
  readonly clientId: string;
  readonly status: CaseStatus;
  readonly openGoals: readonly { readonly id: string; readonly status: string; readonly description: string; readonly targetDate: string }[];
  readonly openStrategies: readonly { readonly id: string; readonly status: string; readonly modality: string }[];
  readonly team: readonly { readonly memberId: string; readonly personId: string; readonly role: Role; readonly lead: boolean }[];
  readonly consents: readonly { readonly id: string; readonly scope: string; readonly status: string; readonly expiresAt: string | null }[];
  readonly nextReviewDue?: string;
  /** The open crisis: since when, at what level, and whether a safety plan is attached. */
  readonly crisis: { readonly since: string; readonly level: string; readonly safetyPlan: boolean } | null;
  readonly version: number;
}

/**
 * A summary of a case as of an instant: status, open goals and strategies, the active team, consents
 * (with expiry judged at `asOf`) and the next review date.
 *
 * @example
 * ```ts
 * summary(state, '2026-03-01T00:00:00.000Z').openGoals.length; // 2
 * ```
 */
export function summary(state: CaseState, asOf: string): CaseSummary {
  asOf = asOfInstant(asOf);
  if (state.status === 'entered-in-error') {
    // A case entered in error should never have existed: nothing in it is current.
    return { caseId: state.id, clientId: state.clientId, status: state.status, openGoals: [], openStrategies: [], team: [], consents: [], crisis: null, version: state.version };
  }
  return {
    caseId: state.id,
    clientId: state.clientId,
    status: state.status,
    openGoals: Object.values(state.goals)
      .filter((g) => g.status === 'proposed' || g.status === 'agreed' || g.status === 'active' || g.status === 'on-hold')
      .map((g) => ({ id: g.id, status: g.status, description: g.description, targetDate: g.targetDate })),
    openStrategies: Object.values(state.strategies)
      .filter((s) => s.status !== 'completed' && s.status !== 'discontinued')
      .map((s) => ({ id: s.id, status: s.status, modality: s.modality })),
    team: Object.values(state.team)
      .filter((m) => m.status === 'active')
      .map((m) => ({ memberId: m.id, personId: m.personId, role: m.role, lead: m.id === state.leadMemberId })),
    consents: Object.values(state.consents).map((c) => ({
      id: c.id,
      scope: c.scope,
      status: consentStatus(c, asOf),
      expiresAt: c.expiresAt,
    })),
    ...(state.reviewDueBy === null || state.status === 'closed' ? {} : { nextReviewDue: reviewDueOn(state) as string }),
    crisis: state.crisis === null ? null : { since: state.crisis.since, level: state.crisis.level, safetyPlan: state.crisis.safetyPlanId !== null },
    version: state.version,
  };
}
