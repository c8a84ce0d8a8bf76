import { asOfInstant } from '../kernel/clock.js';
import type { Policy } from '../engine/context.js';
import { endsOf, instrumentChanges } from '../case/rules/outcomes.js';
import type { CaseState } from '../case/model/state.js';
import { dueReviews, overdueMeasurements } from './due.js';
import { riskItemStatuses } from './risk.js';
import { consentAlerts } from './consent-alerts.js';
import type { Alert } from './alert.js';

export type { Alert };

const HOUR = 3_600_000;

/**
 * The alerts of a case as of an instant (pure): a risk item answered above its threshold (PHQ-9
 * item 9 above 0), or implied above it by a total entered alone (a PHQ-9 of 25 or more), until a
 * later answer of 0 or a risk review clears it — a total entered alone never does, unknown is not
 * zero — or a risk item left unanswered in the latest measurement;
 * a reliable deterioration on any instrument (not on track), measurements overdue against their
 * schedule, a review due, a crisis without a safety plan after `policy.safetyPlanWithinHours`
 * (default 24), a consent expiring within 14 days (since the day that window began) or expired with no
 * renewal (a warning for treatment and modality consents, which new sessions need).
 * A closed or entered-in-error case has none.
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
  for (const r of riskItemStatuses(state)) {
    const m = r.measurement;
    const name = m.instrumentId === 'phq9' ? 'PHQ-9' : m.instrumentId ?? '';
    if (r.status !== 'unanswered') {
      const what = r.status === 'raised' ? `was ${String(m.responses?.[r.item.item - 1])}` : `was above ${r.item.above} or blank (a total of ${String(m.score)} without items)`;
      const message = `${name} item ${r.item.item} ${what} on ${m.takenAt.slice(0, 10)} (${r.item.code}): needs immediate clinical attention; a later answer of 0 or a risk review (recordRiskLevel) clears this`;
      out.push({ code: 'risk-item', severity: 'urgent', message, entity: { type: 'measurement', id: m.id }, since: m.takenAt });
    } else {
      out.push({ code: 'risk-item-unanswered', severity: 'warning', message: `${name} item ${r.item.item} was not answered: ask it directly`, entity: { type: 'measurement', id: m.id }, since: m.takenAt });
    }
  }
  const ends = endsOf(state);
  for (const change of instrumentChanges(state, ends)) {
    if (change.category !== 'deteriorated') continue;
    const last = ends.get(change.instrumentId)?.last;
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
  out.push(...consentAlerts(state, asOf));
  return out;
}
