import { describe, expect, it } from 'vitest';
import { alerts, dispatch, goalProgress, steppingClock, summary, timeline, type CaseState } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { caseAt, must, people, world } from '../case/fixtures.js';

// DESIGN.md §2.1: one canonical instant. Input with an offset is converted at the boundary, so
// string order is time order everywhere inside.

const later = world('2026-03-01T09:00:00.000Z');
const measure = (s: CaseState, takenAt: string, score: number, ctx = later) =>
  must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score, takenAt, source: 'client-report', goalIds: ['g-1'] }, ctx(people.lead));

describe('instants written with an offset', () => {
  it('are stored as UTC with Z and milliseconds', () => {
    const s = measure(caseAt('active'), '2026-02-01T10:00:00+02:00', 15);
    expect(s.measurements.at(-1)?.takenAt).toBe('2026-02-01T08:00:00.000Z');
    const o = must(null, { type: 'openCase', caseId: 'c-9', clientId: 'client-9', referral: { source: 'GP', reason: 'Low mood for months', urgency: 'routine', receivedAt: '2026-01-02T00:30:00+05:30' }, setting: 'clinic' }, world()(people.lead));
    expect(o.referral.receivedAt).toBe('2026-01-01T19:00:00.000Z');
  });

  it('order by the instant they denote: the later PHQ-9 is the latest, whatever its text', () => {
    // 09:00+02:00 is 07:00Z, before 08:00Z; as text it sorts after.
    let s = caseAt('active');
    s = measure(s, '2026-02-01T08:00:00.000Z', 5);
    s = measure(s, '2026-02-01T09:00:00+02:00', 20);
    const progress = goalProgress(s, 'g-1');
    expect(progress.latest).toBe(5);
    expect(progress.series.map((p) => p.value)).toEqual([20, 5]);
    expect(s.measurements.map((m) => m.takenAt)).toEqual(['2026-02-01T08:00:00.000Z', '2026-02-01T07:00:00.000Z']);
  });

  it('a time with no offset, an impossible date, or a year outside 0000–9999 is refused', () => {
    const s = caseAt('active');
    for (const takenAt of ['2026-02-01T10:00:00', '2026-02-30T10:00:00Z', '0000-01-01T00:30:00+01:00']) {
      const r = dispatch(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 5, takenAt, source: 'client-report' }, world('2026-03-01T09:00:00.000Z')(people.lead));
      expect(r.ok, takenAt).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_COMMAND');
    }
  });

  it('queries take asOf with any offset, or a date, and read it as the instant it denotes', () => {
    const s = caseAt('active');
    expect(summary(s, '2026-03-01T10:00:00+01:00')).toEqual(summary(s, '2026-03-01T09:00:00.000Z'));
    expect(alerts(s, '2026-12-01')).toEqual(alerts(s, '2026-12-01T00:00:00.000Z'));
    expect(() => alerts(s, 'tomorrow')).toThrow(RangeError);
  });
});

describe('the clock', () => {
  it('a clock behind the case’s last event is refused (CONFLICT), and the state is untouched', () => {
    const s = caseAt('active');
    const r = dispatch(s, { type: 'addNote', noteId: 'nt-1', kind: 'communication', text: 'Called the client', authorMemberId: 'm-lead', visibility: 'team' }, { actor: people.lead, now: () => '2026-01-01T00:00:00.000Z' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.issues[0]?.path).toEqual(['now']);
      expect(r.error.message).toMatch(/clocks disagree/);
    }
  });

  it('the same instant as the last event is accepted', () => {
    const s = caseAt('active');
    const r = dispatch(s, { type: 'startReview' }, { actor: people.lead, now: () => s.updatedAt });
    expect(r.ok).toBe(true);
  });

  it('a clock outside the years 0000–9999 is refused', () => {
    for (const now of [() => new Date(253_402_300_800_000), () => '+010000-01-01T00:00:00.000Z', () => new Date(-62_167_219_200_001)]) {
      const r = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood for months', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }, { actor: people.lead, now });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_COMMAND');
    }
  });
});

describe('records from other systems are judged by the instant denoted', () => {
  function recordOf(): ReturnType<typeof toRecord> {
    const events = [];
    const ctx = { actor: people.lead, now: steppingClock('2026-01-05T09:00:00.000Z', 3_600_000) };
    let r = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood for months', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }, ctx);
    if (!r.ok) throw r.error;
    events.push(...r.events);
    r = dispatch(r.state, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview'] }, ctx);
    if (!r.ok) throw r.error;
    events.push(...r.events);
    return toRecord(events, r.state);
  }

  it('an event written with +02:00 that follows in time is valid (no false CHRONOLOGY), and the state is canonical', () => {
    const record = recordOf();
    // 10:00Z written as 12:00+02:00: later than 09:00Z, and the text sorts after too; 10:30+02:00 (08:30Z) would not.
    const events = record.events.map((e, i) => (i === 1 ? { ...e, at: '2026-01-05T12:00:00+02:00' } : e));
    const result = validateRecord({ ...record, events });
    expect(result.issues).toEqual([]);
    expect(result.state?.updatedAt).toBe('2026-01-05T10:00:00.000Z');
  });

  it('an offset instant whose text sorts later but denotes an earlier time is a CHRONOLOGY error', () => {
    const record = recordOf();
    const events = record.events.map((e, i) => (i === 1 ? { ...e, at: '2026-01-05T10:30:00+02:00' } : e));
    const result = validateRecord({ ...record, events: events });
    expect(result.issues.map((i) => i.code)).toContain('CHRONOLOGY');
  });

  it('a snapshot with offsets equals the replay when the instants are the same', () => {
    const record = recordOf();
    const snapshot = { ...record.snapshot, updatedAt: '2026-01-05T12:00:00+02:00' };
    expect(validateRecord({ ...record, snapshot }).valid).toBe(true);
    const wrong = { ...record.snapshot, updatedAt: '2026-01-05T12:00:00+01:00' };
    expect(validateRecord({ ...record, snapshot: wrong }).issues.map((i) => i.path)).toEqual(['/snapshot/updatedAt']);
  });

  it('timeline is in time order whatever offsets the commands used', () => {
    let s = caseAt('active');
    s = measure(s, '2026-02-01T08:00:00.000Z', 5);
    s = measure(s, '2026-02-01T09:00:00+02:00', 20);
    const entries = timeline(s, people.lead);
    const ats = entries.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
  });
});
