import { describe, expect, it } from 'vitest';
import { caseAt, must, people, world } from './fixtures.js';
import { given } from '../support/given.js';

/** An active case with a mother and a child on the team as family members. */
function family() {
  const ctx = world();
  let s = caseAt('active', ctx);
  s = must(s, { type: 'addTeamMember', memberId: 'm-mum', personId: 'p-mum', role: 'family-member' }, ctx(people.lead));
  s = must(s, { type: 'addTeamMember', memberId: 'm-kid', personId: 'p-kid', role: 'family-member' }, ctx(people.lead));
  s = must(s, { type: 'startStrategy', strategyId: 's-1' }, ctx(people.therapist));
  return { s, ctx };
}

describe('family members take part in sessions with a consent to do so', () => {
  it('a family participant without one is refused (CONSENT_REQUIRED, familyConsent); the client alone needs none', () => {
    const { s } = family();
    given(s).when({ type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-02-01T10:00:00.000Z', participants: ['client-1', 'p-mum'] }, people.therapist).refused('CONSENT_REQUIRED', 'familyConsent');
    given(s).when({ type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-02-01T10:00:00.000Z' }, people.therapist).then('sessionScheduled');
  });

  it('an adult consents for themselves, a child through a guardian; both then take part', () => {
    const { s: s0, ctx } = family();
    let s = must(s0, { type: 'recordConsent', consentId: 'k-mum', scope: 'participant:p-mum', grantedBy: 'p-mum' }, ctx(people.therapist));
    s = must(s, { type: 'recordConsent', consentId: 'k-kid', scope: 'participant:p-kid', grantedBy: 'p-mum' }, ctx(people.therapist));
    const after = given(s).when({ type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-02-01T10:00:00.000Z', participants: ['client-1', 'p-mum', 'p-kid'] }, people.therapist).then('sessionScheduled');
    expect(after.sessions.at(-1)?.participants).toEqual(['client-1', 'p-mum', 'p-kid']);
  });

  it('attendance with a family member whose consent was withdrawn is refused; recording the session as missed is not', () => {
    const { s: s0, ctx } = family();
    let s = must(s0, { type: 'recordConsent', consentId: 'k-mum', scope: 'participant:p-mum', grantedBy: 'p-mum' }, ctx(people.therapist));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-01-05T10:00:00.000Z', participants: ['client-1', 'p-mum'] }, ctx(people.therapist));
    s = must(s, { type: 'withdrawConsent', consentId: 'k-mum' }, ctx(people.therapist));
    expect(s.strategies['s-1']?.status).toBe('active'); // a participation consent holds up no strategy
    given(s).when({ type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended' }, people.therapist).refused('CONSENT_REQUIRED', 'familyConsent');
    given(s).when({ type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended', participants: ['client-1'] }, people.therapist).then('attendanceRecorded');
    given(s).when({ type: 'recordAttendance', sessionId: 'v-1', attendance: 'did-not-attend' }, people.therapist).then('attendanceRecorded');
  });
});
