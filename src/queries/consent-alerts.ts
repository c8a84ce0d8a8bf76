import { consentStatus } from '../case/rules/consent.js';
import type { Consent } from '../case/model/consent.js';
import { calendarDaysUtc } from '../case/rules/dates.js';
import type { CaseState } from '../case/model/state.js';
import { formatInstant } from '../kernel/clock.js';
import type { Alert } from './alert.js';

const WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * The consent alerts of a case at `asOf` (canonical), one per scope at most: `consent-expiring`
 * when the longest-lasting active consent of the scope expires within 14 days (since: when that
 * window began), and `consent-expired` when the scope's latest consent has expired with no active
 * one in its place (a warning for treatment and modality consents, which new sessions need). A
 * renewed consent clears both; a withdrawn one is a decision, not an alert.
 */
export function consentAlerts(state: CaseState, asOf: string): Alert[] {
  const byScope = new Map<string, Consent[]>();
  for (const c of Object.values(state.consents)) {
    const list = byScope.get(c.scope);
    if (list === undefined) byScope.set(c.scope, [c]);
    else list.push(c);
  }
  const out: Alert[] = [];
  for (const [scope, list] of byScope) {
    const active = list.filter((c) => consentStatus(c, asOf) === 'active');
    if (active.length > 0) {
      // The consent that lasts longest decides: an open-ended one never expires.
      if (active.some((c) => c.expiresAt === null)) continue;
      const last = active.reduce((a, b) => ((a.expiresAt as string) >= (b.expiresAt as string) ? a : b));
      const expiresAt = last.expiresAt as string;
      if (calendarDaysUtc(asOf, expiresAt) > WINDOW_DAYS) continue;
      const windowStart = formatInstant(Date.parse(expiresAt) - WINDOW_DAYS * DAY_MS);
      const since = windowStart > last.grantedAt ? windowStart : last.grantedAt;
      out.push({ code: 'consent-expiring', severity: 'info', message: `Consent ${last.id} (${scope}) expires on ${expiresAt.slice(0, 10)}`, entity: { type: 'consent', id: last.id }, since });
      continue;
    }
    const latest = list.reduce((a, b) => (a.grantedAt >= b.grantedAt ? a : b));
    if (consentStatus(latest, asOf) !== 'expired') continue;
    const needed = scope === 'treatment' || scope.startsWith('modality:');
    out.push({
      code: 'consent-expired',
      severity: needed ? 'warning' : 'info',
      message: `Consent ${latest.id} (${scope}) expired on ${(latest.expiresAt as string).slice(0, 10)}${needed ? '; no new session can be scheduled until it is renewed' : ''}`,
      entity: { type: 'consent', id: latest.id },
      since: latest.expiresAt as string,
    });
  }
  return out;
}
