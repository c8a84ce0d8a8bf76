import fc from 'fast-check';
import { Immer } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dispatch,
  goalProgress,
  machineEntries,
  machines,
  replay,
  sequentialIds,
  steppingClock,
  type Actor,
  type CaseEvent,
  type CaseState,
  type CommandType,
} from '../../src/index.js';
import { freezesStates, setFreezesStates } from '../../src/case/store/freezing.js';
import { applyEvent } from '../../src/engine/apply-event.js';
import { deriveAchievement, goalSeries } from '../../src/case/rules/achievement.js';
import { OPEN_GOAL_STATUSES } from '../../src/case/model/goal.js';
import { caseAt, people, referral } from '../case/fixtures.js';
import { expectTablesChoseStatuses } from './entity-tables.js';
import { actors, stepsArb, templates } from './random-commands.js';

const rows = new Map(machineEntries(machines.case).map((e) => [e.command, e]));
const OPEN_CONSENT_STATUSES = new Set(['active', 'reviewing']);

function run(steps: readonly [number, number][]) {
  const now = steppingClock('2026-01-05T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('r-');
  const first = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!first.ok) throw first.error;
  let state: CaseState = first.state;
  const log: CaseEvent[] = [...first.events];
  for (const [a, t] of steps) {
    const command = templates[t % templates.length] as { type: string };
    const before = state;
    const snapshot = JSON.stringify(before);
    const r = dispatch(state, command, { actor: actors[a % actors.length] as Actor, now, newId });
    if (!r.ok) {
      // A refusal leaves the very same, unchanged state behind.
      expect(JSON.stringify(before)).toBe(snapshot);
      continue;
    }
    const row = rows.get(command.type as CommandType);
    const targets = row?.to === 'unchanged' ? [before.status] : (row?.to ?? []);
    expect(targets, `${before.status} + ${command.type} → ${r.state.status}`).toContain(r.state.status);
    expect(r.state.statusHistory.length).toBeGreaterThanOrEqual(before.statusHistory.length);
    expectTablesChoseStatuses(command.type, before, r.state);
    if (OPEN_CONSENT_STATUSES.has(r.state.status)) {
      const lead = r.state.leadMemberId === null ? undefined : r.state.team[r.state.leadMemberId];
      expect(lead?.status, 'exactly one active lead once the plan is in force').toBe('active');
    }
    expect(JSON.stringify(before)).toBe(snapshot);
    // A goal still open follows its valid measurements, however they were recorded, amended or voided.
    for (const goal of Object.values(r.state.goals)) {
      if (OPEN_GOAL_STATUSES.includes(goal.status)) expect(goal.achievement, `${goal.id} after ${command.type}`).toBe(deriveAchievement(goal, goalSeries(r.state, goal)));
    }
    if (freezesStates()) expect(unfrozen(r.state), 'the new state is frozen all the way down').toEqual([]);
    // The evolvers are draft mutators: immer's produce gives the same state as dispatch's copy-on-write.
    expect(immer.produce(before, (d) => r.events.forEach((e) => applyEvent(d as never, e)))).toEqual(r.state);
    log.push(...r.events);
    state = r.state;
  }
  return { state, log };
}

// immer without freezing, so checking the evolvers under produce never freezes the states under test.
const immer = new Immer({ autoFreeze: false });

/** The paths of every object in the tree that is not frozen. */
function unfrozen(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const bad = Object.isFrozen(value) ? [] : [path || '/'];
  for (const [k, v] of Object.entries(value)) bad.push(...unfrozen(v, `${path}/${k}`));
  return bad;
}

describe('random command sequences from random actors', () => {
  afterEach(() => setFreezesStates(undefined));

  it.each([
    ['frozen (development and tests)', true],
    ['not frozen (production)', false],
  ])('keep every invariant; replay(events) equals the state; JSON round-trips — states %s', (_mode, freeze) => {
    setFreezesStates(freeze);
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { state, log } = run(steps);
        log.forEach((e, i) => {
          expect(e.seq).toBe(i + 1);
          expect(e.actor.id.length).toBeGreaterThan(0);
          if (i > 0) expect(e.at >= (log[i - 1] as CaseEvent).at).toBe(true);
        });
        expect(replay(log)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        expect(state.version).toBe(log.length);
      }),
      { numRuns: 150 },
    );
  });

  it('reach deep into the lifecycle often enough to be meaningful', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(stepsArb, (steps) => {
        for (const s of run(steps).state.statusHistory) reached.add(s.status);
      }),
      { numRuns: 150, seed: 42 },
    );
    expect([...reached]).toEqual(expect.arrayContaining(['referred', 'assessing', 'planning', 'active', 'reviewing', 'on-hold', 'closed']));
  });
});

describe('voided measurements', () => {
  it('never change any computed outcome: achievement, progress, evaluation statistics', () => {
    const score = fc.integer({ min: 0, max: 27 });
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 8 }), score, fc.nat(7), (scores, intruder, position) => {
        const now = steppingClock('2026-02-01T09:00:00.000Z', 3_600_000);
        const ctx = { actor: people.lead, now, newId: sequentialIds('p-') };
        const base = caseAt('reviewing');
        const withScores = (s: CaseState, list: readonly number[], extra?: number) => {
          let out = s;
          const record = (command: object) => {
            const r = dispatch(out, command, ctx);
            if (!r.ok) throw r.error;
            out = r.state;
          };
          const at = position % (list.length + 1);
          list.forEach((v, i) => {
            if (extra !== undefined && i === at) record({ type: 'recordMeasurement', measurementId: 'intruder', instrumentId: 'phq9', score: extra, source: 'observer' });
            record({ type: 'recordMeasurement', instrumentId: 'phq9', score: v, source: 'client-report' });
          });
          if (extra !== undefined && at === list.length) record({ type: 'recordMeasurement', measurementId: 'intruder', instrumentId: 'phq9', score: extra, source: 'observer' });
          return out;
        };
        const evaluate = (s: CaseState) => {
          const r = dispatch(s, { type: 'recordEvaluation', evaluationId: 'e-x', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx);
          if (!r.ok) throw r.error;
          return r.state;
        };
        const clean = evaluate(withScores(base, scores));
        let dirty = withScores(base, scores, intruder);
        const v = dispatch(dirty, { type: 'voidMeasurement', measurementId: 'intruder', reason: 'Wrong client' }, ctx);
        if (!v.ok) throw v.error;
        dirty = evaluate(v.state);
        expect(dirty.goals['g-1']?.achievement).toBe(clean.goals['g-1']?.achievement);
        expect(goalProgress(dirty, 'g-1').series.map((p) => p.value)).toEqual(goalProgress(clean, 'g-1').series.map((p) => p.value));
        expect(dirty.evaluations['e-x']?.measureChanges).toEqual(clean.evaluations['e-x']?.measureChanges);
      }),
      { numRuns: 80 },
    );
  });
});
