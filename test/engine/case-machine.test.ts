import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, dispatch, machineEntries, machines, type CaseState, type CaseStatus } from '../../src/index.js';
import { caseAt, must, people, world } from '../case/fixtures.js';
import { sampleCommand } from '../case/samples.js';

// A case in every status of the Case table.
function casesByStatus(): Record<CaseStatus, CaseState> {
  const ctx = world();
  const active = caseAt('active', ctx);
  return {
    referred: caseAt('referred'),
    assessing: caseAt('assessing'),
    planning: caseAt('planning'),
    active,
    reviewing: caseAt('reviewing'),
    'on-hold': must(active, { type: 'holdCase', reason: 'Client in hospital' }, ctx(people.lead)),
    closed: caseAt('closed'),
    'entered-in-error': must(caseAt('planning'), { type: 'markEnteredInError', reason: 'Wrong client' }, ctx(people.supervisor)),
  };
}

const rows = new Map(machineEntries(machines.case).map((e) => [e.command, e]));

describe('the Case table: every command in every status', () => {
  const states = casesByStatus();
  const ctx = world('2026-02-01T09:00:00.000Z');

  it('lists every command type', () => {
    expect([...rows.keys()].sort()).toEqual([...COMMAND_TYPES].sort());
  });

  for (const type of COMMAND_TYPES) {
    const row = rows.get(type);
    for (const [status, state] of Object.entries(states) as [CaseStatus, CaseState][]) {
      const allowed = row?.from.includes(status) ?? false;
      it(`${type} from ${status}: ${allowed ? 'allowed by the table' : 'INVALID_TRANSITION'}`, () => {
        const r = dispatch(state, sampleCommand(type, state), ctx(people.supervisor));
        if (allowed) {
          // The table lets it through; an entity's own rules may still refuse, but never the case's status.
          if (!r.ok) expect(r.error.message).not.toMatch(new RegExp(`^Cannot ${type}: case c-1 is ${status}`));
        } else {
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect(r.error.code).toBe('INVALID_TRANSITION');
          expect(r.error.message).toContain(`case c-1 is ${status}`);
          expect(r.error.message).toContain('commands allowed from');
        }
      });
    }
  }

  it('openCase is the only command without a case', () => {
    for (const type of COMMAND_TYPES) {
      const r = dispatch(null, sampleCommand(type, null), ctx(people.supervisor));
      expect(r.ok ? 'ok' : r.error.code).toBe(type === 'openCase' ? 'ok' : 'INVALID_TRANSITION');
    }
  });

  it('moves the status exactly as the table says for each status-changing row', () => {
    const ctx2 = world('2026-02-01T09:00:00.000Z');
    const expectations: [CaseStatus, object, CaseStatus][] = [
      ['referred', { type: 'startAssessment', methods: ['interview'] }, 'assessing'],
      ['referred', { type: 'declineReferral', reason: 'declined' }, 'closed'],
      ['active', { type: 'startReview' }, 'reviewing'],
      ['active', { type: 'holdCase', reason: 'Away' }, 'on-hold'],
      ['planning', { type: 'holdCase', reason: 'Away' }, 'on-hold'],
      ['assessing', { type: 'holdCase', reason: 'Away' }, 'on-hold'],
      ['active', { type: 'closeCase', reason: 'disengaged' }, 'closed'],
      ['reviewing', { type: 'closeCase', reason: 'transferred' }, 'closed'],
      ['on-hold', { type: 'closeCase', reason: 'other' }, 'closed'],
      ['closed', { type: 'reopenCase', reason: 'New referral' }, 'assessing'],
      ['on-hold', { type: 'resumeCase' }, 'active'],
    ];
    for (const [from, command, to] of expectations) {
      const next = must(states[from], command, ctx2(people.supervisor));
      expect(next.status, `${from} + ${(command as { type: string }).type}`).toBe(to);
      expect(next.statusHistory.at(-1)?.status).toBe(to);
    }
  });
});
