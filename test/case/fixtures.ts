import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent, type CaseState, type Context, type Policy } from '../../src/index.js';

/** The people of the standard test case. */
export const people = {
  client: { id: 'client-1', role: 'client' },
  lead: { id: 'p-lead', role: 'lead-practitioner' },
  therapist: { id: 'p-ther', role: 'therapist' },
  psychiatrist: { id: 'p-psy', role: 'psychiatrist' },
  supervisor: { id: 'p-sup', role: 'supervisor' },
  admin: { id: 'p-adm', role: 'admin' },
  stranger: { id: 'p-out', role: 'therapist' },
} as const satisfies Record<string, Actor>;

/** A deterministic world: a clock that moves an hour per command, ids c-1, c-2, … */
export function world(start = '2026-01-05T09:00:00.000Z', policy: Policy = {}) {
  const now = steppingClock(start, 3_600_000);
  const newId = sequentialIds('x-');
  return (actor: Actor, extra: Partial<Context> = {}): Context => ({ actor, now, newId, policy, ...extra });
}

let sink: CaseEvent[] | null = null;

/** Dispatches or fails the test with the refusal's message. */
export function must(state: CaseState | null, command: object, ctx: Context): CaseState {
  const r = dispatch(state, command, ctx);
  if (!r.ok) throw new Error(`${(command as { type: string }).type} refused: ${r.error.code} ${r.error.message}`);
  sink?.push(...r.events);
  return r.state;
}

/** Runs `build` and returns what it made with the events its `must` calls recorded, in order. */
export function withEvents<T>(build: () => T): { readonly value: T; readonly events: CaseEvent[] } {
  const events: CaseEvent[] = [];
  sink = events;
  try {
    return { value: build(), events };
  } finally {
    sink = null;
  }
}

export const referral = { source: 'GP', reason: 'Low mood and poor sleep for six months', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' } as const;

export const phqGoal = {
  description: 'Reduce depressive symptoms to the mild range',
  measure: { kind: 'instrument', instrumentId: 'phq9', baseline: 17, target: 9, direction: 'decrease' },
  startDate: '2026-01-10',
  targetDate: '2026-06-30',
} as const;

/** Builds a case up to a named status, with the standard team, needs, goals and consent. */
export function caseAt(
  status: 'referred' | 'assessing' | 'planning' | 'planned' | 'active' | 'reviewing' | 'closed',
  ctxFor = world(),
): CaseState {
  let s = must(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, ctxFor(people.lead));
  if (status === 'referred') return s;
  s = must(s, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' }, ctxFor(people.lead));
  s = must(s, { type: 'assignLead', memberId: 'm-lead' }, ctxFor(people.lead));
  s = must(s, { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' }, ctxFor(people.lead));
  s = must(s, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview', 'standardized-instrument'] }, ctxFor(people.lead));
  if (status === 'assessing') return s;
  s = must(s, { type: 'recordNeed', needId: 'n-mood', domain: 'emotional', description: 'Persistent low mood', severity: 4, priority: 5 }, ctxFor(people.lead));
  s = must(s, { type: 'recordStrength', strengthId: 'st-1', description: 'Supportive partner' }, ctxFor(people.lead));
  s = must(s, { type: 'recordRiskScreen', level: 'low', factors: [] }, ctxFor(people.lead));
  s = must(s, { type: 'completeAssessment' }, ctxFor(people.lead));
  if (status === 'planning') return s;
  s = must(s, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-mood'], ...phqGoal }, ctxFor(people.lead));
  s = must(s, { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] }, ctxFor(people.client));
  s = must(
    s,
    { type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'Individual CBT for depression', goalIds: ['g-1'], responsibleMemberId: 'm-ther', dose: { plannedSessions: 12, frequency: 'weekly', sessionMinutes: 50 } },
    ctxFor(people.lead),
  );
  s = must(s, { type: 'planStrategy', strategyId: 's-1' }, ctxFor(people.lead));
  s = must(s, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: 'client-1' }, ctxFor(people.client));
  if (status === 'planned') return s;
  s = must(s, { type: 'activatePlan' }, ctxFor(people.lead));
  if (status === 'active') return s;
  s = must(s, { type: 'startReview' }, ctxFor(people.lead));
  if (status === 'reviewing') return s;
  s = must(s, { type: 'recordGoalOutcome', goalId: 'g-1', outcome: 'achieved' }, ctxFor(people.lead));
  s = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'final', goalOutcomes: [{ goalId: 'g-1', status: 'achieved', evidence: 'PHQ-9 6' }], barriers: [], decision: 'close' }, ctxFor(people.lead));
  return must(s, { type: 'closeCase', reason: 'completed' }, ctxFor(people.lead));
}
