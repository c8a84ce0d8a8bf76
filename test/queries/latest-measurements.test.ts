import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, type CaseState, type Measurement } from '../../src/index.js';
import { overdueMeasurements } from '../../src/queries/due.js';
import { riskItemStatuses, type RiskItemStatus } from '../../src/queries/risk.js';
import { addDaysUtc, calendarDaysUtc } from '../../src/case/rules/dates.js';
import { getInstrument } from '../../src/measures/instruments/registry.js';
import { caseAt, people, world } from '../case/fixtures.js';

// riskItemStatuses and overdueMeasurements read the latest measurements kept beside the series
// (series-tallies.ts). The references below are the former implementations, which grouped, sorted
// and scanned the whole series on every call: over any history, the answers must be the same.

function referenceRiskItems(state: CaseState): RiskItemStatus[] {
  const out: RiskItemStatus[] = [];
  const byInstrument = new Map<string, Measurement[]>();
  for (const m of state.measurements) {
    if (m.status === 'entered-in-error' || m.instrumentId === null) continue;
    byInstrument.set(m.instrumentId, [...(byInstrument.get(m.instrumentId) ?? []), m]);
  }
  const lastReview = state.riskHistory.length === 0 ? '' : (state.riskHistory[state.riskHistory.length - 1] as { at: string }).at;
  for (const [instrumentId, list] of byInstrument) {
    const instrument = getInstrument(instrumentId);
    if (instrument === undefined || instrument.riskItems.length === 0) continue;
    const series = list.slice().sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
    const newest = series[series.length - 1] as Measurement;
    for (const item of instrument.riskItems) {
      // A total alone above what the other items can reach, all at their highest, answers the item above its threshold.
      const othersMax = instrument.items.filter((_, i) => i !== item.item - 1).reduce((sum, allowed) => sum + Math.max(...allowed), 0);
      let answered: Measurement | undefined;
      for (let i = series.length - 1; i >= 0 && answered === undefined; i--) {
        const m = series[i] as Measurement;
        const response = m.responses?.[item.item - 1];
        if ((response !== null && response !== undefined) || (m.responses === null && m.score !== null && m.score - othersMax > item.above)) answered = m;
      }
      const response = answered?.responses?.[item.item - 1];
      if (answered !== undefined && answered.responses === null && !(lastReview > answered.recordedAt)) out.push({ instrumentId, item, status: 'implied', measurement: answered });
      else if (answered !== undefined && typeof response === 'number' && response > item.above && !(lastReview > answered.recordedAt)) out.push({ instrumentId, item, status: 'raised', measurement: answered });
      else if (newest.responses !== null && (newest.responses[item.item - 1] ?? null) === null) out.push({ instrumentId, item, status: 'unanswered', measurement: newest });
    }
  }
  return out;
}

function referenceOverdue(state: CaseState, asOf: string) {
  if (state.status === 'closed' || state.status === 'entered-in-error') return [];
  const out = [];
  for (const schedule of state.monitoring) {
    let last: string | null = null;
    for (const m of state.measurements) {
      if (m.status === 'entered-in-error' || m.instrumentId !== schedule.instrumentId || m.indicator !== schedule.indicator) continue;
      if (m.takenAt.slice(0, 10) < schedule.startDate) continue;
      if (last === null || m.takenAt > last) last = m.takenAt;
    }
    const dueOn = last === null ? schedule.startDate : addDaysUtc(last, schedule.everyDays);
    const daysOverdue = calendarDaysUtc(dueOn, asOf);
    if (daysOverdue > 0) out.push({ instrumentId: schedule.instrumentId, indicator: schedule.indicator, dueOn, daysOverdue, lastTakenAt: last });
  }
  return out;
}

const DAY = 86_400_000;
const T0 = Date.parse('2026-02-01T00:00:00.000Z');
const answer = fc.option(fc.integer({ min: 0, max: 3 }), { freq: 4 });

/** The fixture case with `n` PHQ-9 and mood-indicator measurements, days apart and out of order. */
function grown(n: number): CaseState {
  let state = caseAt('active');
  let at = Date.parse('2026-01-20T00:00:00.000Z');
  const ctx = { actor: people.lead, now: () => new Date((at += 1000)).toISOString() };
  for (let i = 0; i < n; i++) {
    const takenAt = new Date(Date.parse('2026-01-01T00:00:00.000Z') + (i % 17) * DAY).toISOString();
    const command = i % 4 === 0 ? { type: 'recordMeasurement', indicator: 'mood', score: i % 10, takenAt, source: 'client-report' } : { type: 'recordMeasurement', instrumentId: 'phq9', responses: [1, 1, 0, 2, 1, 0, 1, 0, i % 3 === 0 ? null : i % 2], takenAt, source: 'client-report' };
    const r = dispatch(state, command, ctx);
    if (!r.ok) throw r.error;
    state = r.state;
  }
  return state;
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('items' as const), responses: fc.array(answer, { minLength: 9, maxLength: 9 }), daysBack: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('total' as const), score: fc.integer({ min: 0, max: 27 }), daysBack: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('indicator' as const), score: fc.integer({ min: 0, max: 10 }), daysBack: fc.integer({ min: 0, max: 40 }) }),
  fc.record({ kind: fc.constant('amend' as const), which: fc.nat(), responses: fc.array(answer, { minLength: 9, maxLength: 9 }) }),
  fc.record({ kind: fc.constant('void' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('review' as const) }),
  fc.record({ kind: fc.constant('schedule' as const), what: fc.constantFrom('phq9', 'mood'), startDaysBack: fc.integer({ min: 0, max: 60 }), everyWeeks: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('branch' as const), which: fc.nat() }),
);

describe.each([
  ['short series (read whole)', 0],
  ['long series (kept)', 300],
  ['series kept as vectors', 1100],
])('risk items and overdue measurements from the kept latest measurements, %s', (_name, size) => {
  const base = grown(size);

  it('equal the former whole-series computation, over versions that branch', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: 90 }), (steps, asOfDays) => {
        const ctx = world('2026-03-15T09:00:00.000Z');
        const versions: CaseState[] = [base];
        let state = base;
        riskItemStatuses(base); // read first, so that later versions start from kept summaries
        for (const s of steps) {
          if (s.kind === 'branch') {
            state = versions[s.which % versions.length] as CaseState;
            continue;
          }
          const ms = state.measurements;
          // Mostly the recent ones (those the answers hang on), sometimes any.
          const pick = (i: number) => (i % 4 === 0 ? ms[(i >> 2) % Math.max(1, ms.length)] : i % 4 === 3 ? ms[ms.length - 1 - ((i >> 2) % 8)] : ms[ms.length - 1])?.id;
          const takenAt = 'daysBack' in s ? new Date(T0 + 40 * DAY - s.daysBack * DAY).toISOString() : undefined;
          const command =
            s.kind === 'items' ? { type: 'recordMeasurement', instrumentId: 'phq9', responses: s.responses, takenAt, source: 'client-report' }
            : s.kind === 'total' ? { type: 'recordMeasurement', instrumentId: 'phq9', score: s.score, takenAt, source: 'clinician-rated' }
            : s.kind === 'indicator' ? { type: 'recordMeasurement', indicator: 'mood', score: s.score, takenAt, source: 'client-report' }
            : s.kind === 'amend' ? { type: 'amendMeasurement', measurementId: pick(s.which), responses: s.responses, reason: 'Corrected' }
            : s.kind === 'void' ? { type: 'voidMeasurement', measurementId: pick(s.which), reason: 'Wrong client' }
            : s.kind === 'review' ? { type: 'recordRiskLevel', level: 'low', factors: [] }
            : { type: 'setMonitoringSchedule', ...(s.what === 'phq9' ? { instrumentId: 'phq9' } : { indicator: 'mood' }), everyWeeks: s.everyWeeks, startDate: new Date(T0 + 40 * DAY - s.startDaysBack * DAY).toISOString().slice(0, 10) };
          const r = dispatch(state, command, ctx(people.lead));
          if (!r.ok) continue;
          state = r.state;
          versions.push(state);
          riskItemStatuses(state); // read as we go, as a dashboard does
        }
        const asOf = new Date(T0 + asOfDays * DAY).toISOString();
        for (const v of versions) {
          expect(riskItemStatuses(v)).toEqual(referenceRiskItems(v));
          expect(overdueMeasurements(v, asOf)).toEqual(referenceOverdue(v, asOf));
        }
      }),
      { numRuns: size === 0 ? 150 : 60 },
    );
  });
});
