import { asOfInstant } from '../kernel/clock.js';
import type { Policy } from '../case/context.js';
import { consentStatus } from '../case/consent.js';
import { calendarDaysUtc } from '../case/dates.js';
import { instrumentChanges, instrumentSeries } from '../case/outcomes.js';
import type { CaseState } from '../case/state.js';
import { dueReviews, overdueMeasurements } from './due.js';

/** Something a dashboard should show about a case now. */
export interface Alert {
  readonly code: 'risk-item' | 'risk-item-unanswered' | 'not-on-track' | 'measurement-overdue' | 'review-due' | 'safety-plan-missing' | 'consent-expiring';
  readonly severity: 'urgent' | 'warning' | 'info';
  readonly message: string;
  readonly entity: { readonly type: string; readonly id: string };
  /** Since when the condition holds. */
  readonly since: string;
}

const HOUR = 3_600_000;

/**
 * The alerts of a case as of an instant (pure): the latest PHQ-9 with item 9 above 0 (or unanswered),
 * a reliable deterioration on any instrument (not on track), measurements overdue against their
 * schedule, a review due, a crisis without a safety plan after `policy.safetyPlanWithinHours`
 * (default 24), a consent expiring within 14 days. A closed or entered-in-error case has none.
 *
 * @example
 * ```ts
 * alerts(state, '2026-03-01T09:00:00.000Z').filter((a) => a.severity === 'urgent');
 * ```
 */
export function alerts(state: CaseState, asOf: string, policy: Policy = {}): Alert[] {
  asOf = asOfInstant(asOf);
  if (state.status === 'closed' || state.status === 'entered-in-error') return [];
  const out: Alert[] = [];
  const phq = instrumentSeries(state).get('phq9');
  const latest = phq?.[phq.length - 1];
  if (latest?.flags.includes('self-harm-thoughts')) {
    out.push({ code: 'risk-item', severity: 'urgent', message: `PHQ-9 item 9 was above 0 on ${latest.takenAt.slice(0, 10)}: needs immediate clinical attention`, entity: { type: 'measurement', id: latest.id }, since: latest.takenAt });
  } else if (latest?.flags.includes('risk-item-unanswered')) {
    out.push({ code: 'risk-item-unanswered', severity: 'warning', message: 'PHQ-9 item 9 was not answered: ask it directly', entity: { type: 'measurement', id: latest.id }, since: latest.takenAt });
  }
  const series = instrumentSeries(state);
  for (const change of instrumentChanges(state)) {
    if (change.category !== 'deteriorated') continue;
    const last = series.get(change.instrumentId)?.at(-1);
    out.push({
      code: 'not-on-track',
      severity: 'warning',
      message: `${change.instrumentId} has reliably deteriorated (${change.pre} → ${change.post}, index ${change.rci.toFixed(2)})`,
      entity: { type: 'instrument', id: change.instrumentId },
      since: last?.takenAt ?? asOf,
    });
  }
  for (const o of overdueMeasurements(state, asOf)) {
    const what = o.instrumentId ?? o.indicator ?? '';
    out.push({ code: 'measurement-overdue', severity: 'info', message: `${what} was due on ${o.dueOn} (${o.daysOverdue} days ago)`, entity: { type: o.instrumentId ? 'instrument' : 'indicator', id: what }, since: o.dueOn });
  }
  for (const r of dueReviews([state], asOf)) {
    out.push({ code: 'review-due', severity: 'warning', message: `The review was due by ${r.dueBy}`, entity: { type: 'case', id: state.id }, since: r.dueBy });
  }
  if (state.crisis !== null && state.crisis.safetyPlanId === null) {
    const hours = policy.safetyPlanWithinHours ?? 24;
    const deadline = Date.parse(state.crisis.since) + hours * HOUR;
    if (Date.parse(asOf) >= deadline) {
      out.push({ code: 'safety-plan-missing', severity: 'urgent', message: `A crisis has been open since ${state.crisis.since} without a safety plan`, entity: { type: 'case', id: state.id }, since: new Date(deadline).toISOString() });
    }
  }
  for (const c of Object.values(state.consents)) {
    if (c.expiresAt === null || consentStatus(c, asOf) !== 'active') continue;
    const days = calendarDaysUtc(asOf, c.expiresAt);
    if (days <= 14) out.push({ code: 'consent-expiring', severity: 'info', message: `Consent ${c.id} (${c.scope}) expires on ${c.expiresAt.slice(0, 10)}`, entity: { type: 'consent', id: c.id }, since: asOf });
  }
  return out;
}
