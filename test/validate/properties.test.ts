import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent, type CaseState } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { people, phqGoal, referral } from '../case/fixtures.js';

// Records made by random legal runs of the engine: random commands, keeping only those accepted.
const pool: [Actor, Record<string, unknown>][] = [
  [people.lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' }],
  [people.lead, { type: 'assignLead', memberId: 'm-lead' }],
  [people.lead, { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' }],
  [people.lead, { type: 'startAssessment', methods: ['interview'] }],
  [people.lead, { type: 'recordNeed', needId: 'n-1', domain: 'emotional', description: 'Low mood', severity: 3, priority: 3 }],
  [people.lead, { type: 'recordStrength', description: 'Kind friends' }],
  [people.client, { type: 'recordClientPriority', text: 'Sleep better' }],
  [people.lead, { type: 'recordRiskScreen', level: 'low', factors: ['none known'] }],
  [people.lead, { type: 'completeAssessment' }],
  [people.lead, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-1'], ...phqGoal }],
  [people.client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] }],
  [people.lead, { type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'CBT', goalIds: ['g-1'], responsibleMemberId: 'm-ther', dose: { plannedSessions: 6, frequency: 'weekly' } }],
  [people.lead, { type: 'planStrategy', strategyId: 's-1' }],
  [people.client, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: 'client-1' }],
  [people.lead, { type: 'activatePlan' }],
  [people.therapist, { type: 'startStrategy', strategyId: 's-1' }],
  [people.therapist, { type: 'scheduleSession', sessionId: 'v-1', strategyId: 's-1', scheduledFor: '2026-01-04T09:00:00.000Z' }],
  [people.therapist, { type: 'recordAttendance', sessionId: 'v-1', attendance: 'did-not-attend' }],
  [people.lead, { type: 'holdCase', reason: 'Away' }],
  [people.lead, { type: 'resumeCase' }],
  [people.lead, { type: 'startReview' }],
  [people.lead, { type: 'recordEvaluation', status: 'final', evaluationId: 'e-1', goalOutcomes: [], barriers: [], decision: 'continue' }],
  [people.lead, { type: 'completeReview', outcome: 'continue' }],
  [people.client, { type: 'withdrawConsent', consentId: 'k-1' }],
  [people.lead, { type: 'addNote', kind: 'case-conference', text: 'Discussed progress', authorMemberId: 'm-lead', visibility: 'team' }],
  [people.lead, { type: 'recordRiskLevel', level: 'high', factors: ['plan'] }],
  [people.lead, { type: 'recordSafetyPlan', warningSigns: ['a'], copingStrategies: ['b'], socialContacts: [], professionalContacts: ['c'], meansSafety: [] }],
  [people.lead, { type: 'recordRiskLevel', level: 'moderate' }],
  [people.lead, { type: 'resolveCrisis' }],
  [people.lead, { type: 'closeCase', reason: 'disengaged' }],
  [people.lead, { type: 'reopenCase', reason: 'Back' }],
];

function legalRecord(picks: readonly number[]): { events: CaseEvent[]; state: CaseState } {
  const now = steppingClock('2026-01-05T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('r-');
  let r = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!r.ok) throw r.error;
  let state = r.state;
  const events = [...r.events];
  // Walk the pool in order several times, with random skips: runs reach deep and vary.
  for (const p of picks) {
    const [actor, command] = pool[p % pool.length] as [Actor, Record<string, unknown>];
    r = dispatch(state, command, { actor, now, newId });
    if (r.ok) {
      state = r.state;
      events.push(...r.events);
    }
  }
  return { events, state };
}

const picksArb = fc.oneof(
  fc.array(fc.nat(pool.length - 1), { maxLength: 60 }),
  fc.array(fc.boolean(), { minLength: pool.length, maxLength: pool.length }).map((keep) => pool.map((_, i) => i).filter((i) => keep[i] !== false || i < 4)),
);

function jsonPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => jsonPaths(v, [...path, k]));
}

describe('records of legal runs', () => {
  it('validate clean, with and without a snapshot', () => {
    fc.assert(
      fc.property(picksArb, (picks) => {
        const { events, state } = legalRecord(picks);
        const record = JSON.parse(JSON.stringify(toRecord(events, state))) as unknown;
        const result = validateRecord(record);
        expect(result.issues).toEqual([]);
        expect(validateRecord(JSON.parse(JSON.stringify(toRecord(events)))).valid).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  // A corruption here changes a field's JSON type (a different value of the same type can be
  // another legal record: a hold's reason reworded is still a hold).
  const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  it('a random single-field corruption of an event gives at least one issue and never a throw', () => {
    fc.assert(
      fc.property(picksArb, fc.nat(), fc.constantFrom<unknown>(null, 0, -1, 'x', true, [], {}, 1e9), (picks, which, replacement) => {
        const { events } = legalRecord(picks);
        const record = JSON.parse(JSON.stringify(toRecord(events))) as { events: unknown[] };
        const leaves = jsonPaths(record.events).filter((p) => p.length > 1);
        const path = leaves[which % leaves.length] as (string | number)[];
        let target = record.events as unknown as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        // (Filling an empty optional field, null, can be legal: clientFeedback null → 'x' is another record.)
        fc.pre(kind(target[last]) !== kind(replacement) && target[last] !== null);
        target[last] = replacement;
        const result = validateRecord(record);
        expect(result.issues.length, `corrupted /events/${path.join('/')}`).toBeGreaterThan(0);
        // The real finding, never "the validator could not finish".
        expect(result.issues.filter((i) => i.code === 'INTERNAL'), `corrupted /events/${path.join('/')}`).toEqual([]);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  }, 600_000);
});
