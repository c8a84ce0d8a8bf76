import { describe, expect, it } from 'vitest';
import { dispatch, type CaseState } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { caseAt, must, people, withEvents, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const outcome = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead): string => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};
const reassign = (responsibleMemberId: string, strategyId = 's-1') => ({ type: 'reassignStrategy', strategyId, responsibleMemberId });
const started = (): CaseState => must(caseAt('active'), { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));

describe('reassignStrategy: another member becomes responsible, the status stays', () => {
  it('records who was responsible before, and the reason; sessions go on under the new member', () => {
    const r = dispatch(started(), { ...reassign('m-lead'), reason: 'Therapist left the service' }, ctx(people.lead));
    if (!r.ok) throw r.error;
    expect(r.events.map((e) => [e.type, e.data, e.reason])).toEqual([
      ['strategyReassigned', { strategyId: 's-1', responsibleMemberId: 'm-lead', previousMemberId: 'm-ther' }, 'Therapist left the service'],
    ]);
    expect(r.state.strategies['s-1']).toMatchObject({ status: 'active', responsibleMemberId: 'm-lead', startedAt: expect.any(String) });
    const s = must(r.state, { type: 'removeTeamMember', memberId: 'm-ther' }, ctx(people.lead));
    expect(outcome(s, { type: 'scheduleSession', strategyId: 's-1', scheduledFor: '2026-02-10T09:00:00.000Z' })).toBe('ok');
  });

  it('works in every status before the end, and not after it', () => {
    expect(outcome(caseAt('planned'), reassign('m-lead'))).toBe('ok');
    expect(outcome(caseAt('active'), reassign('m-lead'))).toBe('ok');
    const suspended = must(started(), { type: 'suspendStrategy', strategyId: 's-1', reason: 'Therapist on leave' }, ctx(people.lead));
    expect(outcome(suspended, reassign('m-lead'))).toBe('ok');
    // On hold too: a member may leave while the case is on hold.
    expect(outcome(must(started(), { type: 'holdCase', reason: 'Client in hospital' }, ctx(people.lead)), reassign('m-lead'))).toBe('ok');
    const completed = must(started(), { type: 'completeStrategy', strategyId: 's-1' }, ctx(people.lead));
    expect(outcome(completed, reassign('m-lead'))).toBe('INVALID_TRANSITION:');
    expect(outcome(caseAt('closed'), reassign('m-lead'))).toBe('INVALID_TRANSITION:');
  });

  it('needs a member on the team, in a role that delivers the modality, other than the one responsible now', () => {
    expect(outcome(started(), reassign('m-404'))).toBe('NOT_FOUND:responsibleMemberPermitted');
    expect(outcome(started(), reassign('m-ther'))).toBe('GUARD_FAILED:newResponsibleMember');
    const withAdmin = must(started(), { type: 'addTeamMember', memberId: 'm-adm', personId: 'p-adm', role: 'admin' }, ctx(people.lead));
    const r = dispatch(withAdmin, reassign('m-adm'), ctx(people.lead));
    expect(r.ok || [r.error.rule, r.error.message]).toEqual(['responsibleMemberPermitted', expect.stringContaining('cbt is delivered by lead-practitioner, therapist')]);
    const withNurse = must(started(), { type: 'addTeamMember', memberId: 'm-nurse', personId: 'p-nurse', role: 'nurse' }, ctx(people.lead));
    const gone = must(withNurse, { type: 'removeTeamMember', memberId: 'm-nurse' }, ctx(people.lead));
    expect(outcome(gone, reassign('m-nurse'))).toBe('GUARD_FAILED:responsibleMemberPermitted');
  });

  it('is for those who manage the team, as removing a member and naming the lead are', () => {
    expect(outcome(started(), reassign('m-lead'), people.therapist)).toBe('FORBIDDEN:');
    expect(outcome(started(), reassign('m-lead'), people.supervisor)).toBe('ok');
    expect(outcome(started(), reassign('m-lead'), people.admin)).toBe('ok');
  });

  it('writes a record its validator accepts, and one with a tampered previous member it does not', () => {
    const { events } = withEvents(() => must(must(started(), reassign('m-lead'), ctx(people.lead)), { type: 'removeTeamMember', memberId: 'm-ther' }, ctx(people.lead)));
    expect(validateRecord(JSON.parse(JSON.stringify(toRecord(events)))).issues).toEqual([]);
    const k = events.findIndex((e) => e.type === 'strategyReassigned');
    const tampered = events.map((e, i) => (i === k ? { ...e, data: { ...(e.data as object), previousMemberId: 'm-psy' } } : e));
    expect(validateRecord(JSON.parse(JSON.stringify(toRecord(tampered as typeof events)))).issues.map((i) => [i.path, i.code])).toEqual([[`/events/${k}`, 'EVENT_MISMATCH']]);
  });
});
