import { produce } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, sequentialIds, type CaseEvent, type CaseState } from '../../../src/index.js';
import {
  assessmentCopier,
  consentCopier,
  crisisCopier,
  goalCopier,
  measurementCopier,
  sessionCopier,
  stateCopier,
  strategyCopier,
  teamMemberCopier,
  type Copier,
} from '../../../src/case/store/copies.js';
import { edit, editEntry, editItem, writable } from '../../../src/case/store/draft.js';
import { freezesStates, setFreezesStates } from '../../../src/case/store/freezing.js';
import { applyEvent } from '../../../src/engine/apply-event.js';
import { caseAt, people } from '../fixtures.js';

/** Every object in the tree is frozen. */
function deeplyFrozen(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const bad = Object.isFrozen(value) ? [] : [path || '/'];
  for (const [k, v] of Object.entries(value)) bad.push(...deeplyFrozen(v, `${path}/${k}`));
  return bad;
}

const thaw = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('edit (copy-on-write)', () => {
  const base = caseAt('active');

  it('copies only the path to what changed and shares the rest', () => {
    const goalId = Object.keys(base.goals)[0] as string;
    const next = edit(base, (d) => {
      const g = editEntry(d, 'goals', goalId);
      if (g) g.statusReason = 'changed';
    });
    expect(next).not.toBe(base);
    expect(next.goals).not.toBe(base.goals);
    expect(next.goals[goalId]).not.toBe(base.goals[goalId]);
    expect(next.goals[goalId]?.statusReason).toBe('changed');
    expect(base.goals[goalId]?.statusReason).not.toBe('changed');
    // Untouched values are the very same objects.
    expect(next.strategies).toBe(base.strategies);
    expect(next.team).toBe(base.team);
    expect(next.goals[goalId]?.measure).toBe(base.goals[goalId]?.measure);
    for (const id of Object.keys(base.goals)) if (id !== goalId) expect(next.goals[id]).toBe(base.goals[id]);
  });

  it('copies a value once per edit, however often it is written', () => {
    const goalId = Object.keys(base.goals)[0] as string;
    let first: unknown;
    let second: unknown;
    edit(base, (d) => {
      first = editEntry(d, 'goals', goalId);
      second = editEntry(d, 'goals', goalId);
      expect(writable(d, d, 'statusHistory')).toBe(writable(d, d, 'statusHistory'));
    });
    expect(first).toBe(second);
  });

  it('freezes everything the edit made, however deep, and never thaws the base', () => {
    const next = edit(base, (d) => {
      d.closure = { reason: 'completed', at: '2026-03-01T00:00:00.000Z', summary: 'x' } as CaseState['closure'];
      const s = editItem(d, 'sessions', base.sessions[0]?.id ?? 'none');
      if (s) s.participants = ['a', 'b'];
      writable(d, d, 'riskHistory').push({ level: 'low', factors: ['f'], at: '2026-03-01T00:00:00.000Z' });
    });
    expect(deeplyFrozen(next)).toEqual([]);
    expect(deeplyFrozen(base)).toEqual([]);
  });

  it('freezes a state that arrives unfrozen (read from storage) before sharing it', () => {
    const stored = thaw(base);
    const next = edit(stored, (d) => {
      d.version += 1;
    });
    expect(deeplyFrozen(stored)).toEqual([]);
    expect(next.goals).toBe(stored.goals);
  });

  it('leaves the base as it was when the change throws, and ends the edit', () => {
    const snapshot = JSON.stringify(base);
    expect(() =>
      edit(base, (d) => {
        writable(d, d, 'statusHistory').push({ status: 'closed', at: 'x' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(JSON.stringify(base)).toBe(snapshot);
    // Outside an edit, writable changes in place (replay's private copy).
    const own = thaw(base);
    const history = own.statusHistory;
    expect(writable(own as never, own as { statusHistory: CaseState['statusHistory'] }, 'statusHistory')).toBe(history);
  });

  it('holds no module-level mode: a draft whose edit has ended, or another edit running inside, copies only for its own edit', () => {
    let kept: unknown;
    const next = edit(base, (d) => {
      kept = d;
      // An edit of another state inside this one (an app calling dispatch from a callback) keeps its own copies.
      const inner = edit(base, (e) => {
        writable(e, e, 'statusHistory').push({ status: 'closed', at: '2026-03-02T00:00:00.000Z' });
        // The outer edit's draft, written while the inner edit runs, still copies for the outer edit.
        writable(d, d, 'safetyPlans').push({ id: 'sp-x' } as never);
      });
      expect(base.safetyPlans).not.toContainEqual({ id: 'sp-x' });
      writable(d, d, 'riskHistory').push({ level: 'low', factors: [], at: '2026-03-01T00:00:00.000Z' });
      expect(inner.riskHistory).toBe(base.riskHistory);
      expect(inner.statusHistory).not.toBe(base.statusHistory);
    });
    expect(next.statusHistory).toBe(base.statusHistory);
    expect(next.riskHistory).toHaveLength(base.riskHistory.length + 1);
    // After its edit, the draft is a plain value: writing through it changes in place, copying nothing.
    const own = thaw(next);
    expect(writable(own as never, own, 'riskHistory')).toBe(own.riskHistory);
    expect(kept).toBe(next);
  });

  it('refuses to edit what holds no object', () => {
    expect(() =>
      edit(base, (d) => {
        writable(d, d, 'crisis');
      }),
    ).toThrow(TypeError);
  });
});

/** A case in review with a session, a measurement and an open crisis: one of every entity. */
function fullCase(newId: () => string = sequentialIds('f-')): CaseState {
  let s = caseAt('active');
  for (const command of [
    { type: 'startStrategy', strategyId: 's-1' },
    { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-01-04T09:00:00.000Z' },
    { type: 'recordMeasurement', instrumentId: 'phq9', responses: [2, 2, 1, 1, 1, 1, 1, 0, 0], source: 'client-report' },
    { type: 'recordRiskLevel', level: 'high', factors: ['plan'] },
    { type: 'startReview' },
  ]) {
    const r = dispatch(s, command, { actor: people.lead, now: () => '2026-06-01T09:00:00.000Z', newId });
    if (!r.ok) throw r.error;
    s = r.state;
  }
  return s;
}

describe('copiers', () => {
  const state = fullCase();
  const loose = (c: unknown) => c as Copier<object>;
  const samples: [string, Copier<object>, object | undefined | null][] = [
    // A state of plain arrays (as read from storage or replayed): series kept as vectors are covered below.
    ['state', loose(stateCopier), JSON.parse(JSON.stringify(state)) as object],
    ['assessment', loose(assessmentCopier), state.assessments[0]],
    ['goal', loose(goalCopier), Object.values(state.goals)[0]],
    ['strategy', loose(strategyCopier), Object.values(state.strategies)[0]],
    ['session', loose(sessionCopier), state.sessions[0]],
    ['team member', loose(teamMemberCopier), Object.values(state.team)[0]],
    ['consent', loose(consentCopier), Object.values(state.consents)[0]],
    ['measurement', loose(measurementCopier), state.measurements[0]],
    ['crisis', loose(crisisCopier), state.crisis],
  ];

  it.each(samples)('%s: copies every field, in order', (_name, copier, sample) => {
    expect(sample).toBeTruthy();
    const copy = copier.copy(sample as never) as object;
    expect(copy).not.toBe(sample);
    expect(Object.keys(copy)).toEqual(Object.keys(sample as object));
    expect(copy).toEqual(sample);
  });

  // Fields that hold an object or null: null in these samples, so named here.
  const nullableObjects: Record<string, string[]> = {
    state: ['closure', 'review', 'crisis'],
    assessment: ['culturalConsiderations', 'riskScreen'],
    goal: ['gas', 'outcome'],
    strategy: ['evidence'],
    measurement: ['responses'],
  };

  it.each(samples)('%s: visits every field that holds an object when it changed, and nothing else', (name, copier, sample) => {
    const copy = copier.copy(sample as never) as Record<string, unknown>;
    const replaced = new Map<unknown, string>();
    for (const [key, value] of Object.entries(copy)) {
      if ((typeof value === 'object' && value !== null) || (value === null && nullableObjects[name]?.includes(key))) {
        const fresh = Array.isArray(value) ? [] : { probe: key };
        copy[key] = fresh;
        replaced.set(fresh, key);
      }
    }
    const visited: string[] = [];
    copier.changed(copy as never, sample as never, (v) => visited.push(replaced.get(v) ?? '(unexpected)'));
    expect(visited.sort()).toEqual([...replaced.values()].sort());
    // An unchanged copy has nothing new.
    const same: unknown[] = [];
    copier.changed(copier.copy(sample as never), sample as never, (v) => same.push(v));
    expect(same).toEqual([]);
  });
});

describe('evolvers are draft mutators', () => {
  it('give under immer’s produce exactly the state dispatch gives', () => {
    const state = fullCase();
    const log: CaseEvent[] = [];
    const now = () => '2026-06-01T09:00:00.000Z';
    let s = state;
    for (const command of [
      { type: 'recordMeasurement', instrumentId: 'phq9', score: 4, source: 'client-report' },
      { type: 'amendMeasurement', measurementId: state.measurements[0]?.id ?? '', score: 9, reason: 'Misread' },
      { type: 'recordRiskLevel', level: 'imminent', factors: ['plan'] },
      { type: 'recordSafetyPlan', warningSigns: ['a'], copingStrategies: ['b'], socialContacts: [], professionalContacts: ['c'], meansSafety: [] },
      { type: 'recordEvaluation', status: 'final', goalOutcomes: [], barriers: ['time'], decision: 'continue' },
      { type: 'completeReview', outcome: 'continue' },
    ]) {
      const r = dispatch(s, command, { actor: people.lead, now });
      if (!r.ok) throw r.error;
      const viaImmer = produce(s, (d) => {
        for (const e of r.events) applyEvent(d as never, e);
      });
      expect(viaImmer).toEqual(r.state);
      log.push(...r.events);
      s = r.state;
    }
    expect(log.length).toBeGreaterThan(4);
  });

});

describe('freezing follows NODE_ENV', () => {
  afterEach(() => setFreezesStates(undefined));

  it('freezes outside production and not in it', () => {
    const saved = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = 'test';
      setFreezesStates(undefined);
      expect(freezesStates()).toBe(true);
      process.env.NODE_ENV = 'production';
      setFreezesStates(undefined);
      expect(freezesStates()).toBe(false);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });

  it('without freezing, dispatch gives the same states and never changes an earlier one', () => {
    const run = () => {
      const newId = sequentialIds('x-');
      const states: CaseState[] = [fullCase(newId)];
      const snapshots = [JSON.stringify(states[0])];
      for (const command of [
        { type: 'scheduleSession', sessionId: 'v-2', strategyId: 's-1', scheduledFor: '2026-01-05T09:00:00.000Z' },
        { type: 'recordAttendance', sessionId: 'v-2', attendance: 'attended' },
        { type: 'recordMeasurement', instrumentId: 'phq9', score: 3, source: 'client-report' },
        { type: 'amendMeasurement', measurementId: states[0]?.measurements[0]?.id ?? '', score: 9, reason: 'Misread' },
        { type: 'recordSafetyPlan', warningSigns: ['a'], copingStrategies: ['b'], socialContacts: [], professionalContacts: ['c'], meansSafety: [] },
      ]) {
        const r = dispatch(states[states.length - 1] as CaseState, command, { actor: people.lead, now: () => '2026-06-01T09:00:00.000Z', newId });
        if (!r.ok) throw r.error;
        states.push(r.state);
        snapshots.push(JSON.stringify(r.state));
      }
      // Copy-on-write, not freezing, is what keeps each earlier state as it was.
      states.forEach((state, i) => expect(JSON.stringify(state)).toBe(snapshots[i]));
      return states;
    };
    const frozen = run();
    setFreezesStates(false);
    const thawed = run();
    expect(Object.isFrozen(thawed[thawed.length - 1])).toBe(false);
    expect(thawed).toEqual(frozen);
    expect(thawed[2]?.goals).toBe(thawed[1]?.goals);
  });
});

describe('large edits', () => {
  it('stay correct when one edit copies many values (closing a case cancels every scheduled session)', () => {
    let s = caseAt('active');
    const ctx = { actor: people.lead, now: () => '2026-06-01T09:00:00.000Z', newId: sequentialIds('big-') };
    const must = (command: object) => {
      const r = dispatch(s, command, ctx);
      if (!r.ok) throw r.error;
      s = r.state;
    };
    must({ type: 'startStrategy', strategyId: 's-1' });
    for (let i = 0; i < 60; i++) must({ type: 'scheduleSession', sessionId: `b-${i}`, strategyId: 's-1', scheduledFor: '2026-07-01T09:00:00.000Z' });
    const before = s;
    const snapshot = JSON.stringify(before);
    must({ type: 'startReview' });
    must({ type: 'recordEvaluation', status: 'final', goalOutcomes: [], barriers: [], decision: 'close' });
    must({ type: 'closeCase', reason: 'disengaged' });
    expect(s.sessions.filter((x) => x.status === 'cancelled')).toHaveLength(60);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(before.sessions.every((x) => x.status === 'scheduled')).toBe(true);
    expect(deeplyFrozen(s)).toEqual([]);
  });
});
