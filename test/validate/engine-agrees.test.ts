import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, type CaseEvent } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { run, stepArb } from './engine-runs.js';

// The engine never writes a record its own validator rejects: random sequences of every command
// type, by every kind of actor, with a clock that may jump back (servers that disagree), instants
// written with offsets (in commands and from the clock), non-SMART draft goals and measurements
// dated in the past. Whatever the engine accepts, the validator must accept, with and without the
// snapshot; and replaying the log gives the state dispatch built.

describe('the engine never writes a record its validator rejects', () => {
  it('for random sequences of every command type, with clock skew, offsets and non-SMART drafts', () => {
    let total = 0;
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 120 }), (steps) => {
        const { events, state, accepted } = run(steps);
        total += accepted;
        for (const h of state.statusHistory) reached.add(h.status);
        const withSnapshot = validateRecord(JSON.parse(JSON.stringify(toRecord(events, state))));
        expect(withSnapshot.issues).toEqual([]);
        expect(validateRecord(JSON.parse(JSON.stringify(toRecord(events)))).issues).toEqual([]);
        expect(replay(events)).toEqual(JSON.parse(JSON.stringify(state)));
      }),
      { numRuns: 150 },
    );
    // The runs exercised the engine, not only its refusals.
    expect(total).toBeGreaterThan(1500);
    expect([...reached].sort()).toEqual(expect.arrayContaining(['active', 'assessing', 'closed', 'planning']));
  });

  it('reach every status of a course of care, review included (a fixed seed: about 3% of runs review, so 150 random runs missed it one time in 60)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 120 }), (steps) => {
        for (const h of run(steps).state.statusHistory) reached.add(h.status);
      }),
      { numRuns: 150, seed: 7 },
    );
    expect([...reached].sort()).toEqual(expect.arrayContaining(['active', 'assessing', 'closed', 'planning', 'reviewing']));
  });

  it('every stored instant is canonical, whatever offsets came in', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80 }), (steps) => {
        const { events } = run(steps);
        const instants = JSON.stringify(events).match(/"\d{4}-\d\d-\d\dT[^"]*"/g) ?? [];
        for (const i of instants) expect(i).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"$/);
        for (let k = 1; k < events.length; k++) expect((events[k] as CaseEvent).at >= (events[k - 1] as CaseEvent).at).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
