import { describe, expect, it } from 'vitest';
import { dispatch, goalProgress, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from './fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const rule = (state: CaseState, command: object, actor: { id: string; role: string } = people.lead) => {
  const r = dispatch(state, command, ctx(actor as never));
  return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
};
const phq = (id: string, responses: (number | null)[], takenAt?: string) => ({
  type: 'recordMeasurement',
  measurementId: id,
  instrumentId: 'phq9',
  responses,
  source: 'client-report',
  ...(takenAt ? { takenAt } : {}),
});

describe('measurements: final → amended | entered-in-error', () => {
  it('scores instrument responses with the measures module, flags item 9, and keeps them', () => {
    const s = must(caseAt('active'), phq('ms-1', [2, 2, 2, 2, 2, 2, 2, 1, 1]), ctx(people.client));
    expect(s.measurements[0]).toMatchObject({ id: 'ms-1', status: 'final', score: 16, band: 'moderately severe', flags: ['self-harm-thoughts'], source: 'client-report' });
  });

  it('takes a total or an indicator value, and refuses what cannot be scored', () => {
    const s = caseAt('active');
    expect(rule(s, { type: 'recordMeasurement', instrumentId: 'gad7', score: 12, source: 'clinician-rated' })).toBe('ok');
    expect(rule(s, { type: 'recordMeasurement', indicator: 'days worked per week', score: 2, source: 'observer' })).toBe('ok');
    expect(rule(s, { type: 'recordMeasurement', instrumentId: 'gad7', score: 40, source: 'client-report' })).toBe('GUARD_FAILED:scorable');
    expect(rule(s, phq('ms-x', [1, 1, 1, 1, 1, 1, 1, null, null]))).toBe('GUARD_FAILED:scorable');
    expect(rule(s, { type: 'recordMeasurement', instrumentId: 'phq9', indicator: 'x', score: 3, source: 'client-report' })).toBe('INVALID_COMMAND:oneSubject');
    expect(rule(s, { type: 'recordMeasurement', instrumentId: 'nope', score: 3, source: 'client-report' })).toBe('GUARD_FAILED:knownInstrument');
    expect(rule(s, { ...phq('ms-f', [0, 0, 0, 0, 0, 0, 0, 0, 0]), takenAt: '2030-01-01T00:00:00.000Z' })).toBe('GUARD_FAILED:notInFuture');
    expect(rule(s, { ...phq('ms-g', [0, 0, 0, 0, 0, 0, 0, 0, 0]), goalIds: ['g-404'] })).toBe('NOT_FOUND:');
    expect(rule(s, { type: 'recordMeasurement', instrumentId: 'gad7', score: 3, source: 'client-report', goalIds: ['g-1'] })).toBe('GUARD_FAILED:measuresGoal');
  });

  it('an amendment keeps the prior value in its history', () => {
    let s = must(caseAt('active'), phq('ms-1', [2, 2, 2, 2, 2, 2, 2, 1, 0]), ctx(people.client));
    s = must(s, { type: 'amendMeasurement', measurementId: 'ms-1', score: 12, reason: 'Item 3 misread' }, ctx(people.lead));
    expect(s.measurements[0]).toMatchObject({ status: 'amended', score: 12, band: 'moderate', statusReason: 'Item 3 misread' });
    expect(s.measurements[0]?.history).toEqual([{ responses: [2, 2, 2, 2, 2, 2, 2, 1, 0], score: 15, band: 'moderately severe', flags: [], replacedAt: expect.any(String), reason: 'Item 3 misread' }]);
  });

  it('a closed case is still corrected, as it is still voided (reopening would say the client was referred again)', () => {
    let s = must(caseAt('active'), phq('ms-1', [2, 2, 2, 2, 2, 2, 2, 1, 0], '2026-01-20T09:00:00.000Z'), ctx(people.client));
    s = must(s, phq('ms-2', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-01-27T09:00:00.000Z'), ctx(people.client));
    s = must(s, { type: 'closeCase', reason: 'disengaged' }, ctx(people.lead));
    s = must(s, { type: 'amendMeasurement', measurementId: 'ms-2', score: 18, reason: 'Audit: total mistyped' }, ctx(people.lead));
    expect([s.status, s.measurements[1]?.status, s.measurements[1]?.score]).toEqual(['closed', 'amended', 18]);
    expect(goalProgress(s, 'g-1').latest).toBe(18);
    expect(rule(s, { type: 'amendMeasurement', measurementId: 'ms-2', score: 17, reason: 'x' }, people.client)).toBe('FORBIDDEN:');
  });

  it('a voided measurement leaves every computation but stays in the state and log', () => {
    let s = caseAt('active');
    s = must(s, phq('ms-1', [2, 2, 2, 2, 2, 2, 2, 1, 0], '2026-01-20T09:00:00.000Z'), ctx(people.client));
    s = must(s, phq('ms-2', [2, 2, 1, 1, 1, 1, 1, 1, 0], '2026-01-27T09:00:00.000Z'), ctx(people.client));
    const before = goalProgress(s, 'g-1');
    s = must(s, phq('ms-3', [0, 0, 0, 0, 0, 0, 0, 0, 0], '2026-01-30T09:00:00.000Z'), ctx(people.client));
    expect(goalProgress(s, 'g-1').achievement).toBe('achieved');
    s = must(s, { type: 'voidMeasurement', measurementId: 'ms-3', reason: 'Another client’s form' }, ctx(people.lead));
    expect(goalProgress(s, 'g-1')).toEqual(before);
    expect(s.measurements.map((m) => m.status)).toEqual(['final', 'final', 'entered-in-error']);
    expect(rule(s, { type: 'amendMeasurement', measurementId: 'ms-3', score: 1, reason: 'x' })).toBe('INVALID_TRANSITION:');
  });
});

describe('goal achievement and progress', () => {
  it('follows the FHIR achievement values as measurements arrive', () => {
    let s = caseAt('active'); // goal g-1: PHQ-9 from 17 to 9
    expect(goalProgress(s, 'g-1')).toMatchObject({ latest: null, fraction: null, achievement: 'in-progress' });
    const steps: [number[], string][] = [
      [[2, 2, 2, 2, 2, 2, 1, 1, 1], 'in-progress'], // 15
      [[2, 2, 2, 2, 2, 2, 2, 1, 1], 'worsening'], // 16
      [[2, 2, 2, 2, 2, 1, 1, 0, 0], 'improving'], // 12
      [[2, 2, 2, 2, 2, 1, 1, 0, 0], 'no-change'], // 12
      [[1, 1, 1, 1, 1, 1, 1, 1, 0], 'achieved'], // 8
      [[1, 1, 1, 1, 1, 1, 1, 0, 0], 'sustaining'], // 7
    ];
    steps.forEach(([responses, expected], i) => {
      s = must(s, phq(`ms-${i}`, responses, `2026-01-${String(10 + i).padStart(2, '0')}T09:00:00.000Z`), ctx(people.client));
      expect(s.goals['g-1']?.achievement, `step ${i}`).toBe(expected);
    });
    const p = goalProgress(s, 'g-1');
    expect(p).toMatchObject({ baseline: 17, target: 9, latest: 7, fraction: 10 / 8, achievement: 'sustaining' });
    expect(p.series.map((x) => x.value)).toEqual([15, 16, 12, 12, 8, 7]);
    expect(() => goalProgress(s, 'g-404')).toThrow(/No goal g-404/);
  });
});

describe('monitoring schedules', () => {
  it('sets one schedule per instrument, in days or weeks', () => {
    let s = must(caseAt('active'), { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 2, startDate: '2026-01-10' }, ctx(people.lead));
    s = must(s, { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyDays: 7, startDate: '2026-01-10' }, ctx(people.lead));
    expect(s.monitoring).toEqual([{ instrumentId: 'phq9', indicator: null, everyDays: 7, startDate: '2026-01-10' }]);
    expect(rule(s, { type: 'setMonitoringSchedule', instrumentId: 'gad7', everyDays: 7, everyWeeks: 1, startDate: '2026-01-10' })).toBe('INVALID_COMMAND:oneInterval');
  });
});
