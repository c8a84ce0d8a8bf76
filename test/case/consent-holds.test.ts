import { describe, expect, it } from 'vitest';
import { alerts, dispatch, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

// Consent that holds: no start, resume or new session without an active treatment consent.

const ctx = world('2026-02-01T09:00:00.000Z');
const rule = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead, c = ctx) => {
  const r = dispatch(state, command, c(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};
const started = () => must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, ctx(people.therapist));
const session = { type: 'scheduleSession', strategyId: 's-1', scheduledFor: '2026-02-10T10:00:00.000Z' };

describe('after the client withdraws treatment consent', () => {
  it('a planned strategy cannot start', () => {
    const s = must(caseAt('active'), { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    expect(rule(s, { type: 'startStrategy', strategyId: 's-1' }, people.therapist)).toBe('CONSENT_REQUIRED:consentToTreat');
  });

  it('a suspended strategy cannot resume, and no session can be scheduled', () => {
    let s = must(started(), { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    expect(s.strategies['s-1']?.status).toBe('suspended');
    expect(rule(s, { type: 'resumeStrategy', strategyId: 's-1' }, people.therapist)).toBe('CONSENT_REQUIRED:consentToTreat');
    s = must(started(), { type: 'suspendStrategy', strategyId: 's-1', reason: 'Client away' }, ctx(people.therapist));
    s = must(s, { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    expect(rule(s, { type: 'resumeStrategy', strategyId: 's-1' }, people.therapist)).toBe('CONSENT_REQUIRED:consentToTreat');
  });

  it('a renewed consent lets treatment go on', () => {
    let s = must(started(), { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));
    s = must(s, { type: 'recordConsent', consentId: 'k-2', scope: 'treatment', grantedBy: 'client-1' }, ctx(people.client));
    expect(rule(s, { type: 'resumeStrategy', strategyId: 's-1' }, people.therapist)).toBe('ok');
  });
});

describe('a session recorded as attended', () => {
  // Each command at a time of its own (the shared clock would make the order of tests matter).
  const at = (now: string, actor: { id: string; role: string } = people.therapist) => ({ actor: actor as never, now: () => now });
  const outcome = (s: CaseState, attendance: string, now = '2026-03-20T09:00:00.000Z') => {
    const r = dispatch(s, { type: 'recordAttendance', sessionId: 'v-1', attendance }, at(now));
    return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
  };
  /** A session held at `heldAt`, with the treatment consent withdrawn at 2026-03-01T12:00Z. */
  const heldAt = (when: string) => {
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: when }, at('2026-02-02T09:00:00.000Z'));
    return must(s, { type: 'withdrawConsent', consentId: 'k-1' }, at('2026-03-01T12:00:00.000Z', people.client));
  };

  it('is refused when it was held after the client withdrew treatment consent; missed or cancelled is not', () => {
    const s = heldAt('2026-03-05T10:00:00.000Z');
    expect(outcome(s, 'attended')).toBe('CONSENT_REQUIRED:consentWhenHeld');
    expect(outcome(s, 'did-not-attend')).toBe('ok');
    expect(outcome(s, 'cancelled')).toBe('ok');
  });

  it('is judged at the time the session was held, not when it is recorded, and by the instant, not its text', () => {
    expect(outcome(heldAt('2026-03-01T11:59:59.999Z'), 'attended')).toBe('ok'); // held before the withdrawal, recorded after
    expect(outcome(heldAt('2026-03-01T12:00:00.000Z'), 'attended')).toBe('CONSENT_REQUIRED:consentWhenHeld');
    // 13:30 at UTC+02:00 is 11:30Z, before the withdrawal; 07:30 at UTC−05:00 is 12:30Z, after it.
    expect(outcome(heldAt('2026-03-01T13:30:00+02:00'), 'attended')).toBe('ok');
    expect(outcome(heldAt('2026-03-01T07:30:00-05:00'), 'attended')).toBe('CONSENT_REQUIRED:consentWhenHeld');
  });

  it('is accepted again once a renewed consent was in force when the session was held', () => {
    let s = heldAt('2026-03-10T10:00:00.000Z');
    s = must(s, { type: 'recordConsent', consentId: 'k-2', scope: 'treatment', grantedBy: 'client-1', grantedAt: '2026-03-08T09:00:00.000Z' }, at('2026-03-08T10:00:00.000Z', people.client));
    expect(outcome(s, 'attended')).toBe('ok');
    // Renewed after the session: the session still fell in the gap.
    let gap = heldAt('2026-03-05T10:00:00.000Z');
    gap = must(gap, { type: 'recordConsent', consentId: 'k-2', scope: 'treatment', grantedBy: 'client-1' }, at('2026-03-08T10:00:00.000Z', people.client));
    expect(outcome(gap, 'attended')).toBe('CONSENT_REQUIRED:consentWhenHeld');
  });

  it('is refused when it was held after the treatment consent expired', () => {
    let s = must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'recordConsent', consentId: 'k-2', scope: 'treatment', grantedBy: 'client-1', expiresAt: '2026-03-01T00:00:00.000Z' }, at('2026-02-01T10:00:00.000Z', people.client));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-03-05T10:00:00.000Z' }, at('2026-02-02T09:00:00.000Z'));
    expect(outcome(s, 'attended')).toBe('ok'); // k-1, open-ended, still holds
    s = must(s, { type: 'withdrawConsent', consentId: 'k-1' }, at('2026-02-03T09:00:00.000Z', people.client));
    expect(outcome(s, 'attended')).toBe('CONSENT_REQUIRED:consentWhenHeld');
  });
});

describe('an expired treatment consent', () => {
  const expiring = () => must(started(), { type: 'recordConsent', consentId: 'k-2', scope: 'treatment', grantedBy: 'client-1', expiresAt: '2026-03-01T00:00:00.000Z' }, ctx(people.client));
  const withoutOpenEnded = (s: CaseState) => must(s, { type: 'withdrawConsent', consentId: 'k-1' }, ctx(people.client));

  it('blocks new sessions once it has passed', () => {
    const s = withoutOpenEnded(expiring());
    expect(s.strategies['s-1']?.status).toBe('active'); // k-2 still held when k-1 was withdrawn
    expect(rule(s, session, people.therapist)).toBe('ok');
    const afterExpiry = world('2026-03-02T09:00:00.000Z');
    expect(rule(s, { ...session, scheduledFor: '2026-03-05T10:00:00.000Z' }, people.therapist, afterExpiry)).toBe('CONSENT_REQUIRED:consentToTreat');
  });

  it('raises a consent-expired alert, which a renewal clears', () => {
    let s = withoutOpenEnded(expiring());
    expect(alerts(s, '2026-03-02T09:00:00.000Z').find((a) => a.code === 'consent-expired')).toMatchObject({ severity: 'warning', entity: { type: 'consent', id: 'k-2' }, since: '2026-03-01T00:00:00.000Z' });
    s = must(s, { type: 'recordConsent', consentId: 'k-3', scope: 'treatment', grantedBy: 'client-1', expiresAt: '2027-01-01T00:00:00.000Z' }, ctx(people.client));
    expect(alerts(s, '2026-03-02T09:00:00.000Z').filter((a) => a.code.startsWith('consent-'))).toEqual([]);
  });

  it('the expiring alert starts when the 14-day window began, and a renewal clears it', () => {
    const s = withoutOpenEnded(expiring());
    const asOf = '2026-02-20T09:00:00.000Z';
    expect(alerts(s, asOf).filter((a) => a.code === 'consent-expiring')).toEqual([
      { code: 'consent-expiring', severity: 'info', message: expect.stringContaining('2026-03-01'), entity: { type: 'consent', id: 'k-2' }, since: '2026-02-15T00:00:00.000Z' },
    ]);
    // The answer does not depend on the day it is asked.
    expect(alerts(s, '2026-02-25T09:00:00.000Z').find((a) => a.code === 'consent-expiring')?.since).toBe('2026-02-15T00:00:00.000Z');
    const renewed = must(s, { type: 'recordConsent', consentId: 'k-3', scope: 'treatment', grantedBy: 'client-1', expiresAt: '2027-01-01T00:00:00.000Z' }, ctx(people.client));
    expect(alerts(renewed, asOf).filter((a) => a.code.startsWith('consent-'))).toEqual([]);
  });
});

describe('mayShare: the rule exports follow', () => {
  it('research needs an active research consent; sharing one that covers the recipient', async () => {
    const { mayShare } = await import('../../src/index.js');
    let s = caseAt('active');
    const asOf = '2026-03-01T00:00:00.000Z';
    expect(mayShare(s, 'research', asOf)).toBe(false);
    expect(mayShare(s, 'information-sharing', asOf, 'org-gp')).toBe(false);
    s = must(s, { type: 'recordConsent', consentId: 'k-r', scope: 'research', grantedBy: 'client-1', expiresAt: '2026-02-20T00:00:00.000Z' }, ctx(people.client));
    s = must(s, { type: 'recordConsent', consentId: 'k-s', scope: 'information-sharing', grantedBy: 'client-1', sharingWith: ['org-gp'] }, ctx(people.client));
    expect(mayShare(s, 'research', '2026-02-10T00:00:00+01:00')).toBe(true);
    expect(mayShare(s, 'research', asOf)).toBe(false); // expired
    expect(mayShare(s, 'information-sharing', asOf, 'org-gp')).toBe(true);
    expect(mayShare(s, 'information-sharing', asOf, 'org-insurer')).toBe(false);
    s = must(s, { type: 'withdrawConsent', consentId: 'k-s' }, ctx(people.client));
    expect(mayShare(s, 'information-sharing', asOf, 'org-gp')).toBe(false);
  });

  it('counts a consent from the instant it was given, not before (a dataset judged as of an earlier day)', async () => {
    const { mayShare } = await import('../../src/index.js');
    const { outcomeRows } = await import('../../src/simulate/index.js');
    const later = world('2026-02-05T09:00:00.000Z');
    const s = must(caseAt('active'), { type: 'recordConsent', consentId: 'k-r', scope: 'research', grantedBy: 'client-1', grantedAt: '2026-02-01T12:00:00.000Z' }, later(people.client));
    expect(mayShare(s, 'research', '2026-02-01T12:00:00.000Z')).toBe(true);
    expect(mayShare(s, 'research', '2026-02-01T11:59:59.999Z')).toBe(false);
    // The same instants written with an offset: judged by time, not text.
    expect(mayShare(s, 'research', '2026-02-01T13:00:00+01:00')).toBe(true);
    expect(mayShare(s, 'research', '2026-02-01T12:59:59.999+01:00')).toBe(false);
    expect(outcomeRows(s, { asOf: '2026-01-31' })).toEqual([]);
    expect(outcomeRows(s, { asOf: '2026-02-02' })).toHaveLength(1);
  });
});
