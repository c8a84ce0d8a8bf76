import { describe, expect, it } from 'vitest';
import { parseScenario, simulateProgrammes, type Scenario } from '../../src/simulate/index.js';
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

  it('refuses a scenario without a programme, and bad options', () => {
    expect(() => [...simulateProgrammes(scenario({}), { seed: 1 })]).toThrow(/no programme/);
    expect(() => [...simulateProgrammes(s, { seed: -1 })]).toThrow(RangeError);
    expect(() => [...simulateProgrammes(s, { seed: 1, shard: { index: 2, count: 2 } })]).toThrow(RangeError);
    expect(() => [...simulateProgrammes(scenario({ programme: { kind: 'knitting' } }), { seed: 1 })]).toThrow(/not a programme kind/);
  });
});
