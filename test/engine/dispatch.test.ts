import { describe, expect, it } from 'vitest';
import { command, decide, dispatch, dispatchOrThrow, evolve, LifecycleError, openCase, replay, type CaseEvent, type CaseState } from '../../src/index.js';
import { caseAt, must, people, referral, world } from '../case/fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');

// A short case built through dispatch, with every event it recorded.
function logOf(): { state: CaseState; events: CaseEvent[] } {
  const events: CaseEvent[] = [];
  const c = world();
  const record = (state: CaseState | null, command: object, context = c(people.lead)) => {
    const r = dispatch(state, command, context);
    if (!r.ok) throw r.error;
    events.push(...r.events);
    return r.state;
  };
  let s = record(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' });
  s = record(s, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' });
  s = record(s, { type: 'assignLead', memberId: 'm-lead' });
  s = record(s, { type: 'startAssessment', methods: ['interview'] });
  s = record(s, { type: 'recordNeed', needId: 'n-1', domain: 'emotional', description: 'Low mood', severity: 3, priority: 4 });
  return { state: s, events };
}

describe('dispatch', () => {
  it('refuses a malformed command with INVALID_COMMAND and the zod issues, leaving the state as it was', () => {
    const state = caseAt('active');
    const before = JSON.stringify(state);
    const r = dispatch(state, { type: 'holdCase', reason: '', extra: 1 }, ctx(people.lead));
    if (r.ok) throw new Error('expected refusal');
    expect(r.error.code).toBe('INVALID_COMMAND');
    expect(r.error.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['reason', '']));
    expect(JSON.stringify(state)).toBe(before);
    expect(Object.isFrozen(state)).toBe(true);
  });

  it('refuses unknown command types and non-objects without throwing', () => {
    for (const bad of [null, 42, 'startReview', { type: 'fly' }, { type: '__proto__' }, { type: 'constructor' }, []]) {
      const r = dispatch(caseAt('active'), bad, ctx(people.lead));
      expect(r.ok || r.error.code).toBe('INVALID_COMMAND');
    }
  });

  it('refuses a context without a valid actor', () => {
    const r = dispatch(caseAt('active'), { type: 'startReview' }, { actor: { id: 'x', role: 'wizard' } } as never);
    expect(r.ok || r.error.code).toBe('INVALID_COMMAND');
    const clock = dispatch(caseAt('active'), { type: 'startReview' }, { actor: people.lead, now: () => 'soon' });
    expect(clock.ok || clock.error.issues[0]?.path).toEqual(['now']);
  });

  it('checks expectedVersion (CONFLICT)', () => {
    const state = caseAt('active');
    const r = dispatch(state, { type: 'startReview' }, ctx(people.lead, { expectedVersion: state.version - 1 }));
    expect(r.ok || r.error.code).toBe('CONFLICT');
    expect(dispatch(state, { type: 'startReview' }, ctx(people.lead, { expectedVersion: state.version })).ok).toBe(true);
  });

  it('stamps every event with case, seq, time and actor', () => {
    const state = caseAt('active');
    const r = dispatch(state, { type: 'startReview' }, { actor: people.lead, now: () => new Date(Date.UTC(2026, 1, 3)) });
    if (!r.ok) throw r.error;
    expect(r.events).toEqual([{ type: 'reviewStarted', caseId: 'c-1', seq: state.version + 1, at: '2026-02-03T00:00:00.000Z', actor: people.lead, data: {} }]);
    expect(r.state.version).toBe(state.version + 1);
    expect(r.state.updatedAt).toBe('2026-02-03T00:00:00.000Z');
  });

  it('is deterministic: the same inputs give the same output byte for byte', () => {
    const run = () => JSON.stringify(caseAt('closed', world('2026-01-05T09:00:00.000Z')));
    expect(run()).toBe(run());
  });

  it('dispatchOrThrow throws the LifecycleError', () => {
    expect(() => dispatchOrThrow(caseAt('active'), { type: 'resumeCase' }, ctx(people.lead))).toThrow(LifecycleError);
    expect(dispatchOrThrow(caseAt('active'), { type: 'startReview' }, ctx(people.lead)).state.status).toBe('reviewing');
  });

  it('decide returns events without a state', () => {
    const r = decide(caseAt('active'), { type: 'startReview' }, ctx(people.lead));
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['reviewStarted']);
  });

  it('openCase is dispatch from null', () => {
    const r = openCase({ clientId: 'client-3', referral, setting: 'home' }, { actor: people.lead, newId: () => 'c-generated', now: () => '2026-01-03T00:00:00.000Z' });
    expect(r.ok && r.state.id).toBe('c-generated');
  });
});

describe('permissions', () => {
  it('refuses roles outside the matrix with FORBIDDEN', () => {
    const r = dispatch(caseAt('planned'), { type: 'activatePlan' }, ctx(people.client));
    expect(r.ok || [r.error.code, r.error.message]).toEqual(['FORBIDDEN', 'Cannot activatePlan: activatePlan needs the role lead-practitioner, supervisor; client-1 acts as client']);
  });

  it('refuses clinicians who are not on the care team, and other clients', () => {
    expect(dispatch(caseAt('active'), { type: 'startReview' }, ctx(people.stranger)).ok).toBe(false);
    expect(dispatch(caseAt('active'), { type: 'recordConsent', scope: 'research', grantedBy: 'client-1' }, ctx({ id: 'client-2', role: 'client' })).ok).toBe(false);
    expect(dispatch(caseAt('active'), { type: 'startReview' }, ctx(people.supervisor)).ok).toBe(true);
  });

  it('lets the app replace roles and add a rule', () => {
    const custom = world('2026-02-01T09:00:00.000Z', {
      roles: { startReview: ['therapist'] },
      authorize: (actor, command) => command.type !== 'holdCase' || actor.id !== 'p-ther' || 'this therapist may not hold cases',
    });
    expect(dispatch(caseAt('active'), { type: 'startReview' }, custom(people.lead)).ok).toBe(false);
    expect(dispatch(caseAt('active'), { type: 'startReview' }, custom(people.therapist)).ok).toBe(true);
    const r = dispatch(caseAt('active'), { type: 'holdCase', reason: 'x' }, custom(people.therapist));
    expect(r.ok || r.error.message).toBe('Cannot holdCase: this therapist may not hold cases');
  });
});

describe('evolve and replay', () => {
  it('replay(events) equals the dispatched state', () => {
    const { state, events } = logOf();
    expect(replay(events)).toEqual(state);
    let folded: CaseState | null = null;
    for (const e of events) folded = evolve(folded, e);
    expect(folded).toEqual(state);
  });

  it('refuses an illegal log with INVALID_LOG naming the event', () => {
    const { events } = logOf();
    const bad = (mutate: (es: CaseEvent[]) => CaseEvent[]) => {
      try {
        replay(mutate(events.map((e) => ({ ...e }))));
        return 'no error';
      } catch (e) {
        return (e as LifecycleError).code;
      }
    };
    expect(bad(() => [])).toBe('INVALID_LOG');
    expect(bad((es) => es.slice(1))).toBe('INVALID_LOG');
    expect(bad((es) => [es[0] as CaseEvent, ...es.slice(2)])).toBe('INVALID_LOG');
    expect(bad((es) => es.map((e, i) => (i === 2 ? { ...e, caseId: 'c-other' } : e)))).toBe('INVALID_LOG');
    expect(bad((es) => es.map((e, i) => (i === 2 ? ({ ...e, type: 'magic' } as unknown as CaseEvent) : e)))).toBe('INVALID_LOG');
    expect(bad((es) => [...es, { ...(es[0] as CaseEvent), seq: es.length + 1 }])).toBe('INVALID_LOG');
    expect(bad((es) => es.map((e, i) => (i === 4 ? ({ ...e, data: null } as unknown as CaseEvent) : e)))).toBe('INVALID_LOG');
    expect(bad((es) => es.map((e, i) => (i === 0 ? ({ ...e, data: {} } as unknown as CaseEvent) : e)))).toBe('INVALID_LOG');
  });

  it('state survives a JSON round trip', () => {
    const state = caseAt('closed');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('keeps the state immutable (frozen) after dispatch', () => {
    const s = must(caseAt('active'), { type: 'startReview' }, ctx(people.lead));
    expect(Object.isFrozen(s.goals['g-1'])).toBe(true);
  });
});

describe('command()', () => {
  it('adds the type to the payload, copies it, and the engine still validates the result', () => {
    const payload = { reason: 'Client in hospital' };
    const held = command('holdCase', payload);
    expect(held).toEqual({ type: 'holdCase', reason: 'Client in hospital' });
    expect(held).not.toBe(payload);
    expect(command('startReview')).toEqual({ type: 'startReview' });
    const r = dispatch(caseAt('active'), command('holdCase', { reason: ' ' }), ctx(people.lead));
    expect(r.ok || r.error.code).toBe('INVALID_COMMAND');
    expect(dispatch(caseAt('active'), held, ctx(people.lead)).ok).toBe(true);
  });
});

describe('refusals carry structured facts for a UI', () => {
  it('an invalid transition names the machine, the status and what it allows', () => {
    const r = dispatch(caseAt('active'), { type: 'completeAssessment' }, ctx(people.lead));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_TRANSITION');
    expect(r.error.status).toBe('active');
    expect(r.error.allowed).toContain('startReview');
    expect(r.error.allowed).not.toContain('completeAssessment');
    expect(r.error.refusedAt).toEqual({ machine: 'case', entityId: 'c-1', status: 'active', allowed: r.error.allowed });
    expect(JSON.parse(JSON.stringify(r.error)).refusedAt).toEqual(r.error.refusedAt);
  });

  it("a guard's refusal names the rule, the entity and its status", () => {
    const r = dispatch(caseAt('active'), { type: 'scheduleSession', strategyId: 's-1', scheduledFor: '2026-01-20T09:00:00.000Z' }, ctx(people.lead));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.rule).toBe('strategyActive');
    expect(r.error.refusedAt).toMatchObject({ machine: 'session', status: null });
    const planned = dispatch(caseAt('active'), { type: 'suspendStrategy', strategyId: 's-1', reason: 'Leave' }, ctx(people.lead));
    expect(planned.ok || planned.error.refusedAt).toEqual({ machine: 'strategy', entityId: 's-1', status: 'planned', allowed: ['startStrategy', 'discontinueStrategy', 'reassignStrategy'] });
  });

  it('refusals that are not a table’s carry none', () => {
    const r = dispatch(caseAt('active'), { type: 'startReview' }, ctx(people.client));
    expect(r.ok || [r.error.code, r.error.refusedAt, r.error.status, r.error.allowed]).toEqual(['FORBIDDEN', undefined, undefined, undefined]);
  });
});
