import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, replay, type CaseEvent, type CaseState, type Measurement } from '../../../src/index.js';
import { endsOf } from '../../../src/case/rules/outcomes.js';
import { attendedCount } from '../../../src/case/store/series-tallies.js';
import { seriesOf } from '../../../src/case/store/series.js';
import { people, phqGoal, referral, world } from '../fixtures.js';
import type { Actor } from '../../../src/case/model/primitives.js';

// The kept ends of each instrument and the count of attended sessions are side structures: whatever
// the history of versions (branches, amendments, voidings, attendance), they must answer exactly
// what grouping and sorting the state's own arrays answers.

const DAY = 86_400_000;

/** The reference: group the valid scored measurements by instrument and sort each stably by time. */
function naiveEnds(measurements: readonly Measurement[]): Record<string, { first: string; last: string; count: number }> {
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    if (m.status === 'entered-in-error' || m.instrumentId === null || m.score === null) continue;
    groups.set(m.instrumentId, [...(groups.get(m.instrumentId) ?? []), m]);
  }
  const out: Record<string, { first: string; last: string; count: number }> = {};
  for (const [id, list] of groups) {
    const sorted = [...list].sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
    out[id] = { first: (sorted[0] as Measurement).id, last: (sorted[sorted.length - 1] as Measurement).id, count: sorted.length };
  }
  return out;
}

function keptEnds(state: CaseState): Record<string, { first: string; last: string; count: number }> {
  const out: Record<string, { first: string; last: string; count: number }> = {};
  for (const [id, e] of endsOf(state)) out[id] = { first: e.first.id, last: e.last.id, count: e.count };
  return out;
}

/** An active case (as the fixtures' `caseAt('active')`, strategy started) with `n` measurements (two instruments, times out of order) and `n` sessions more. */
function grown(n: number): { state: CaseState; events: CaseEvent[] } {
  let state: CaseState | null = null;
  const events: CaseEvent[] = [];
  let at = Date.parse('2026-01-05T09:00:00.000Z');
  const run = (command: object, actor: Actor = people.lead): void => {
    const r = dispatch(state, command, { actor, now: () => new Date((at += 1000)).toISOString() });
    if (!r.ok) throw r.error;
    state = r.state;
    events.push(...r.events);
  };
  run({ type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' });
  run({ type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' });
  run({ type: 'assignLead', memberId: 'm-lead' });
  run({ type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' });
  run({ type: 'startAssessment', assessmentId: 'a-1', methods: ['interview'] });
  run({ type: 'recordNeed', needId: 'n-mood', domain: 'emotional', description: 'Persistent low mood', severity: 4, priority: 5 });
  run({ type: 'recordStrength', strengthId: 'st-1', description: 'Supportive partner' });
  run({ type: 'recordRiskScreen', level: 'low', factors: [] });
  run({ type: 'completeAssessment' });
  run({ type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-mood'], ...phqGoal });
  run({ type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] }, people.client);
  run({ type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'CBT', goalIds: ['g-1'], responsibleMemberId: 'm-ther', dose: { plannedSessions: 12, frequency: 'weekly' } });
  run({ type: 'planStrategy', strategyId: 's-1' });
  run({ type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: 'client-1' }, people.client);
  run({ type: 'activatePlan' });
  run({ type: 'startStrategy', strategyId: 's-1' });
  for (let i = 0; i < n; i++) {
    run({ type: 'recordMeasurement', instrumentId: i % 3 === 0 ? 'gad7' : 'phq9', score: (i * 7) % 22, takenAt: new Date(at - (i % 5) * 3_600_000).toISOString(), source: 'clinician-rated' });
    run({ type: 'scheduleSession', sessionId: `grown-${i}`, strategyId: 's-1', scheduledFor: new Date(at - DAY).toISOString() });
    if (i % 4 !== 3) run({ type: 'recordAttendance', sessionId: `grown-${i}`, attendance: i % 4 === 2 ? 'did-not-attend' : 'attended' });
  }
  return { state: state as unknown as CaseState, events };
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), instrument: fc.constantFrom('phq9', 'gad7'), score: fc.integer({ min: 0, max: 21 }), hoursBack: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('amend' as const), which: fc.nat(), score: fc.integer({ min: 0, max: 21 }) }),
  fc.record({ kind: fc.constant('unanswer' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('void' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('schedule' as const) }),
  fc.record({ kind: fc.constant('attend' as const), which: fc.nat(), attendance: fc.constantFrom('attended', 'did-not-attend', 'cancelled') }),
  fc.record({ kind: fc.constant('branch' as const), which: fc.nat() }),
);

describe.each([
  ['short series (read whole)', 0],
  ['long series (tallies kept)', 300],
  ['series kept as vectors', 1100],
])('instrument ends and attended sessions, %s', (_name, size) => {
  const base = grown(size);

  it('equal a grouping and sort of the state, over versions that branch, and after replay', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const ctx = world('2026-03-01T09:00:00.000Z');
        const strategyId = 's-1';
        const versions: { state: CaseState; events: CaseEvent[] }[] = [base];
        let current = base;
        let k = 0;
        // Read the tallies of the base first, so that later versions start from kept ones.
        keptEnds(base.state);
        for (const s of steps) {
          if (s.kind === 'branch') {
            current = versions[s.which % versions.length] as typeof current;
            continue;
          }
          const { state } = current;
          const ms = state.measurements;
          const scheduled = state.sessions.filter((x) => x.status === 'scheduled');
          const pick = <T,>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];
          const command =
            s.kind === 'record'
              ? { type: 'recordMeasurement', instrumentId: s.instrument, score: s.score, takenAt: new Date(Date.parse('2026-02-28T00:00:00.000Z') - s.hoursBack * 3_600_000).toISOString(), source: 'clinician-rated' }
              : s.kind === 'amend'
                ? { type: 'amendMeasurement', measurementId: pick(ms, s.which)?.id, score: s.score, reason: 'Corrected' }
                : s.kind === 'unanswer'
                  ? { type: 'amendMeasurement', measurementId: pick(ms, s.which)?.id, responses: [1, 2, 0, null, 1, 1, 0, 2, 0], reason: 'One answer was not given' }
                  : s.kind === 'void'
                    ? { type: 'voidMeasurement', measurementId: pick(ms, s.which)?.id, reason: 'Wrong client' }
                    : s.kind === 'schedule'
                      ? { type: 'scheduleSession', sessionId: `t-${k++}`, strategyId, scheduledFor: '2026-03-02T09:00:00.000Z' }
                      : { type: 'recordAttendance', sessionId: pick(scheduled, s.which)?.id, attendance: s.attendance };
          const r = dispatch(state, command, ctx(people.lead));
          if (!r.ok) continue;
          current = { state: r.state, events: [...current.events, ...r.events] };
          versions.push(current);
          // Read as we go (as evaluations do), so each version's tallies are kept and carried on.
          keptEnds(current.state);
          attendedCount(seriesOf(current.state, 'sessions'));
        }
        for (const v of versions) {
          expect(keptEnds(v.state)).toEqual(naiveEnds(v.state.measurements));
          expect(attendedCount(seriesOf(v.state, 'sessions'))).toBe(v.state.sessions.filter((x) => x.status === 'attended').length);
        }
        const last = versions[versions.length - 1] as (typeof versions)[number];
        const replayed = replay(last.events);
        expect(keptEnds(replayed)).toEqual(naiveEnds(replayed.measurements));
      }),
      { numRuns: size === 0 ? 150 : 30 },
    );
  });
});
