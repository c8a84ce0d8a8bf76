import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent, type CaseState, type Context, type DispatchResult } from '../../src/index.js';
import { setFreezesStates } from '../../src/case/store/freezing.js';
import { dispatchInPlace } from '../../src/engine/in-place.js';
import { ownedState } from '../../src/engine/owned-state.js';
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

type Dispatch = (state: CaseState | null, command: unknown, ctx: Context) => DispatchResult;

function run(steps: readonly [number, number][], send: Dispatch): Run {
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
    const r = send(state, templates[t % templates.length], { actor: actors[a % actors.length] as Actor, now, newId });
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
        const copied = run(steps, dispatch);
        const owned = run(steps, dispatchInPlace);
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
    const r = dispatchInPlace(given, { type: 'holdCase', reason: 'Away' }, { actor: people.lead });
    expect(r.ok && r.state.status).toBe('on-hold');
    expect(r.ok && r.state).not.toBe(given);
    expect(given.status).toBe('active');
  });

  it('changes only the state it was given: a dispatch on another state meanwhile copies as always', () => {
    setFreezesStates(false);
    const mine = caseAt('active');
    const other = caseAt('active');
    const before = JSON.stringify(other);
    let nested: DispatchResult | undefined;
    // A policy's authorize is app code that runs inside dispatch: here it dispatches on a state it keeps.
    const authorize = (): true => {
      nested ??= dispatch(other, { type: 'holdCase', reason: 'Away' }, { actor: people.lead });
      return true;
    };
    const r = dispatchInPlace(mine, { type: 'holdCase', reason: 'Away' }, { actor: people.lead, policy: { authorize } });
    expect(r.ok && r.state).toBe(mine);
    expect(mine.status).toBe('on-hold');
    expect(nested?.ok && nested.state).not.toBe(other);
    expect(JSON.stringify(other)).toBe(before);
  });

  it('forgets the state it may change however dispatch ends', () => {
    setFreezesStates(false);
    const mine = caseAt('active');
    const authorize = (): never => {
      throw new Error('boom');
    };
    expect(() => dispatchInPlace(mine, { type: 'holdCase', reason: 'Away' }, { actor: people.lead, policy: { authorize } })).toThrow('boom');
    expect(ownedState()).toBe(null);
    dispatchInPlace(mine, { type: 'fly' }, { actor: people.lead });
    expect(ownedState()).toBe(null);
  });
});
