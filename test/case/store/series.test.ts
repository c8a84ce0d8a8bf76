import { describe, expect, it } from 'vitest';
import { dispatch, replay, type CaseEvent, type CaseState, type Context } from '../../../src/index.js';
import { vecsOf, VECTOR_FROM } from '../../../src/case/store/series.js';
import { toRecord, validateRecord } from '../../../src/validate/index.js';
import { caseAt, people, world } from '../fixtures.js';

// Long series are kept as chunked vectors by dispatch (DESIGN.md §2.7): appending does not copy the
// series, old states never change, and to the outside the state is plain JSON all the same.

/** An active case with `n` measurements more, made by dispatch; its log too. */
function grown(n: number): { state: CaseState; events: CaseEvent[]; ctx: Context } {
  const start = caseAt('active');
  let state = start;
  const events: CaseEvent[] = [];
  let at = Date.parse('2026-03-01T00:00:00.000Z');
  let k = 0;
  const ctx: Context = { actor: people.lead, now: () => new Date((at += 1000)).toISOString(), newId: () => `ms-${++k}` };
  for (let i = 0; i < n; i++) {
    const r = dispatch(state, { type: 'recordMeasurement', instrumentId: 'phq9', score: 5 + (i % 20), source: 'clinician-rated' }, ctx);
    if (!r.ok) throw r.error;
    state = r.state;
    events.push(...r.events);
  }
  return { state, events, ctx };
}

describe('series kept as vectors', () => {
  const n = VECTOR_FROM + 600;
  const { state, ctx } = grown(n);

  it('appending to a long series copies one chunk, not the series: the rest is shared', () => {
    const r = dispatch(state, { type: 'recordMeasurement', instrumentId: 'phq9', score: 3, source: 'client-report' }, ctx);
    if (!r.ok) throw r.error;
    const before = vecsOf(state)?.measurements;
    const after = vecsOf(r.state)?.measurements;
    expect(before?.length).toBe(n);
    expect(after?.length).toBe(n + 1);
    expect(after?.chunks.length).toBe(before?.chunks.length);
    // Every full chunk is the very same array in both versions.
    for (let c = 0; c < (before?.chunks.length ?? 0) - 1; c++) expect(after?.chunks[c]).toBe(before?.chunks[c]);
  });

  it('an old state is unchanged after new ones are derived from it, on any branch', () => {
    // Its vector first (reading the array would build and keep a copy of it).
    const edited = dispatch(state, { type: 'amendMeasurement', measurementId: 'ms-2', score: 26, reason: 'Misread' }, ctx);
    expect(edited.ok).toBe(true);
    expect(vecsOf(state)?.measurements?.chunks[0]?.[1]).toMatchObject({ id: 'ms-2', score: 6, status: 'final' });
    const json = JSON.stringify(state);
    const a = dispatch(state, { type: 'recordMeasurement', instrumentId: 'phq9', score: 3, source: 'client-report' }, ctx);
    const b = dispatch(state, { type: 'amendMeasurement', measurementId: 'ms-1', score: 27, reason: 'Misread' }, ctx);
    expect(a.ok && b.ok).toBe(true);
    expect(JSON.stringify(state)).toBe(json);
    expect(state.measurements).toHaveLength(n);
    expect(state.measurements[0]?.score).toBe(5);
    if (b.ok) expect(b.state.measurements[0]?.score).toBe(27);
  });

  it('reads as a plain array: JSON, structuredClone, equality with the replayed state, frozen in development', () => {
    const { state: s, events } = grown(VECTOR_FROM + 10);
    const replayed = replay([...caseAtEvents(), ...events]);
    expect(Array.isArray(s.measurements)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(JSON.parse(JSON.stringify(replayed)));
    expect(structuredClone(s)).toEqual(JSON.parse(JSON.stringify(s)));
    expect(Object.isFrozen(s.measurements)).toBe(true);
    expect(s.measurements).toBe(s.measurements); // built once per version
    expect(validateRecord(toRecord([...caseAtEvents(), ...events], s)).issues).toEqual([]);
  });

  it('finds entries by id and edits them inside the vector', () => {
    const r = dispatch(state, { type: 'voidMeasurement', measurementId: `ms-${n - 3}`, reason: 'Wrong client' }, ctx);
    if (!r.ok) throw r.error;
    expect(r.state.measurements[n - 4]).toMatchObject({ id: `ms-${n - 3}`, status: 'entered-in-error' });
    expect(state.measurements[n - 4]?.status).toBe('final');
    const dup = dispatch(r.state, { type: 'recordMeasurement', measurementId: 'ms-7', instrumentId: 'phq9', score: 3, source: 'client-report' }, ctx);
    expect(dup.ok || dup.error.code).toBe('GUARD_FAILED');
  });
});

// The events of the fixture case up to active, made again (caseAt keeps only the state).
function caseAtEvents(): CaseEvent[] {
  const ctxFor = world();
  const events: CaseEvent[] = [];
  let state: CaseState | null = null;
  const run = (actor: (typeof people)[keyof typeof people], command: object) => {
    const r = dispatch(state, command, ctxFor(actor));
    if (!r.ok) throw r.error;
    state = r.state;
    events.push(...r.events);
  };
  run(people.lead, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood and poor sleep for six months', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' });
  run(people.lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' });
  run(people.lead, { type: 'assignLead', memberId: 'm-lead' });
  run(people.lead, { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' });
  run(people.lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview', 'standardized-instrument'] });
  run(people.lead, { type: 'recordNeed', needId: 'n-mood', domain: 'emotional', description: 'Persistent low mood', severity: 4, priority: 5 });
  run(people.lead, { type: 'recordStrength', strengthId: 'st-1', description: 'Supportive partner' });
  run(people.lead, { type: 'recordRiskScreen', level: 'low', factors: [] });
  run(people.lead, { type: 'completeAssessment' });
  run(people.lead, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-mood'], description: 'Reduce depressive symptoms to the mild range', measure: { kind: 'instrument', instrumentId: 'phq9', baseline: 17, target: 9, direction: 'decrease' }, startDate: '2026-01-10', targetDate: '2026-06-30' });
  run(people.client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] });
  run(people.lead, { type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'Individual CBT for depression', goalIds: ['g-1'], responsibleMemberId: 'm-ther', dose: { plannedSessions: 12, frequency: 'weekly', sessionMinutes: 50 } });
  run(people.lead, { type: 'planStrategy', strategyId: 's-1' });
  run(people.client, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: 'client-1' });
  run(people.lead, { type: 'activatePlan' });
  return events;
}
