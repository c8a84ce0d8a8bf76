import type { CaseStatus, Closure } from '../../case/model/case.js';
import type { FhirEpisodeOfCare } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Case status → EpisodeOfCare.status. A closed case that never started (declined, not accepted) is `cancelled`.
 *
 * @example
 * ```ts
 * EPISODE_STATUS['on-hold']; // 'onhold'
 * ```
 */
export const EPISODE_STATUS: Readonly<Record<CaseStatus, FhirEpisodeOfCare['status']>> = {
  referred: 'waitlist',
  assessing: 'active',
  planning: 'active',
  active: 'active',
  reviewing: 'active',
  'on-hold': 'onhold',
  closed: 'finished',
  'entered-in-error': 'entered-in-error',
};

/** The EpisodeOfCare status of a case status, given how the case closed. */
export function episodeStatus(status: CaseStatus, closure: Closure | null): FhirEpisodeOfCare['status'] {
  if (status === 'closed' && (closure?.reason === 'declined' || closure?.reason === 'not-accepted')) return 'cancelled';
  return EPISODE_STATUS[status];
}

/** The case as an EpisodeOfCare: status, status history (runs of one FHIR status merged), period, referral, lead and team. */
export function toEpisodeOfCare(ctx: ExportContext): Mapped {
  const { state } = ctx;
  const history: NonNullable<FhirEpisodeOfCare['statusHistory']> = [];
  const changes = state.statusHistory;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as (typeof changes)[number];
    const status = episodeStatus(change.status, i === changes.length - 1 ? state.closure : null);
    const last = history[history.length - 1];
    if (last !== undefined && last.status === status) continue;
    if (last !== undefined) last.period.end = change.at;
    history.push({ status, period: { start: change.at } });
  }
  const lead = state.leadMemberId === null ? undefined : ctx.member(state.leadMemberId);
  const resource: FhirEpisodeOfCare = {
    resourceType: 'EpisodeOfCare',
      id: fhirId(state.id),
    identifier: ctx.identifier('EpisodeOfCare', state.id),
    status: episodeStatus(state.status, state.closure),
    statusHistory: history,
    patient: ctx.patient,
    period: state.closure === null ? { start: state.openedAt } : { start: state.openedAt, end: state.closure.at },
    referralRequest: [ctx.ref('ServiceRequest', 'referral')],
    ...(lead === undefined ? {} : { careManager: lead }),
    ...(Object.keys(state.team).length === 0 ? {} : { team: [ctx.ref('CareTeam', 'team')] }),
  };
  return { key: state.id, resource };
}
