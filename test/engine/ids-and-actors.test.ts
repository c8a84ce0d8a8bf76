import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, replay, type CaseEvent } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { caseAt, must, people, referral, world } from '../case/fixtures.js';

// Ids and actors are values: copied, checked, and never able to reach a prototype.

const open = { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' };

describe('the actor', () => {
  it('is recorded as exactly { id, role }, a copy of what the context gave', () => {
    const actor = { id: 'p-lead', role: 'lead-practitioner', token: 'secret', email: 'a@b' } as const;
    const r = dispatch(null, open, { actor, now: () => '2026-01-05T09:00:00.000Z' });
    if (!r.ok) throw r.error;
    const recorded = (r.events[0] as CaseEvent).actor;
    expect(recorded).toEqual({ id: 'p-lead', role: 'lead-practitioner' });
    expect(recorded).not.toBe(actor);
    expect(Object.keys(recorded)).toEqual(['id', 'role']);
  });
});

describe('contexts the engine has seen before', () => {
  // dispatch remembers the last few actor objects and id generators it checked (by identity): more
  // of them than it remembers, reused in any order and changed in place, must change nothing.
  it('each event records the actor as the context gives it now, and every id is checked', () => {
    const people = [
      { id: 'p-lead', role: 'lead-practitioner' },
      { id: 'p-ther', role: 'therapist' },
    ] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ actor: fc.nat(5), who: fc.nat(1), generator: fc.nat(5), bad: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        (steps) => {
          const actors = Array.from({ length: 6 }, (_, i) => ({ ...people[i % 2] }) as { id: string; role: string });
          let n = 0;
          let bad = false;
          const generators = Array.from({ length: 6 }, (_, i) => () => (bad ? 'not an id' : `note-${i}-${++n}`));
          let state = caseAt('active');
          let at = Date.parse('2026-03-01T00:00:00.000Z');
          for (const step of steps) {
            // Changed in place: the next command must record the new values, not a remembered copy.
            Object.assign(actors[step.actor] as object, people[step.who]);
            bad = step.bad;
            const actor = actors[step.actor] as { id: string; role: string };
            const r = dispatch(state, { type: 'addNote', kind: 'communication', text: 'Called', authorMemberId: 'm-lead', visibility: 'team' }, { actor: actor as never, now: () => new Date((at += 1000)).toISOString(), newId: generators[step.generator] as () => string });
            if (step.bad) {
              expect(r.ok).toBe(false);
              if (!r.ok) expect(r.error.code).toBe('INVALID_COMMAND');
              continue;
            }
            if (!r.ok) throw r.error;
            expect((r.events[0] as CaseEvent).actor).toEqual({ id: actor.id, role: actor.role });
            expect((r.events[0] as CaseEvent).actor).not.toBe(actor);
            state = r.state;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ids', () => {
  it('an id from ctx.newId that is not an id is refused, and the state is untouched', () => {
    const s = caseAt('active');
    for (const bad of ['__proto__', '', 'a b', 42]) {
      const r = dispatch(s, { type: 'addNote', kind: 'communication', text: 'Called', authorMemberId: 'm-lead', visibility: 'team' }, { actor: people.lead, now: () => '2026-03-01T00:00:00.000Z', newId: () => bad as string });
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_COMMAND');
    }
    const opened = dispatch(null, { ...open, caseId: undefined }, { actor: people.lead, newId: () => '__proto__' });
    expect(opened.ok || opened.error.code).toBe('INVALID_COMMAND');
  });

  it('an id of __proto__ in a replayed log is an INVALID_LOG, and no prototype changes', () => {
    const r = dispatch(caseAt('planning'), { type: 'proposeGoal', goalId: 'g-x', addressesNeedIds: ['n-mood'], description: 'Sleep through the night most nights', measure: { kind: 'indicator', indicator: 'nights slept', baseline: 1, target: 5, direction: 'increase' }, startDate: '2026-01-10', targetDate: '2026-06-30' }, world('2026-02-01T00:00:00.000Z')(people.lead));
    if (!r.ok) throw r.error;
    const events = JSON.parse(JSON.stringify([...rebuild(), ...r.events]).replaceAll('"g-x"', '"__proto__"')) as CaseEvent[];
    expect(() => replay(events)).toThrow(expect.objectContaining({ code: 'INVALID_LOG' }));
    const v = validateRecord(toRecord(events));
    expect(v.valid).toBe(false);
    expect(v.issues.map((i) => i.code)).toContain('INVALID_EVENT_DATA');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('ids such as constructor or toString are ordinary ids', () => {
    const s = must(caseAt('planning'), { type: 'recordConsent', consentId: 'constructor', scope: 'research', grantedBy: 'client-1' }, world('2026-02-01T00:00:00.000Z')(people.client));
    expect(s.consents['constructor']).toMatchObject({ id: 'constructor', scope: 'research' });
    expect(replay(rebuildWith(s))).toEqual(JSON.parse(JSON.stringify(s)));
  });
});

describe('replay of malformed logs', () => {
  it('null, numbers or strings as events are INVALID_LOG, never a TypeError', () => {
    for (const log of [[null], [1], ['x'], [{ type: 'caseOpened', seq: 1, caseId: 'c-1', at: '2026-01-05T09:00:00.000Z', actor: people.lead, data: { caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' } }, null]]) {
      expect(() => replay(log as never), JSON.stringify(log)).toThrow(expect.objectContaining({ code: 'INVALID_LOG' }));
    }
  });
});

// The events of the fixture case up to planning, made again (caseAt keeps only the state).
function rebuild(): CaseEvent[] {
  const events: CaseEvent[] = [];
  const ctx = world();
  let state = null;
  const steps: [typeof people.lead | typeof people.client, object][] = [
    [people.lead, open],
    [people.lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' }],
    [people.lead, { type: 'assignLead', memberId: 'm-lead' }],
    [people.lead, { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' }],
    [people.lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview', 'standardized-instrument'] }],
    [people.lead, { type: 'recordNeed', needId: 'n-mood', domain: 'emotional', description: 'Persistent low mood', severity: 4, priority: 5 }],
    [people.lead, { type: 'recordStrength', strengthId: 'st-1', description: 'Supportive partner' }],
    [people.lead, { type: 'recordRiskScreen', level: 'low', factors: [] }],
    [people.lead, { type: 'completeAssessment' }],
  ];
  for (const [actor, command] of steps) {
    const r = dispatch(state, command, ctx(actor));
    if (!r.ok) throw r.error;
    state = r.state;
    events.push(...r.events);
  }
  return events;
}

function rebuildWith(s: ReturnType<typeof caseAt>): CaseEvent[] {
  const events = rebuild();
  const consent = s.consents['constructor'] as { grantedAt: string } | undefined;
  if (consent === undefined) throw new Error('no consent');
  const last = events[events.length - 1] as CaseEvent;
  events.push({ type: 'consentRecorded', caseId: 'c-1', seq: last.seq + 1, at: consent.grantedAt, actor: people.client, data: { consent: { id: 'constructor', scope: 'research', grantedBy: 'client-1', grantedAt: consent.grantedAt, expiresAt: null, sharingWith: [] } } } as CaseEvent);
  return events;
}
