import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent, type CaseState } from '../../src/index.js';
import { freezesStates, setFreezesStates } from '../../src/case/store/freezing.js';
import { appliesInPlace, inPlace } from '../../src/engine/in-place.js';
import { caseAt, people, referral } from '../case/fixtures.js';
import { actors, stepsArb, templates } from './random-commands.js';

interface Run {
  readonly state: CaseState;
  readonly log: readonly CaseEvent[];
  /** Each event as JSON when dispatch returned it, so that a later change to it shows. */
  readonly written: readonly string[];
  /** Whether every accepted command returned the very state it was given. */
  readonly sameObject: boolean;
}

function run(steps: readonly [number, number][]): Run {
  const now = steppingClock('2026-01-05T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('r-');
  const first = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!first.ok) throw first.error;
  let state = first.state;
  const log = [...first.events];
  const written = log.map((e) => JSON.stringify(e));
  let sameObject = true;
  for (const [a, t] of steps) {
    const before = JSON.stringify(state);
    const r = dispatch(state, templates[t % templates.length], { actor: actors[a % actors.length] as Actor, now, newId });
    if (!r.ok) {
      expect(JSON.stringify(state), 'a refused command changes nothing, in place or not').toBe(before);
      continue;
    }
    if (r.state !== state) sameObject = false;
    state = r.state;
    for (const e of r.events) {
      log.push(e);
      written.push(JSON.stringify(e));
    }
  }
  return { state, log, written, sameObject };
}

describe('dispatch in place (the simulator’s mode)', () => {
  afterEach(() => setFreezesStates(undefined));

  it('decides the same events and reaches the same state as copy-on-write, for any command sequence', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        setFreezesStates(false);
        const copied = run(steps);
        const owned = inPlace(() => run(steps));
        expect(owned.written).toEqual(copied.written);
        expect(owned.state).toEqual(copied.state);
        // Applied in place: no later command changed an event already handed out (the record).
        expect(owned.log.map((e) => JSON.stringify(e))).toEqual(owned.written);
        expect(copied.log.map((e) => JSON.stringify(e))).toEqual(copied.written);
        if (copied.log.length > 1) expect(owned.sameObject, 'the state was changed in place, not copied').toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('copies a frozen state it is handed instead of failing on it or changing it', () => {
    setFreezesStates(true);
    const given = caseAt('active');
    expect(Object.isFrozen(given)).toBe(true);
    const r = inPlace(() => dispatch(given, { type: 'holdCase', reason: 'Away' }, { actor: people.lead }));
    expect(r.ok && r.state.status).toBe('on-hold');
    expect(r.ok && r.state).not.toBe(given);
    expect(given.status).toBe('active');
  });

  it('restores the mode and freezing however its callback ends', () => {
    setFreezesStates(true);
    expect(() =>
      inPlace(() => {
        expect(appliesInPlace()).toBe(true);
        expect(freezesStates()).toBe(false);
        inPlace(() => undefined);
        expect(appliesInPlace(), 'a nested call keeps the outer mode').toBe(true);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(appliesInPlace()).toBe(false);
    expect(freezesStates()).toBe(true);
  });
});
