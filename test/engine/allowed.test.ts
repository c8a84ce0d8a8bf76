import { describe, expect, it } from 'vitest';
import { allowedCommands, type CaseCommand } from '../../src/index.js';
import { caseAt, must, people, world } from '../case/fixtures.js';

const at = '2026-03-01T09:00:00.000Z';

describe('allowedCommands offers only what could succeed', () => {
  it('no resolveCrisis without a crisis; offered once one is open', () => {
    const calm = caseAt('active');
    expect(allowedCommands(calm, people.lead, { at })).not.toContain('resolveCrisis');
    const crisis = must(calm, { type: 'recordRiskLevel', level: 'high', factors: ['plan'] }, world('2026-02-01T09:00:00.000Z')(people.lead));
    expect(allowedCommands(crisis, people.lead, { at })).toContain('resolveCrisis');
  });

  it('commands on an entity only while some entity can take them', () => {
    const active = caseAt('active');
    const offered = allowedCommands(active, people.lead, { at });
    // g-1 is active (not proposed); s-1 is planned (not active or suspended); no session, no measurement.
    for (const type of ['agreeGoal', 'rejectGoal', 'resumeStrategy', 'recordAttendance', 'amendMeasurement', 'voidMeasurement'] as const) expect(offered, type).not.toContain(type);
    for (const type of ['holdGoal', 'startStrategy', 'withdrawConsent', 'proposeGoal', 'recordMeasurement'] as const) expect(offered, type).toContain(type);
  });

  it('never hands the app’s authorize a command it did not write', () => {
    const seen: CaseCommand[] = [];
    const policy = {
      authorize: (_a: unknown, command: CaseCommand) => {
        seen.push(command);
        return true as const;
      },
    };
    allowedCommands(caseAt('active'), people.lead, { at, policy });
    expect(seen).toEqual([]);
  });
});

describe('a policy from JavaScript', () => {
  it('a role list that is not a list refuses the command instead of matching by substring', async () => {
    const { dispatch } = await import('../../src/index.js');
    const policy = { roles: { startReview: 'lead-practitioner-or-therapist' } } as never;
    const r = dispatch(caseAt('active'), { type: 'startReview' }, { actor: people.therapist, policy, now: () => at });
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
  });
});
