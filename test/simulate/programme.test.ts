import { describe, expect, it } from 'vitest';
import { clientRandom, outcomeRows, parseScenario, simulateCohort, simulateProgrammes, type Scenario } from '../../src/simulate/index.js';
import { replay } from '../../src/index.js';
import { validateProgrammeRecord } from '../../src/programme/index.js';
import { validateRecord } from '../../src/validate/index.js';

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

describe('simulateProgrammes: group programmes in a scenario', () => {
  const s = scenario({ programme: { capacity: 8, weeks: 10, meetingsPerWeek: 2 }, didNotAttend: 0.15, dropoutPerWeek: 0.03 });

  it('every group\'s programme record validates together with its members\' case records, which validate too', { timeout: 30_000 }, () => {
    let n = 0;
    for (const g of simulateProgrammes(s, { seed: 3, groups: 4 })) {
      n++;
      expect(validateProgrammeRecord(g.programme, { cases: g.cases as unknown[] }).issues).toEqual([]);
      for (const c of g.cases) expect(validateRecord(c).valid).toBe(true);
      expect(g.state.status).toBe('ended');
    }
    expect(n).toBe(4);
  });

  it('is deterministic, and shards by group equal the whole run', () => {
    const whole = [...simulateProgrammes(s, { seed: 9, groups: 5 })].map((g) => JSON.stringify(g.programme));
    expect([...simulateProgrammes(s, { seed: 9, groups: 5 })].map((g) => JSON.stringify(g.programme))).toEqual(whole);
    const shards = [0, 1].map((index) => [...simulateProgrammes(s, { seed: 9, groups: 5, shard: { index, count: 2 } })].map((g) => JSON.stringify(g.programme)));
    expect(whole.map((_, i) => shards[i % 2]?.[Math.floor(i / 2)])).toEqual(whole);
  });

  it('misses meetings at the scenario\'s did-not-attend rate (within its 99.9% sampling interval)', { timeout: 30_000 }, () => {
    let held = 0;
    let missed = 0;
    for (const g of simulateProgrammes(s, { seed: 11, groups: 12 })) {
      for (const session of g.state.sessions) {
        for (const a of Object.values(session.attendance)) {
          held++;
          if (a === 'did-not-attend') missed++;
        }
      }
    }
    const sd = Math.sqrt((0.15 * 0.85) / held);
    expect(held).toBeGreaterThan(1000);
    expect(Math.abs(missed / held - 0.15)).toBeLessThan(3.3 * sd);
  });

  it("members are people of their own: neither their client ids nor their random streams are the cohort's clients' of the same index", () => {
    const [g] = [...simulateProgrammes(s, { seed: 4, groups: 1 })];
    const [c] = [...simulateCohort(s, { seed: 4, clients: 1 })];
    const memberClient = (g?.cases[0]?.events[0]?.data as { clientId: string }).clientId;
    expect(memberClient).toBe('gclient-1');
    expect(c?.state.clientId).toBe('client-1');
    const a = clientRandom(4, 0);
    const b = clientRandom(4, 0, 'group-member');
    expect([a.next(), a.next()]).not.toEqual([b.next(), b.next()]);
  });

  it('refuses, before the first group, groups that would run past the year 9998 (the last ran to a refused command)', () => {
    const late = scenario({ programme: { startEveryWeeks: 52, capacity: 2, weeks: 1 } });
    expect(() => simulateProgrammes(late, { seed: 1, groups: 8100, shard: { index: 8099, count: 8100 } }).next()).toThrow(/^group 8100 would run past the year 9998 \(startDate 2026-01-05, a group every 52 weeks\)/);
    // The last group that fits runs to the end, and validates.
    const [last] = [...simulateProgrammes(late, { seed: 1, groups: 7000, shard: { index: 6999, count: 7000 } })];
    expect(last && validateProgrammeRecord(last.programme, { cases: last.cases as unknown[] }).issues).toEqual([]);
  });

  it('refuses a scenario without a programme, and bad options', () => {
    expect(() => [...simulateProgrammes(scenario({}), { seed: 1 })]).toThrow(/no programme/);
    expect(() => [...simulateProgrammes(s, { seed: -1 })]).toThrow(RangeError);
    expect(() => [...simulateProgrammes(s, { seed: 1, shard: { index: 2, count: 2 } })]).toThrow(RangeError);
    expect(() => [...simulateProgrammes(scenario({ programme: { kind: 'knitting' } }), { seed: 1 })]).toThrow(/not a programme kind/);
  });

  it('monitors members\' scores, so a group gives outcome rows: first and last score, from the meetings attended', () => {
    const groupOf = (extra: Record<string, unknown>) =>
      scenario({ programme: { capacity: 10, weeks: 12, responders: 1, responder: { phq9: { mean: -8, sd: 0 }, gad7: { mean: -6, sd: 0 } } }, baseline: { phq9: { mean: 18, sd: 0 }, gad7: { mean: 14, sd: 0 } }, weeksToEffect: 2, measurementError: { phq9: 0, gad7: 0 }, researchConsent: 1, dropoutPerWeek: 0, ...extra });
    const rowsOf = (s2: Scenario) => [...simulateProgrammes(s2, { seed: 5, groups: 2 })].flatMap((g) => g.cases.map((c) => outcomeRows(replay(c.events))[0]));
    // Every member attends: the full change (8 points less 2% left at 12 weeks of treatment), measured without error.
    const attended = rowsOf(groupOf({ didNotAttend: 0 }));
    expect(attended).toHaveLength(20);
    for (const row of attended) {
      const o = row?.instruments.phq9;
      expect(o?.first).toBeDefined();
      expect((o?.first ?? 0) - (o?.last ?? 0)).toBeGreaterThanOrEqual(7);
    }
    // No one attends: no score moves.
    for (const row of rowsOf(groupOf({ didNotAttend: 1 }))) expect(row?.instruments.phq9?.last).toBe(row?.instruments.phq9?.first);
  });
});
