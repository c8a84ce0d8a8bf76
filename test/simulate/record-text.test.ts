import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { registerInstrument, unregisterInstrument, type Instrument } from '../../src/measures/index.js';
import { dispatch, type CaseEvent } from '../../src/index.js';
import { parseScenario, policyFor, simulateClient } from '../../src/simulate/index.js';
import { recordText } from '../../src/simulate/record-text.js';
import { toRecord } from '../../src/validate/index.js';
import { caseAt, people, referral } from '../case/fixtures.js';
import { randomLog, stepsArb } from '../engine/random-commands.js';
import { readFileSync } from 'node:fs';

const example = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/stepped-care.json', import.meta.url), 'utf8')));
if (!example.ok) throw new Error('the example scenario does not parse');
const scenario = example.scenario;
const policy = policyFor(scenario);

// Text with what JSON escapes (quotes, backslashes, controls, lone surrogates) and what it does not.
const text = fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u2028', '\ud800', '\udc00', '\ud83d\ude00', 'é', 'a', 'Z', ' ', '-') });
const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 6) }).map((ms) => new Date(ms).toISOString());
const ids = fc.array(fc.constantFrom('client-1', 'p-ther', 'x.y:z_1'), { minLength: 1, maxLength: 3 });
// The three events recordText writes field by field, with every optional field and odd values.
const score = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, 1e21, 0.1, 7));
const responses = fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })), { minLength: 9, maxLength: 9 });
const measurement = fc
  .tuple(
    fc.oneof(
      fc.record({ instrumentId: fc.constant('phq9'), goalIds: fc.constant(['g-1']) }, { requiredKeys: ['instrumentId'] }),
      fc.record({ instrumentId: fc.constant('phq9'), responses }),
      fc.record({ instrumentId: fc.constantFrom('phq9', 'gad7'), score: fc.integer({ min: 0, max: 21 }) }),
      fc.record({ indicator: text, score }),
    ),
    fc.record({ takenAt: instant, source: fc.constantFrom('client-report', 'clinician-rated', 'observer') }, { requiredKeys: ['source'] }),
  )
  .map(([subject, rest]) => ({ type: 'recordMeasurement', ...subject, ...rest, ...('responses' in subject || 'score' in subject ? {} : { score: 5 }) }));
const session = fc.record({ type: fc.constant('scheduleSession'), sessionId: fc.constant('v-9'), strategyId: fc.constant('s-1'), scheduledFor: instant, participants: ids, groupId: fc.constant('grp-1') }, { requiredKeys: ['type', 'sessionId', 'strategyId', 'scheduledFor'] });
const attendance = fc.record({ type: fc.constant('recordAttendance'), sessionId: fc.constant('v-1'), attendance: fc.constantFrom('attended', 'did-not-attend', 'cancelled-by-client'), participants: ids, notes: text }, { requiredKeys: ['type', 'sessionId', 'attendance'] });

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

  it('for measurements, sessions and attendance with any optional field and any text', () => {
    const clock = () => '2026-01-06T12:00:00.000Z';
    let base = caseAt('active');
    for (const command of [
      { type: 'startStrategy', strategyId: 's-1' },
      { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-01-06T09:00:00.000Z' },
    ]) {
      const r = dispatch(base, command, { actor: people.lead, now: clock });
      if (!r.ok) throw r.error;
      base = r.state;
    }
    const accepted = new Map<string, number>();
    fc.assert(
      fc.property(fc.oneof(measurement, session, attendance), (command) => {
        const r = dispatch(base, command, { actor: people.lead, now: clock });
        if (!r.ok) return;
        accepted.set(command.type, (accepted.get(command.type) ?? 0) + 1);
        expect(recordText(toRecord(r.events))).toBe(JSON.stringify(toRecord(r.events)));
      }),
      { numRuns: 600 },
    );
    // Each kind must get through the engine often enough for the test to mean something.
    for (const type of ['recordMeasurement', 'scheduleSession', 'recordAttendance']) expect(accepted.get(type) ?? 0, type).toBeGreaterThan(20);
  });

  describe('with an app instrument whose band labels JSON must escape', () => {
    const odd: Instrument = {
      id: 'odd-2',
      name: 'Two items, oddly labelled',
      items: [
        [0, 1, 2],
        [0, 1, 2],
      ],
      range: { min: 0, max: 4 },
      betterIs: 'lower',
      bands: [
        { min: 0, max: 1, label: 'fine "so far" \\ ok' },
        { min: 2, max: 4, label: 'not\nfine \ud800' },
      ],
      caseness: 2,
      riskItems: [],
      missing: { rule: 'none', maxMissing: 0 },
    };
    afterEach(() => unregisterInstrument('odd-2'));

    it('writes the band as JSON.stringify does', () => {
      registerInstrument(odd);
      const state = caseAt('active');
      for (const command of [
        { type: 'recordMeasurement', instrumentId: 'odd-2', score: 1, source: 'client-report' },
        { type: 'recordMeasurement', instrumentId: 'odd-2', responses: [2, 1], source: 'client-report' },
      ]) {
        const r = dispatch(state, command, { actor: people.lead });
        if (!r.ok) throw r.error;
        expect(JSON.stringify(r.events[0]?.data)).toMatch(/\\"|\\n/);
        expect(recordText(toRecord(r.events))).toBe(JSON.stringify(toRecord(r.events)));
      }
    });
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
