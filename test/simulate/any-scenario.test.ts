import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODALITIES, ROLES } from '../../src/index.js';
import { parseScenario, policyFor, simulateCohort, simulateProgrammes, outcomeRows } from '../../src/simulate/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { validateProgrammeRecord } from '../../src/programme/index.js';

// Any scenario parseScenario accepts runs to the end: every command the simulator gives is one the
// engine accepts. A refusal mid-run (medication given to a therapist, ECT with no consent of its
// own) is a scenario the parser should have refused with its path, or a simulator bug.
const normal = (lo: number, hi: number) => fc.record({ mean: fc.double({ min: lo, max: hi, noNaN: true }), sd: fc.double({ min: 0, max: 20, noNaN: true }) });
const changes = fc.record({ phq9: normal(-40, 40), gad7: normal(-40, 40) }, { requiredKeys: [] });
// A modality with a role that may deliver it (catalogue), or one of the scenario's own with any role.
const modalityAndRole = fc.oneof(
  fc.constantFrom(...MODALITIES.filter((m) => m.name !== 'structured-family-intervention').flatMap((m) => m.roles.map((r) => [m.name, r] as const))),
  fc.tuple(fc.constantFrom('own-modality', 'another-one'), fc.constantFrom(...ROLES)),
);
const step = fc
  .tuple(
    modalityAndRole,
    fc.record(
      {
        sessions: fc.integer({ min: 1, max: 100 }),
        frequency: fc.constantFrom('once', 'daily', 'twice-weekly', 'weekly', 'fortnightly', 'monthly', 'as-needed'),
        responders: fc.double({ min: 0, max: 1, noNaN: true }),
        responder: changes,
        nonResponder: changes,
      },
      { requiredKeys: [] },
    ),
  )
  .map(([[modality, role], rest]) => ({ ...rest, modality, role }));
const chance = fc.double({ min: 0, max: 1, noNaN: true });
const scenarioInput = fc.record(
  {
    startDate: fc.constantFrom('2026-01-05', '2028-02-29', '2026-12-31', '1999-12-31', '2026-03-29'),
    arrivalsPerWeek: fc.oneof(
      fc.double({ min: 0.01, max: 100_000, noNaN: true }),
      fc.tuple(fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { maxLength: 10 }), fc.double({ min: 0.01, max: 500, noNaN: true })).map(([head, last]) => [...head, last]),
    ),
    weeks: fc.integer({ min: 1, max: 260 }),
    waitDays: normal(-50, 400),
    weeksToEffect: fc.double({ min: 0.001, max: 52, noNaN: true }),
    measurementError: fc.record({ phq9: fc.double({ min: 0, max: 50, noNaN: true }), gad7: fc.double({ min: 0, max: 50, noNaN: true }) }, { requiredKeys: [] }),
    monitoring: fc.record({ instruments: fc.constantFrom(['phq9'], ['gad7'], ['gad7', 'phq9'], ['phq9', 'gad7']), everyWeeks: fc.integer({ min: 1, max: 52 }) }),
    pathways: fc.array(fc.record({ share: fc.double({ min: 0.001, max: 10, noNaN: true }), steps: fc.array(step, { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 3 }),
    didNotAttend: chance,
    dropoutPerWeek: chance,
    crisisPerWeek: chance,
    reviewEveryWeeks: fc.integer({ min: 1, max: 52 }),
    researchConsent: chance,
    assessment: fc.record(
      {
        needs: fc.array(
          fc.record({ domain: fc.constantFrom('emotional', 'housing', 'social', 'substance-use', 'safety'), description: fc.constantFrom('Low mood', 'Rent arrears'), share: chance, severity: fc.integer({ min: 1, max: 5 }), priority: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: ['domain', 'description'] }),
          { minLength: 1, maxLength: 4 },
        ),
        riskScreen: fc.record({ none: chance, low: chance, moderate: chance, high: chance, imminent: chance }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    goal: fc.record({ instruments: fc.constantFrom('first', 'all'), gas: fc.boolean() }, { requiredKeys: [] }),
    programme: fc.record(
      {
        kind: fc.constantFrom('group-therapy-course', 'psychoeducation-group', 'day-treatment-programme', 'residential-therapeutic-community', 'peer-support-group'),
        capacity: fc.integer({ min: 2, max: 12 }),
        weeks: fc.integer({ min: 1, max: 30 }),
        meetingsPerWeek: fc.integer({ min: 1, max: 5 }),
        startEveryWeeks: fc.integer({ min: 1, max: 52 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('any scenario parseScenario accepts', () => {
  it('simulates to the end, and every case and programme record validates', { timeout: 120_000 }, () => {
    let ran = 0;
    fc.assert(
      fc.property(scenarioInput, fc.nat(1_000_000), (input, seed) => {
        // Monitored instruments need a baseline: give one, so that most inputs are accepted.
        const r = parseScenario({ baseline: { phq9: { mean: 16, sd: 4 }, gad7: { mean: 13, sd: 4 } }, ...input });
        if (!r.ok) return;
        ran++;
        const policy = policyFor(r.scenario);
        for (const c of simulateCohort(r.scenario, { seed, clients: 3 })) {
          expect(validateRecord(toRecord(c.events, c.state), { policy }).issues).toEqual([]);
          // What `outcomes` reads back from the events alone (under the scenario's policy) is what the simulator's state gives.
          const fromRecord = validateRecord(toRecord(c.events), { policy }).state;
          expect(fromRecord && outcomeRows(fromRecord)).toEqual(outcomeRows(c.state));
        }
        if (r.scenario.programme !== undefined) {
          for (const g of simulateProgrammes(r.scenario, { seed, groups: 1 })) {
            expect(validateProgrammeRecord(g.programme, { cases: g.cases as unknown[] }).issues).toEqual([]);
            for (const m of g.cases) {
              const v = validateRecord({ ...m, snapshot: undefined }, { policy });
              expect(v.state && outcomeRows(v.state)).toEqual(m.snapshot && outcomeRows(m.snapshot));
            }
          }
        }
      }),
      { numRuns: 100 },
    );
    expect(ran).toBeGreaterThan(20);
  });

  it('a step needing its own consent (medication, ECT) gets it from the client before it starts', () => {
    const r = parseScenario({ pathways: [{ share: 1, steps: [{ modality: 'medication', role: 'psychiatrist', sessions: 4 }, { modality: 'ect', role: 'psychiatrist', sessions: 6 }] }], dropoutPerWeek: 0, weeks: 52 });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const [c] = [...simulateCohort(r.scenario, { seed: 3, clients: 1 })];
    const consents = Object.values(c?.state.consents ?? {}).map((k) => `${k.scope} by ${k.grantedBy}`);
    expect(consents).toContain('modality:medication by client-1');
  });
});

describe('parseScenario refuses, with the path, what the engine would refuse mid-run', () => {
  it('a catalogue modality given to a role that may not deliver it', () => {
    const r = parseScenario({ pathways: [{ share: 1, steps: [{ modality: 'cbt' }, { modality: 'medication', role: 'therapist' }] }] });
    expect(r.ok ? [] : r.issues).toEqual([{ path: '/pathways/0/steps/1/role', message: 'medication is delivered by psychiatrist, gp, not therapist' }]);
  });

  it('a structured family intervention, whose outcome is not a change in scores', () => {
    const r = parseScenario({ pathways: [{ share: 1, steps: [{ modality: 'structured-family-intervention', role: 'interventionist' }] }] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['/pathways/0/steps/0/modality']);
  });

  it('a programme kind that does not exist (simulateProgrammes refused it only when run)', () => {
    const r = parseScenario({ programme: { kind: 'book-club' } });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['/programme/kind']);
  });
});
