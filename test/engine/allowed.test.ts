import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, allowedCommands, dispatch, type Actor, type CaseCommand } from '../../src/index.js';
import { caseAt, must, people, world } from '../case/fixtures.js';
import { sampleCommand } from '../case/samples.js';
import { run, stepArb } from '../validate/engine-runs.js';

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

describe('allowedCommands hides nothing dispatch would accept', () => {
  // A UI draws its buttons from allowedCommands: a command the engine accepts must be among them,
  // for every actor, in every state random runs reach, judged at the same instant.
  it('property: every command type dispatch accepts now is offered now', { timeout: 60_000 }, () => {
    const actors: Actor[] = [people.lead, people.therapist, people.client, people.supervisor, people.admin, people.psychiatrist];
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        const { state } = run(steps);
        const now = new Date(Date.parse(state.updatedAt) + 3_600_000).toISOString();
        for (const actor of actors) {
          const offered = new Set(allowedCommands(state, actor, { at: now }));
          for (const type of COMMAND_TYPES) {
            let n = 0;
            const r = dispatch(state, sampleCommand(type, state), { actor, now: () => now, newId: () => `z-${++n}` });
            if (!r.ok) continue;
            accepted++;
            expect(offered.has(type), `${type} by ${actor.role} in ${state.status}`).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
    expect(accepted).toBeGreaterThan(500);
  });
});
