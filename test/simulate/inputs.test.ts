import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, policyFor, simulateClient, simulateCohort, simulateProgrammes, type Scenario } from '../../src/simulate/index.js';

// The example scenario as written (defaults left out), as JSON.parse gives it.
const written = JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')) as Scenario;
const parsed = (input: unknown): Scenario => {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
};
const lines = (cases: Iterable<{ record: unknown }>) => [...cases].map((c) => JSON.stringify(c.record));

describe('what the simulators take', () => {
  it('a scenario as written is parsed first: the same records as from its parsed form (it was a TypeError)', () => {
    expect(lines(simulateCohort(written, { seed: 5, clients: 6 }))).toEqual(lines(simulateCohort(parsed(written), { seed: 5, clients: 6 })));
    expect(JSON.stringify(simulateClient(written, 5, 3).record)).toBe(JSON.stringify(simulateClient(parsed(written), 5, 3, policyFor(parsed(written))).record));
    expect(policyFor(written)).toEqual(policyFor(parsed(written)));
  });

  it('a parsed scenario copied with a change is checked again: a bad change is refused with its path, before any client', () => {
    const s = parsed(written);
    expect(lines(simulateCohort({ ...s, weeks: 4 }, { seed: 1, clients: 3 }))).toEqual(lines(simulateCohort(parsed({ ...written, weeks: 4 }), { seed: 1, clients: 3 })));
    const bad = { ...s, weeks: 0, didNotAttend: 2 };
    expect(() => simulateCohort(bad, { seed: 1, clients: 3 }).next()).toThrow(/^simulateCohort: not a valid scenario \(\/weeks: .*; \/didNotAttend: .*\)$/);
    expect(() => simulateClient(bad, 1, 0)).toThrow(TypeError);
    expect(() => policyFor(bad)).toThrow(/^policyFor: not a valid scenario/);
    expect(() => simulateProgrammes(bad, { seed: 1 }).next()).toThrow(/^simulateProgrammes: not a valid scenario/);
  });

  it('a parsed scenario cannot be changed in place (the simulators trust it unchecked), and its input is left as it was', () => {
    const input = JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')) as Scenario;
    const s = parsed(input);
    // It was: `s.didNotAttend = 2` ran every client with a chance of 2, unchecked.
    expect(() => {
      (s as { didNotAttend: number }).didNotAttend = 2;
    }).toThrow(TypeError);
    expect(() => {
      (s.pathways[0]?.steps[0] as { sessions: number }).sessions = -1;
    }).toThrow(TypeError);
    expect(s.didNotAttend).not.toBe(2);
    expect(Object.isFrozen(input) || Object.isFrozen(input.pathways)).toBe(false);
  });

  it('simulateClient refuses an index or seed that is not a non-negative integer, and a client referred after 9998, with a RangeError that says so', () => {
    const s = parsed(written);
    for (const index of [-1, 1.5, Number.NaN]) expect(() => simulateClient(s, 1, index)).toThrow(`index must be a non-negative integer, not ${String(index)}`);
    for (const seed of [-1, 1.5, 2 ** 53]) expect(() => simulateClient(s, seed, 0)).toThrow(`seed must be a non-negative integer, not ${String(seed)}`);
    // Not "Invalid time value" from deep inside.
    expect(() => simulateClient(s, 1, 1e9)).toThrow(/^client 1000000001 would be followed past the year 9998/);
  });

  it('simulateClient computes the policy when it is not given: a scenario of its own modalities runs without one', () => {
    const s = parsed({ pathways: [{ steps: [{ modality: 'walk-and-talk', role: 'peer-supporter', sessions: 2 }] }] });
    expect(JSON.stringify(simulateClient(s, 2, 1).record)).toBe(JSON.stringify(simulateClient(s, 2, 1, policyFor(s)).record));
  });

  it('a JavaScript caller who leaves the options out is told the seed is missing', () => {
    const run = simulateCohort as (s: unknown) => Generator<unknown>;
    const groups = simulateProgrammes as (s: unknown) => Generator<unknown>;
    expect(() => run(written).next()).toThrow('seed must be a non-negative integer, not undefined');
    expect(() => groups(parsed({ programme: {} })).next()).toThrow('seed must be a non-negative integer, not undefined');
  });
});
