import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, type CaseState } from '../../../src/index.js';
import { positionOf, shareIndex } from '../../../src/case/store/series-index.js';
import { deriveAchievement, goalSeries } from '../../../src/case/rules/achievement.js';
import { caseAt, people, world } from '../fixtures.js';

// The id index and the cached last-two measurements of each goal are side structures: whatever the
// history of versions (branches included), they must answer exactly what a scan of the state answers.
// Amendments include ones that leave a measurement unscored: the goal must then forget its score.

describe('positionOf', () => {
  it('agrees with a scan, over versions that branch and share one index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(30), fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')), { minLength: 1, maxLength: 80 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'x'), { minLength: 1, maxLength: 20 }),
        (steps, probes) => {
          // Each step copies an earlier version (as copy-on-write does) and appends one entry.
          const versions: { id: string }[][] = [[]];
          let n = 0;
          for (const [from, letter] of steps) {
            const base = versions[from % versions.length] as { id: string }[];
            positionOf(base, 'probe'); // index the base, so the copy shares it
            const id = `${letter}${n++ % 3}`;
            if (base.some((e) => e.id === id)) continue; // ids are unique within a version, as in a case
            const copy = [...base];
            shareIndex(base, copy);
            copy.push({ id });
            versions.push(copy);
          }
          for (const v of versions) {
            for (const letter of probes) {
              for (const k of [0, 1, 2]) {
                const id = `${letter}${k}`;
                expect(positionOf(v, id)).toBe(v.findIndex((e) => e.id === id));
              }
            }
          }
        },
      ),
    );
  });
});

/** The fixture case with `n` measurements more (so that its series is indexed, or kept as a vector). */
function withMeasurements(n: number): CaseState {
  let state = caseAt('active');
  let at = Date.parse('2026-01-20T00:00:00.000Z');
  const ctx = { actor: people.lead, now: () => new Date((at += 1000)).toISOString() };
  for (let i = 0; i < n; i++) {
    const r = dispatch(state, { type: 'recordMeasurement', instrumentId: 'phq9', score: (i * 7) % 28, takenAt: new Date(at - (i % 5) * 3_600_000).toISOString(), source: 'clinician-rated' }, ctx);
    if (!r.ok) throw r.error;
    state = r.state;
  }
  return state;
}

describe.each([
  ['a short series', 0],
  ['an indexed series (cached last two)', 300],
  ['a series kept as a vector', 1100],
])('cached goal achievement, %s', (_name, size) => {
  it('equals the achievement derived from the whole series, after any records, amendments and voidings', () => {
    const start = withMeasurements(size);
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('record' as const), score: fc.integer({ min: 0, max: 27 }), daysBack: fc.integer({ min: 0, max: 20 }) }),
            fc.record({ kind: fc.constant('amend' as const), which: fc.nat(), score: fc.integer({ min: 0, max: 27 }) }),
            // Amended to answers too incomplete to score: the measurement stays, without a score.
            fc.record({ kind: fc.constant('blank' as const), which: fc.nat() }),
            fc.record({ kind: fc.constant('void' as const), which: fc.nat() }),
            fc.record({ kind: fc.constant('branch' as const), which: fc.nat() }),
          ),
          { maxLength: 40 },
        ),
        (steps) => {
          const ctx = world('2026-03-01T09:00:00.000Z');
          const versions: CaseState[] = [start];
          let state = start;
          for (const step of steps) {
            if (step.kind === 'branch') {
              state = versions[step.which % versions.length] as CaseState;
              continue;
            }
            const ids = state.measurements.map((m) => m.id);
            const command =
              step.kind === 'record'
                ? { type: 'recordMeasurement', instrumentId: 'phq9', score: step.score, takenAt: new Date(Date.parse('2026-02-28T00:00:00.000Z') - step.daysBack * 86_400_000).toISOString(), source: 'clinician-rated' }
                : ids.length === 0
                  ? undefined
                  : step.kind === 'amend'
                    ? { type: 'amendMeasurement', measurementId: ids[step.which % ids.length], score: step.score, reason: 'Corrected' }
                    : step.kind === 'blank'
                      ? { type: 'amendMeasurement', measurementId: ids[step.which % ids.length], responses: [null, null, null, null, null, null, null, null, 1], reason: 'Items misattributed' }
                    : { type: 'voidMeasurement', measurementId: ids[step.which % ids.length], reason: 'Wrong client' };
            if (command === undefined) continue;
            const r = dispatch(state, command, ctx(people.lead));
            if (r.ok) {
              state = r.state;
              versions.push(state);
            }
          }
          for (const v of versions) {
            const goal = v.goals['g-1'];
            if (goal === undefined) continue;
            const series = goalSeries(v, goal);
            expect(goal.achievement).toBe(deriveAchievement(goal, series.slice(-2)));
          }
        },
      ),
      { numRuns: size === 0 ? 200 : 40 },
    );
  });
});
