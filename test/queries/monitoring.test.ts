import { describe, expect, it } from 'vitest';
import { alerts, dispatch, dueReviews, mayRead, overdueMeasurements, summary, timeline, type CaseState } from '../../src/index.js';
import { caseAt, must, people, world } from '../case/fixtures.js';

const ctx = world('2026-02-01T09:00:00.000Z');
const record = (s: CaseState, instrumentId: string, score: number, takenAt: string, id?: string) =>
  must(s, { type: 'recordMeasurement', ...(id ? { measurementId: id } : {}), instrumentId, score, takenAt, source: 'client-report' }, ctx(people.lead));

describe('evaluations compute outcomes', () => {
  it('fills reliable change per instrument, the NHS Talking Therapies outcome and the GAS T-score', () => {
    let s = caseAt('reviewing');
    s = record(s, 'phq9', 17, '2026-01-06T09:00:00.000Z');
    s = record(s, 'gad7', 13, '2026-01-06T09:00:00.000Z');
    s = record(s, 'phq9', 7, '2026-01-30T09:00:00.000Z');
    s = record(s, 'gad7', 6, '2026-01-30T09:00:00.000Z');
    s = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'final', goalOutcomes: [{ goalId: 'g-1', status: 'achieved', evidence: 'PHQ-9 7' }], barriers: [], decision: 'close' }, ctx(people.lead));
    const e = s.evaluations['e-1'];
    const phq = e?.measureChanges.find((m) => m.instrumentId === 'phq9');
    // PHQ-9: reliability .89, clinical SD 5.5 → S_diff = 5.5·√2·√0.11; 17 → 7 is a reliable improvement.
    expect(phq).toMatchObject({ pre: 17, post: 7, category: 'improved' });
    expect(phq?.rci).toBeCloseTo(-10 / (5.5 * Math.sqrt(2) * Math.sqrt(0.11)), 10);
    // No attended session: not a finished course, so recovery is not applicable (not false, not true).
    expect(e?.talkingTherapies).toEqual({ casenessAtStart: true, casenessAtEnd: false, reliableImprovement: true, reliableDeterioration: false, attendedSessions: 0, finishedCourse: false, recovery: 'not-applicable', reliableRecovery: 'not-applicable' });
    expect(e?.gasTScore).toBeNull();
  });

  const attend = (state: CaseState, n: number): CaseState => {
    let s = must(state, { type: 'startStrategy', strategyId: 's-1' }, ctx(people.lead));
    for (let i = 1; i <= n; i++) {
      s = must(s, { type: 'scheduleSession', sessionId: `v-${i}`, strategyId: 's-1', scheduledFor: `2026-01-${String(10 + i).padStart(2, '0')}T09:00:00.000Z` }, ctx(people.lead));
      s = must(s, { type: 'recordAttendance', sessionId: `v-${i}`, attendance: 'attended' }, ctx(people.lead));
    }
    return must(s, { type: 'startReview' }, ctx(people.lead));
  };
  const evaluate = (state: CaseState) => must(state, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx(people.lead)).evaluations['e-1']?.talkingTherapies;

  it('reports NHS Talking Therapies recovery only for a finished course (two attended sessions)', () => {
    const scored = (s: CaseState) => record(record(record(record(s, 'phq9', 17, '2026-01-06T09:00:00.000Z'), 'gad7', 13, '2026-01-06T09:00:00.000Z'), 'phq9', 7, '2026-01-30T09:00:00.000Z'), 'gad7', 6, '2026-01-30T09:00:00.000Z');
    expect(evaluate(scored(attend(caseAt('active'), 1)))).toMatchObject({ attendedSessions: 1, finishedCourse: false, recovery: 'not-applicable' });
    expect(evaluate(scored(attend(caseAt('active'), 2)))).toMatchObject({ attendedSessions: 2, finishedCourse: true, recovery: true, reliableRecovery: true });
  });

  it('reports recovery as not applicable, not false, for a client who was not a case at the start', () => {
    const s = record(record(record(record(attend(caseAt('active'), 3), 'phq9', 8, '2026-01-06T09:00:00.000Z'), 'gad7', 5, '2026-01-06T09:00:00.000Z'), 'phq9', 6, '2026-01-30T09:00:00.000Z'), 'gad7', 4, '2026-01-30T09:00:00.000Z');
    expect(evaluate(s)).toMatchObject({ casenessAtStart: false, finishedCourse: true, recovery: 'not-applicable', reliableRecovery: 'not-applicable' });
  });

  it('voided measurements never change the computed outcome', () => {
    let s = caseAt('reviewing');
    s = record(s, 'phq9', 17, '2026-01-06T09:00:00.000Z');
    s = record(s, 'phq9', 9, '2026-01-30T09:00:00.000Z');
    const plain = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx(people.lead));
    s = record(s, 'phq9', 27, '2026-01-31T09:00:00.000Z', 'ms-bad');
    s = must(s, { type: 'voidMeasurement', measurementId: 'ms-bad', reason: 'Wrong client' }, ctx(people.lead));
    const voided = must(s, { type: 'recordEvaluation', evaluationId: 'e-1', status: 'draft', goalOutcomes: [], barriers: [], decision: 'continue' }, ctx(people.lead));
    expect(voided.evaluations['e-1']?.measureChanges).toEqual(plain.evaluations['e-1']?.measureChanges);
  });

  it('computes the GAS T-score from the levels given to GAS goals, weighted', () => {
    const gas = { weight: 2, levels: { '-2': 'none', '-1': 'one a month', '0': 'one a week', '1': 'two a week', '2': 'daily' } };
    let s = caseAt('active');
    s = must(s, { type: 'proposeGoal', goalId: 'g-gas', description: 'Walk to the shops every week', addressesNeedIds: ['n-mood'], measure: { kind: 'indicator', indicator: 'walks per week', baseline: 0, target: 1, direction: 'increase' }, startDate: '2026-01-10', targetDate: '2026-06-30', gas }, ctx(people.lead));
    s = must(s, { type: 'agreeGoal', goalId: 'g-gas', agreedBy: ['client-1'] }, ctx(people.client));
    const evaluate = (gasLevel: number, goalId = 'g-gas') => ({ type: 'recordEvaluation', status: 'draft', goalOutcomes: [{ goalId, status: 'in-progress', evidence: 'diary', gasLevel }], barriers: [], decision: 'continue' });
    const done = must(s, { ...evaluate(1), evaluationId: 'e-1' }, ctx(people.lead));
    expect(done.evaluations['e-1']?.gasTScore).toBeCloseTo(60, 10);
    const r = dispatch(s, evaluate(1, 'g-1'), ctx(people.lead));
    expect(r.ok || r.error.rule).toBe('gasLevelsOnGasGoals');
  });
});

describe('alerts', () => {
  const at = '2026-02-10T09:00:00.000Z';
  it('raises an urgent risk alert for PHQ-9 item 9 above 0 on the latest PHQ-9', () => {
    let s = must(caseAt('active'), { type: 'recordMeasurement', measurementId: 'ms-1', instrumentId: 'phq9', responses: [2, 2, 2, 2, 2, 2, 1, 1, 1], takenAt: '2026-02-01T08:00:00.000Z', source: 'client-report' }, ctx(people.client));
    expect(alerts(s, at).filter((a) => a.code === 'risk-item')).toEqual([{ code: 'risk-item', severity: 'urgent', message: expect.stringContaining('item 9'), entity: { type: 'measurement', id: 'ms-1' }, since: '2026-02-01T08:00:00.000Z' }]);
    s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', responses: [2, 2, 2, 2, 2, 2, 1, 1, 0], takenAt: '2026-02-01T09:30:00.000Z', source: 'client-report' }, ctx(people.client));
    expect(alerts(s, at).some((a) => a.code === 'risk-item')).toBe(false);
  });

  it('flags a reliable deterioration as not on track, and not a small change', () => {
    let s = record(caseAt('active'), 'gad7', 6, '2026-01-06T09:00:00.000Z');
    s = record(s, 'gad7', 8, '2026-01-20T09:00:00.000Z');
    expect(alerts(s, at).some((a) => a.code === 'not-on-track')).toBe(false);
    s = record(s, 'gad7', 16, '2026-01-30T09:00:00.000Z');
    expect(alerts(s, at).find((a) => a.code === 'not-on-track')).toMatchObject({ severity: 'warning', entity: { type: 'instrument', id: 'gad7' }, since: '2026-01-30T09:00:00.000Z' });
  });

  it('reports overdue measurements, a due review, a missing safety plan and an expiring consent', () => {
    let s = must(caseAt('active'), { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 1, startDate: '2026-01-10' }, ctx(people.lead));
    s = record(s, 'phq9', 15, '2026-01-12T09:00:00.000Z');
    expect(overdueMeasurements(s, '2026-01-19T09:00:00.000Z')).toEqual([]);
    expect(overdueMeasurements(s, '2026-01-22T09:00:00.000Z')).toEqual([{ instrumentId: 'phq9', indicator: null, dueOn: '2026-01-19', daysOverdue: 3, lastTakenAt: '2026-01-12T09:00:00.000Z' }]);
    s = must(s, { type: 'recordRiskLevel', level: 'high' }, ctx(people.lead));
    s = must(s, { type: 'recordConsent', consentId: 'k-r', scope: 'research', grantedBy: 'client-1', expiresAt: '2026-05-05T00:00:00.000Z' }, ctx(people.client));
    const opened = s.crisis?.since ?? '';
    const codes = (when: string, policy = {}) => alerts(s, when, policy).map((a) => a.code).sort();
    expect(codes(new Date(Date.parse(opened) + 23 * 3_600_000).toISOString())).not.toContain('safety-plan-missing');
    expect(codes(new Date(Date.parse(opened) + 25 * 3_600_000).toISOString())).toContain('safety-plan-missing');
    expect(codes(new Date(Date.parse(opened) + 3 * 3_600_000).toISOString(), { safetyPlanWithinHours: 2 })).toContain('safety-plan-missing');
    expect(codes('2026-04-25T00:00:00.000Z')).toEqual(['consent-expiring', 'measurement-overdue', 'review-due', 'safety-plan-missing']);
    expect(codes('2026-04-15T00:00:00.000Z')).not.toContain('consent-expiring'); // 20 days left
    expect(codes('2026-05-06T00:00:00.000Z')).not.toContain('consent-expiring'); // already expired
    expect(alerts(must(s, { type: 'markEnteredInError', reason: 'x' }, ctx(people.admin)), '2026-04-25T00:00:00.000Z')).toEqual([]);
  });

  it('a reopened case is not overdue for the months it was closed: what fell due then is due the day it reopened', () => {
    const at = (now: string) => ({ actor: people.lead, now: () => now });
    let s = must(caseAt('active'), { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 2, startDate: '2026-02-01' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 12, source: 'clinician-rated' }, at('2026-02-02T09:00:00.000Z'));
    s = must(s, { type: 'closeCase', reason: 'disengaged' }, at('2026-03-01T09:00:00.000Z'));
    s = must(s, { type: 'reopenCase', reason: 'Referred again by GP' }, at('2026-09-01T09:00:00.000Z'));
    // Due on the day it reopened (a baseline for the new episode), not since 16 February.
    expect(overdueMeasurements(s, '2026-09-01T18:00:00.000Z')).toEqual([]);
    expect(overdueMeasurements(s, '2026-09-03T09:00:00.000Z')).toEqual([{ instrumentId: 'phq9', indicator: null, dueOn: '2026-09-01', daysOverdue: 2, lastTakenAt: '2026-02-02T09:00:00.000Z' }]);
    s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 14, source: 'clinician-rated' }, at('2026-09-03T10:00:00.000Z'));
    expect(overdueMeasurements(s, '2026-09-17T09:00:00.000Z')).toEqual([]);
    expect(overdueMeasurements(s, '2026-09-18T09:00:00.000Z')).toEqual([{ instrumentId: 'phq9', indicator: null, dueOn: '2026-09-17', daysOverdue: 1, lastTakenAt: '2026-09-03T10:00:00.000Z' }]);
  });

  it('on hold, nothing is overdue; what fell due during the hold is due the day it resumes, and a measure taken on hold counts', () => {
    const at = (now: string) => ({ actor: people.lead, now: () => now });
    let s = must(caseAt('active'), { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 1, startDate: '2026-02-01' }, at('2026-02-01T09:00:00.000Z'));
    s = must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 12, source: 'clinician-rated' }, at('2026-02-02T09:00:00.000Z'));
    s = must(s, { type: 'holdCase', reason: 'Client in hospital' }, at('2026-02-05T09:00:00.000Z'));
    expect(overdueMeasurements(s, '2026-03-01T09:00:00.000Z')).toEqual([]);
    expect(alerts(s, '2026-03-01T09:00:00.000Z').map((a) => a.code)).not.toContain('measurement-overdue');
    const resumed = must(s, { type: 'resumeCase' }, at('2026-03-02T09:00:00.000Z'));
    expect(overdueMeasurements(resumed, '2026-03-04T09:00:00.000Z')).toEqual([{ instrumentId: 'phq9', indicator: null, dueOn: '2026-03-02', daysOverdue: 2, lastTakenAt: '2026-02-02T09:00:00.000Z' }]);
    // Taken on the ward on 27 February: next due a week after it, 6 March.
    const takenOnHold = must(must(s, { type: 'recordMeasurement', instrumentId: 'phq9', score: 9, source: 'clinician-rated', takenAt: '2026-02-27T09:00:00.000Z' }, at('2026-02-27T10:00:00.000Z')), { type: 'resumeCase' }, at('2026-03-02T09:00:00.000Z'));
    expect(overdueMeasurements(takenOnHold, '2026-03-06T09:00:00.000Z')).toEqual([]);
    expect(overdueMeasurements(takenOnHold, '2026-03-07T09:00:00.000Z')).toEqual([{ instrumentId: 'phq9', indicator: null, dueOn: '2026-03-06', daysOverdue: 1, lastTakenAt: '2026-02-27T09:00:00.000Z' }]);
  });

  it('dueReviews lists active cases whose review date has come, most overdue first', () => {
    const a = caseAt('active'); // review due 84 days after activation
    expect(dueReviews([a], '2026-02-01T00:00:00.000Z')).toEqual([]);
    expect(dueReviews([a, caseAt('closed')], '2026-04-10T00:00:00.000Z')).toEqual([{ caseId: 'c-1', dueBy: a.reviewDueBy, daysOverdue: expect.any(Number) }]);
    // One case where a caseload belongs (a JavaScript caller) is named as such, not "not iterable".
    expect(() => dueReviews(a as unknown as CaseState[], '2026-04-10T00:00:00.000Z')).toThrow('dueReviews(states, asOf) takes an array of case states (a caseload), not object');
  });

  it('a review that fell due while the case was on hold is due the day it resumed, not overdue for the months on hold', () => {
    const at = (now: string) => ({ actor: people.lead, now: () => now });
    const a = caseAt('active');
    const due = a.reviewDueBy as string;
    const held = must(a, { type: 'holdCase', reason: 'Client in hospital' }, at('2026-02-05T09:00:00.000Z'));
    expect(dueReviews([held], '2026-09-01T09:00:00.000Z')).toEqual([]);
    const back = must(held, { type: 'resumeCase' }, at('2026-08-03T09:00:00.000Z'));
    expect(due < '2026-08-03').toBe(true);
    expect(dueReviews([back], '2026-08-03T18:00:00.000Z')).toEqual([{ caseId: 'c-1', dueBy: '2026-08-03', daysOverdue: 0 }]);
    expect(dueReviews([back], '2026-08-10T09:00:00.000Z')).toEqual([{ caseId: 'c-1', dueBy: '2026-08-03', daysOverdue: 7 }]);
    expect(alerts(back, '2026-08-10T09:00:00.000Z').find((x) => x.code === 'review-due')).toMatchObject({ message: 'The review was due by 2026-08-03', since: '2026-08-03' });
    expect(summary(back, '2026-08-10T09:00:00.000Z').nextReviewDue).toBe('2026-08-03');
    // Back before the review fell due: its date stands.
    const brief = must(must(a, { type: 'holdCase', reason: 'Away a week' }, at('2026-02-05T09:00:00.000Z')), { type: 'resumeCase' }, at('2026-02-12T09:00:00.000Z'));
    expect(summary(brief, '2026-02-12T10:00:00.000Z').nextReviewDue).toBe(due);
    expect(dueReviews([brief], `${due}T12:00:00.000Z`)).toEqual([{ caseId: 'c-1', dueBy: due, daysOverdue: 0 }]);
  });
});

describe('timeline', () => {
  it('tells the case in order, in words', () => {
    const lines = timeline(caseAt('closed'), people.lead);
    expect(lines[0]).toMatchObject({ kind: 'status', text: 'Referred by GP: Low mood and poor sleep for six months' });
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['Case assessing', 'Goal proposed: Reduce depressive symptoms to the mild range', 'Consent to treatment given by client-1', 'Case closed']));
    for (let i = 1; i < lines.length; i++) expect((lines[i] as { at: string }).at >= (lines[i - 1] as { at: string }).at).toBe(true);
    const lastInstant = lines.filter((l) => l.at === lines.at(-1)?.at).map((l) => l.text);
    expect(lastInstant).toEqual(expect.arrayContaining(['Case closed', 'cbt discontinued (case closed)']));
  });

  it('tells who joined and left the care team, and when', () => {
    const s = dispatch(caseAt('active'), { type: 'addTeamMember', memberId: 'm-psy', personId: 'p-psy', role: 'psychiatrist' }, { actor: people.lead, now: () => '2026-02-01T09:00:00.000Z' });
    if (!s.ok) throw s.error;
    const left = dispatch(s.state, { type: 'removeTeamMember', memberId: 'm-psy' }, { actor: people.lead, now: () => '2026-03-01T09:00:00.000Z' });
    if (!left.ok) throw left.error;
    const team = timeline(left.state, people.lead).filter((e) => e.kind === 'team').map((e) => [e.at, e.text, e.entityId]);
    expect(team).toEqual([
      ['2026-01-05T10:00:00.000Z', 'p-lead joined the care team as lead-practitioner', 'm-lead'],
      ['2026-01-05T12:00:00.000Z', 'p-ther joined the care team as therapist', 'm-ther'],
      ['2026-02-01T09:00:00.000Z', 'p-psy joined the care team as psychiatrist', 'm-psy'],
      ['2026-03-01T09:00:00.000Z', 'p-psy left the care team', 'm-psy'],
    ]);
  });
});

describe('timeline and note visibility', () => {
  const ctx = world('2026-02-01T09:00:00.000Z');
  const noted = () => {
    let s = caseAt('active');
    for (const [noteId, visibility] of [['nt-team', 'team'], ['nt-clin', 'clinical-only'], ['nt-all', 'client-visible']] as const) {
      s = must(s, { type: 'addNote', noteId, kind: 'communication', text: `A ${visibility} note`, authorMemberId: 'm-lead', visibility }, ctx(people.lead));
    }
    return s;
  };
  const notesFor = (viewer: { id: string; role: string }) => timeline(noted(), viewer as never).filter((e) => e.kind === 'note').map((e) => e.entityId);

  it('shows each viewer only the notes their role may read', () => {
    expect(notesFor(people.lead)).toEqual(['nt-team', 'nt-clin', 'nt-all']);
    expect(notesFor(people.admin)).toEqual(['nt-team', 'nt-all']);
    expect(notesFor(people.client)).toEqual(['nt-all']);
    expect(notesFor({ id: 'fam-1', role: 'family-member' })).toEqual(['nt-all']);
  });

  it('needs the viewer', () => {
    expect(() => timeline(noted(), undefined as never)).toThrow(TypeError);
    expect(() => mayRead(null as never, { visibility: 'team' })).toThrow(/mayRead\(viewer, note\) needs the viewer/);
  });

  it('reads a visibility it does not know as clinical-only (closed, not open)', () => {
    expect(mayRead(people.lead, { visibility: 'everyone' as never })).toBe(true);
    expect(mayRead(people.admin, { visibility: 'everyone' as never })).toBe(false);
    expect(mayRead(people.client, { visibility: 'everyone' as never })).toBe(false);
  });
});
