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
