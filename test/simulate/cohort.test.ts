import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientRandom, parseScenario, policyFor, simulateCohort, type Scenario } from '../../src/simulate/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { dispatch } from '../../src/index.js';
import { freezesStates, setFreezesStates } from '../../src/case/store/freezing.js';
import { FROZEN_RUN } from '../support/frozen-run.js';

const example = JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')) as unknown;

function scenario(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const ndjson = (s: Scenario, seed: number, clients: number, shard?: { index: number; count: number }): string[] =>
  [...simulateCohort(s, { seed, clients, ...(shard === undefined ? {} : { shard }) })].map((c) => JSON.stringify(toRecord(c.events)));

describe('simulateCohort', () => {
  it('every simulated record validates clean (1,000 clients of the example scenario)', () => {
    const s = scenario(example);
    let n = 0;
    const problems: unknown[] = [];
    for (const c of simulateCohort(s, { seed: 2026, clients: 1000 })) {
      n++;
      const v = validateRecord(toRecord(c.events, c.state), { policy: policyFor(s) });
      if (!v.valid) problems.push({ client: c.index, issues: v.issues.slice(0, 2) });
    }
    expect(n).toBe(1000);
    expect(problems).toEqual([]);
  });

  it('hands back states as frozen as dispatch makes them, and leaves the freezing setting as it was', () => {
    const s = scenario(example);
    for (const freeze of [true, false]) {
      setFreezesStates(freeze);
      try {
        const [c] = [...simulateCohort(s, { seed: 7, clients: 1 })];
        if (c === undefined) throw new Error('no client');
        expect(freezesStates()).toBe(freeze);
        expect(Object.isFrozen(c.state)).toBe(freeze);
        expect(Object.isFrozen(c.state.measurements)).toBe(freeze);
        expect(Object.isFrozen(Object.values(c.state.goals)[0])).toBe(freeze);
        // The state is a proper base for further commands either way.
        const r = dispatch(c.state, { type: 'reopenCase', reason: 'Came back' }, { actor: { id: 'p-lead', role: 'lead-practitioner' }, now: () => '2030-01-01T00:00:00.000Z' });
        expect(r.ok).toBe(true);
      } finally {
        setFreezesStates(undefined);
      }
    }
  });

  it('is deterministic: frozen random vectors and a frozen digest of a small run', () => {
    const r = clientRandom(42, 0);
    expect([r.next(), r.next(), r.next()].map((x) => x.toFixed(12))).toEqual(FROZEN_RANDOM);
    // Every bit of the seed counts: 2^32 + 1 is not 1. (Both vectors agree with MurmurHash3 and sfc32
    // written out independently from their published definitions.)
    const wide = clientRandom(2 ** 32 + 1, 5);
    expect([wide.next(), wide.next()].map((x) => x.toFixed(12))).toEqual(['0.299383047270', '0.744595772820']);
    // The polar method: the first two uniforms fall outside the unit disc (s = 1.08), the next two
    // inside (u = 2 × 0.54630… − 1, v = 2 × 0.46850… − 1, s = 0.0125) give the first pair.
    const n = clientRandom(42, 0);
    expect([n.normal(0, 1), n.normal(0, 1), n.normal(0, 1)].map((x) => x.toFixed(12))).toEqual(FROZEN_NORMAL);
    const digest = createHash('sha256').update(ndjson(scenario(example), 42, 5).join('\n')).digest('hex');
    expect(digest).toBe(FROZEN_DIGEST);
  });

  it('gives the frozen run the browser tests check again in Chromium (test/support/frozen-run.ts)', () => {
    const text = ndjson(scenario(FROZEN_RUN.scenario), FROZEN_RUN.seed, FROZEN_RUN.clients).join('\n');
    expect(createHash('sha256').update(text).digest('hex')).toBe(FROZEN_RUN.digest);
  });

  it('shards, interleaved, equal the whole run byte for byte', () => {
    const s = scenario(example);
    const whole = ndjson(s, 7, 40);
    const shards = [0, 1, 2].map((index) => ndjson(s, 7, 40, { index, count: 3 }));
    const merged = whole.map((_, i) => shards[i % 3]?.[Math.floor(i / 3)]);
    expect(merged).toEqual(whole);
  });

  it("a scenario's own modality is registered for the run, and its records validate under that policy", () => {
    const s = scenario({ pathways: [{ steps: [{ modality: 'walk-and-talk', role: 'peer-supporter', sessions: 2 }] }] });
    expect(policyFor(s).modalities).toEqual([{ name: 'walk-and-talk', roles: ['peer-supporter'], needsConsent: false }]);
    for (const c of simulateCohort(s, { seed: 3, clients: 5 })) {
      expect(validateRecord(toRecord(c.events), { policy: policyFor(s) }).issues).toEqual([]);
      expect(validateRecord(toRecord(c.events)).valid).toBe(false);
    }
  });

  it('refuses a bad seed, client count or shard', () => {
    const s = scenario({});
    expect(() => [...simulateCohort(s, { seed: -1, clients: 1 })]).toThrow(RangeError);
    expect(() => [...simulateCohort(s, { seed: 1, clients: 1.5 })]).toThrow(RangeError);
    expect(() => [...simulateCohort(s, { seed: 1, clients: 1, shard: { index: 3, count: 3 } })]).toThrow(RangeError);
  });
});

describe('parseScenario', () => {
  it('fills every default: {} is a scenario', () => {
    const r = parseScenario({});
    expect(r.ok && r.scenario.weeks).toBe(26);
  });

  it('lists every problem with its path', () => {
    const r = parseScenario({ weeks: 0, didNotAttend: 2, pathways: [{ steps: [{ modality: 'CBT!', sessions: 0 }] }], colour: 'blue' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/weeks', '/didNotAttend', '/pathways/0/steps/0/modality', '/pathways/0/steps/0/sessions', '/']));
  });

  it('refuses weights that are all zero, wherever a scenario gives weights (urgency was drawn from all-zero weights)', () => {
    const r = parseScenario({ referral: { sources: { GP: 0 }, urgency: { routine: 0, urgent: 0 } }, assessment: { riskScreen: { low: 0 } } });
    expect(r.ok || r.issues.map((i) => i.path)).toEqual(['/referral/sources', '/referral/urgency', '/assessment/riskScreen']);
  });

  it('needs a baseline for each monitored instrument', () => {
    const r = parseScenario({ baseline: { phq9: { mean: 15, sd: 4 } } });
    expect(r.ok || r.issues).toEqual([{ path: '/baseline/gad7', message: expect.stringContaining('gad7 is monitored') }]);
  });
});

// Frozen (the same under every time zone; the draws the same in every engine too, as none uses the
// engine's own logarithm or trigonometry): a change here changes every published run. The uniforms date from
// 2026-12-02; the normal deviates and the digest from 2026-12-04, when the polar method and our own
// logarithm replaced Box–Muller's sine and cosine (CHANGELOG).
const FROZEN_RANDOM = ['0.994730974780', '0.659095037030', '0.546298993751'];
const FROZEN_NORMAL = ['2.446755914293', '-1.664520095946', '1.497370364995'];
const FROZEN_DIGEST = 'b33adc91462c2580a68e078778798f8423d18182ceae163d73d38518e3e16c55';
