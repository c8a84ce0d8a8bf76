import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evolve, replay, type CaseEvent, type CaseState } from '../../src/index.js';
import { replayProgramme, type ProgrammeEvent } from '../../src/programme/index.js';
import { parseScenario, simulateCohort, simulateProgrammes } from '../../src/simulate/index.js';
import { canonicalAt, canonicalInstant } from '../../src/kernel/canonical-event.js';
import { OFFSETS, run, stepArb } from '../validate/engine-runs.js';
import { caseAt, must, people, withEvents } from '../case/fixtures.js';

// A log read back from a store that rewrote its timestamps (a timestamptz column read in the
// server's zone, an export in local time) must fold to the state the engine built: the state
// compares instants as text, so one left with its offset would put the latest PHQ-9 in the wrong place.

const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The same instant in another zone's local time, milliseconds kept, with its offset (or canonical for null). */
function written(instant: string, offset: (typeof OFFSETS)[number]): string {
  if (offset === null) return instant;
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(Date.parse(instant) + minutes * 60_000).toISOString().slice(0, 23)}${offset}`;
}

/** Every canonical instant in `value`, each written with the offset `pick` gives it. */
function rewriteEach(value: unknown, pick: () => (typeof OFFSETS)[number]): unknown {
  if (typeof value === 'string') return CANONICAL.test(value) ? written(value, pick()) : value;
  if (Array.isArray(value)) return value.map((v) => rewriteEach(v, pick));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteEach(v, pick)]));
  return value;
}

/** The offsets to cycle through, from a fast-check array (never empty). */
const cycling = (offsets: readonly (typeof OFFSETS)[number][]) => {
  let i = 0;
  return () => offsets[i++ % offsets.length] ?? null;
};

const offsetsArb = fc.array(fc.constantFrom(...OFFSETS), { minLength: 1, maxLength: 7 });
const fold = (events: readonly CaseEvent[]): CaseState => events.reduce<CaseState | null>((s, e) => evolve(s, e), null) as CaseState;

/** A course with every kind of instant a case's data hold: a referral, a consent that expires, measurements, sessions booked and moved. */
function course(): CaseEvent[] {
  return withEvents(() => {
    const at = (now: string) => ({ actor: people.lead, now: () => now });
    let s = must(caseAt('active'), { type: 'recordConsent', consentId: 'k-2', scope: 'information-sharing', grantedBy: 'client-1', sharingWith: ['gp'], expiresAt: '2026-12-31T00:00:00.000Z' }, at('2026-01-20T09:00:00.000Z'));
    s = must(s, { type: 'startStrategy', strategyId: 's-1' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-02-03T10:00:00.000Z' }, at('2026-02-01T10:00:00.000Z'));
    s = must(s, { type: 'rescheduleSession', sessionId: 'v-1', scheduledFor: '2026-02-04T10:00:00.000Z' }, at('2026-02-01T11:00:00.000Z'));
    s = must(s, { type: 'recordMeasurement', measurementId: 'm-1', instrumentId: 'phq9', score: 16, takenAt: '2026-02-04T09:00:00.000Z', source: 'client-report' }, at('2026-02-04T12:00:00.000Z'));
    s = must(s, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'attended' }, at('2026-02-04T12:30:00.000Z'));
    must(s, { type: 'recordMeasurement', measurementId: 'm-2', instrumentId: 'phq9', score: 11, source: 'client-report' }, at('2026-02-11T12:00:00.000Z'));
  }).events;
}

describe('replay and evolve store every instant canonical, however the log wrote it', () => {
  const whole = course();
  const scenario = parseScenario({});
  if (!scenario.ok) throw new Error('the default scenario does not parse');
  const cohort = [...simulateCohort(scenario.scenario, { seed: 4, clients: 12 })].map((c) => c.events as readonly CaseEvent[]);

  it('a course of care, a simulated cohort and random runs fold to the same state with every instant in any offset', () => {
    const logs = [whole, ...cohort];
    fc.assert(
      fc.property(fc.nat(logs.length - 1), offsetsArb, (k, offsets) => {
        const log = logs[k] as CaseEvent[];
        const rewritten = rewriteEach(log, cycling(offsets)) as CaseEvent[];
        const expected = replay(log);
        expect(replay(rewritten)).toEqual(expected);
        expect(fold(rewritten)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 10, maxLength: 80 }), offsetsArb, (steps, offsets) => {
        const { events, state } = run(steps);
        expect(replay(rewriteEach(events, cycling(offsets)) as CaseEvent[])).toEqual(JSON.parse(JSON.stringify(state)));
      }),
      { numRuns: 60 },
    );
  });

  it('so the latest measurement is the latest in time, not in text', () => {
    // m-2 (12:00Z) written at UTC−08:00 reads 04:00, before m-1 (09:00Z) as text.
    const log = whole.map((e) => (e.type === 'measurementRecorded' && e.data.measurement.id === 'm-2' ? (rewriteEach(e, () => '-08:00') as CaseEvent) : e));
    const state = replay(log);
    expect(state.measurements.map((m) => [m.id, m.takenAt])).toEqual([
      ['m-1', '2026-02-04T09:00:00.000Z'],
      ['m-2', '2026-02-11T12:00:00.000Z'],
    ]);
    expect(state.updatedAt).toBe('2026-02-11T12:00:00.000Z');
  });

  it('an instant that cannot be read is an INVALID_LOG naming the event and the field; what is canonical is given back as it is', () => {
    const k = whole.findIndex((e) => e.type === 'sessionRescheduled');
    const e = whole[k] as Extract<CaseEvent, { type: 'sessionRescheduled' }>;
    const bad = [...whole.slice(0, k), { ...e, data: { ...e.data, scheduledFor: '2026-02-04 10:00' } }];
    expect(() => replay(bad)).toThrow(expect.objectContaining({ code: 'INVALID_LOG', message: `Event ${k} could not be applied: data.scheduledFor "2026-02-04 10:00" is not an ISO-8601 instant with an offset (Z or ±hh:mm)` }));
    expect(() => replay([...whole.slice(0, k), { ...e, at: undefined as unknown as string }])).toThrow(`Event ${k} could not be applied: at is undefined, not an instant`);
    const m = whole.findIndex((x) => x.type === 'measurementRecorded');
    const measured = whole[m] as Extract<CaseEvent, { type: 'measurementRecorded' }>;
    expect(() => evolve(replay(whole.slice(0, m)), { ...measured, data: { measurement: { ...measured.data.measurement, takenAt: 'soon' } } })).toThrow(
      expect.objectContaining({ code: 'INVALID_LOG', message: expect.stringMatching(/^The measurementRecorded event could not be applied: data.measurement.takenAt "soon"/) }),
    );
    // A refused event leaves the state given as it was.
    const before = replay(whole.slice(0, m));
    const copy = JSON.parse(JSON.stringify(before));
    expect(() => evolve(before, { ...measured, at: '5 February' })).toThrow('could not be applied');
    expect(before).toEqual(copy);
    expect(() => evolve(before, null as unknown as CaseEvent)).toThrow(expect.objectContaining({ code: 'INVALID_LOG', message: 'An event must be an object, not null' }));
    expect(canonicalAt(e)).toBe(e);
    expect(canonicalAt({ ...e, at: '2026-02-01T12:00:00+01:00' }).at).toBe('2026-02-01T11:00:00.000Z');
    expect(canonicalInstant('2026-02-01T11:00:00.000Z', 'x')).toBe('2026-02-01T11:00:00.000Z');
    expect(() => canonicalInstant('2026-02-30T11:00:00Z', 'data.x')).toThrow(/^data.x "2026-02-30T11:00:00Z"/);
    expect(() => canonicalInstant(null, 'data.x')).toThrow('data.x is null, not an instant');
  });

  it('replayProgramme too, for a group programme whose log wrote its instants in any offset', () => {
    const withGroups = parseScenario({ programme: { capacity: 6, weeks: 4 } });
    if (!withGroups.ok) throw new Error('the programme scenario does not parse');
    const groups = [...simulateProgrammes(withGroups.scenario, { seed: 2, groups: 2 })];
    fc.assert(
      fc.property(fc.nat(groups.length - 1), offsetsArb, (k, offsets) => {
        const events = groups[k]?.programme.events ?? [];
        expect(replayProgramme(rewriteEach(events, cycling(offsets)) as ProgrammeEvent[])).toEqual(replayProgramme(events));
        expect(() => replayProgramme([...events.slice(0, 1), { ...(events[1] as ProgrammeEvent), at: 'tomorrow' }])).toThrow(expect.objectContaining({ code: 'INVALID_LOG' }));
      }),
      { numRuns: 20 },
    );
  });
});
