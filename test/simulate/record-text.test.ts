import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent } from '../../src/index.js';
import { parseScenario, policyFor, simulateClient } from '../../src/simulate/index.js';
import { recordText } from '../../src/simulate/record-text.js';
import { toRecord } from '../../src/validate/index.js';
import { people, referral } from '../case/fixtures.js';
import { actors, stepsArb, templates } from '../engine/random-commands.js';
import { readFileSync } from 'node:fs';

const example = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/stepped-care.json', import.meta.url), 'utf8')));
if (!example.ok) throw new Error('the example scenario does not parse');
const scenario = example.scenario;
const policy = policyFor(scenario);

/** The events of a random command sequence from random actors (refused commands leave none). */
function randomLog(steps: readonly [number, number][]): CaseEvent[] {
  const now = steppingClock('2026-01-05T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('r-');
  const first = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!first.ok) throw first.error;
  let state = first.state;
  const log = [...first.events];
  for (const [a, t] of steps) {
    const r = dispatch(state, templates[t % templates.length], { actor: actors[a % actors.length] as Actor, now, newId });
    if (!r.ok) continue;
    state = r.state;
    log.push(...r.events);
  }
  return log;
}

describe('recordText writes exactly what JSON.stringify writes', () => {
  it('for any simulated client (seed, index)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(100_000), (seed, index) => {
        const { record } = simulateClient(scenario, seed, index, policy);
        expect(recordText(record)).toBe(JSON.stringify(record));
      }),
      { numRuns: 60 },
    );
  });

  it('for the events of any command sequence from any actors (reasons included)', () => {
    let withReason = 0;
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const log = randomLog(steps);
        if (log.some((e) => e.reason !== undefined)) withReason++;
        expect(recordText(toRecord(log))).toBe(JSON.stringify(toRecord(log)));
      }),
      { numRuns: 150 },
    );
    // The sequences must reach events with a reason, or the test would not check how they are written.
    expect(withReason).toBeGreaterThan(0);
  });

  it('escapes what JSON escapes in a reason, and writes a record with a snapshot whole', () => {
    const opened = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead });
    if (!opened.ok) throw opened.error;
    const held = dispatch(opened.state, { type: 'markEnteredInError', reason: 'Said "no" \\ left\n\u2028 ok \ud83d\ude00' }, { actor: people.admin });
    if (!held.ok) throw held.error;
    const log = [...opened.events, ...held.events];
    expect(log[1]?.reason).toContain('"no"');
    expect(recordText(toRecord(log))).toBe(JSON.stringify(toRecord(log)));
    expect(recordText(toRecord(log, held.state))).toBe(JSON.stringify(toRecord(log, held.state)));
  });

  it('keeps no stale text for an actor object that is not frozen (events made outside the engine)', () => {
    const opened = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead });
    if (!opened.ok) throw opened.error;
    const actor = { id: 'p-one', role: 'therapist' as const };
    const event = { ...(opened.events[0] as CaseEvent), actor } as CaseEvent;
    const before = recordText(toRecord([event]));
    actor.id = 'p-two';
    const after = recordText(toRecord([event]));
    expect(before).toContain('"p-one"');
    expect(after).toBe(JSON.stringify(toRecord([event])));
  });
});
