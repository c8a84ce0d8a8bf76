/**
 * An adult-depression case from GP referral to closure, driven through the engine and printed as a
 * readable timeline. Run with `npm run example`.
 */
import { alerts, dispatch, doseDelivered, goalProgress, sequentialIds, steppingClock, summary, type Actor, type CaseEvent, type CaseState, type Context } from 'intervention-lifecycle';

const lead: Actor = { id: 'dr-okafor', role: 'lead-practitioner' };
const therapist: Actor = { id: 'sam-reyes', role: 'therapist' };
const client: Actor = { id: 'client-maria', role: 'client' };

// A deterministic clock: every command happens one day after the previous one.
const now = steppingClock('2026-01-05T10:00:00.000Z', 24 * 3_600_000);
const newId = sequentialIds('id-');
const as = (actor: Actor): Context => ({ actor, now, newId });

const log: CaseEvent[] = [];
let state: CaseState | null = null;
function run(actor: Actor, command: object): void {
  const r = dispatch(state, command, as(actor));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  state = r.state;
  log.push(...r.events);
}

run(lead, {
  type: 'openCase',
  caseId: 'case-2026-014',
  clientId: 'client-maria',
  referral: { source: 'GP (Dr Lin, Riverside Surgery)', reason: 'Low mood, poor sleep and withdrawal for six months', urgency: 'routine', receivedAt: '2026-01-02T15:30:00.000Z' },
  setting: 'clinic',
});
run(lead, { type: 'addTeamMember', memberId: 'm-okafor', personId: 'dr-okafor', role: 'lead-practitioner' });
run(lead, { type: 'assignLead', memberId: 'm-okafor' });
run(lead, { type: 'addTeamMember', memberId: 'm-reyes', personId: 'sam-reyes', role: 'therapist' });

// Assessment: needs, strengths, the client's own words, culture and risk.
run(lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview', 'standardized-instrument'] });
run(lead, { type: 'recordNeed', needId: 'n-mood', domain: 'emotional', description: 'Persistent low mood (PHQ-9 17)', severity: 4, priority: 5 });
run(lead, { type: 'recordNeed', needId: 'n-work', domain: 'occupational', description: 'Off work for eight weeks', severity: 3, priority: 4 });
run(lead, { type: 'recordStrength', description: 'Close relationship with her sister', domain: 'family' });
run(lead, { type: 'recordStrength', description: 'Was a keen runner until last year' });
run(client, { type: 'recordClientPriority', text: 'I want to get back to work and enjoy things again' });
run(lead, { type: 'recordCulturalConsiderations', language: 'Portuguese and English', interpreterNeeded: false, beliefsAndPreferences: 'Would like her faith to be respected in sessions' });
run(lead, { type: 'recordRiskScreen', level: 'low', factors: ['no current thoughts of self-harm'] });
run(lead, { type: 'completeAssessment' });

// Two SMART goals, agreed with the client; CBT and psychoeducation; consent.
run(lead, {
  type: 'proposeGoal',
  goalId: 'g-mood',
  description: 'Bring depressive symptoms into the mild range',
  addressesNeedIds: ['n-mood'],
  measure: { kind: 'instrument', instrumentId: 'phq9', baseline: 17, target: 9, direction: 'decrease' },
  startDate: '2026-01-20',
  targetDate: '2026-05-31',
});
run(lead, {
  type: 'proposeGoal',
  goalId: 'g-work',
  description: 'Return to work three days a week',
  addressesNeedIds: ['n-work'],
  measure: { kind: 'indicator', indicator: 'days worked per week', baseline: 0, target: 3, direction: 'increase' },
  startDate: '2026-01-20',
  targetDate: '2026-06-30',
});
run(client, { type: 'agreeGoal', goalId: 'g-mood', agreedBy: ['client-maria'] });
run(client, { type: 'agreeGoal', goalId: 'g-work', agreedBy: ['client-maria'] });
run(lead, { type: 'proposeStrategy', strategyId: 's-cbt', modality: 'cbt', description: 'Individual CBT for depression', goalIds: ['g-mood', 'g-work'], responsibleMemberId: 'm-reyes', dose: { plannedSessions: 12, frequency: 'weekly', sessionMinutes: 50 }, evidence: { source: 'NICE NG222', level: 'guideline' } });
run(lead, { type: 'proposeStrategy', strategyId: 's-edu', modality: 'psychoeducation', description: 'Sleep and activity scheduling', goalIds: ['g-mood'], responsibleMemberId: 'm-reyes', dose: { plannedSessions: 2, frequency: 'fortnightly' } });
run(lead, { type: 'planStrategy', strategyId: 's-cbt' });
run(lead, { type: 'planStrategy', strategyId: 's-edu' });
run(client, { type: 'recordConsent', consentId: 'k-treat', scope: 'treatment', grantedBy: 'client-maria' });
run(lead, { type: 'setMonitoringSchedule', instrumentId: 'phq9', everyWeeks: 1, startDate: '2026-01-20' });
run(lead, { type: 'setMonitoringSchedule', instrumentId: 'gad7', everyWeeks: 1, startDate: '2026-01-20' });
run(lead, { type: 'activatePlan' });
run(therapist, { type: 'startStrategy', strategyId: 's-cbt' });
run(therapist, { type: 'startStrategy', strategyId: 's-edu' });

// Twelve weekly CBT sessions (the fifth is missed), each with the client's PHQ-9 and GAD-7.
const phq9Weekly = [17, 16, 16, 14, 14, 13, 12, 11, 10, 9, 8, 7];
const gad7Weekly = [13, 13, 12, 12, 11, 10, 9, 9, 8, 7, 6, 6];
for (let week = 1; week <= 12; week++) {
  const sessionId = `cbt-${week}`;
  // Take one tick of the clock as the session's start, so attendance is recorded after it.
  const startsAt = String(now());
  run(therapist, { type: 'scheduleSession', sessionId, strategyId: 's-cbt', scheduledFor: startsAt });
  const attended = week !== 5;
  run(therapist, { type: 'recordAttendance', sessionId, attendance: attended ? 'attended' : 'did-not-attend' });
  if (!attended) continue;
  run(client, { type: 'recordMeasurement', instrumentId: 'phq9', score: phq9Weekly[week - 1], source: 'client-report', goalIds: ['g-mood'] });
  run(client, { type: 'recordMeasurement', instrumentId: 'gad7', score: gad7Weekly[week - 1], source: 'client-report' });
  if (week === 3) {
    // The week-3 questionnaire answers item 9 with "several days": a risk alert, a risk review and a safety plan.
    run(client, { type: 'recordMeasurement', measurementId: 'phq9-w3-items', instrumentId: 'phq9', responses: [2, 2, 2, 2, 2, 2, 2, 1, 1], source: 'client-report', goalIds: ['g-mood'] });
    const current = state as CaseState | null;
    if (current) console.log('Alert after week 3:', alerts(current, String(now())).map((a) => `${a.severity} ${a.code}: ${a.message}`).join('; '));
    run(lead, { type: 'recordRiskLevel', level: 'high', factors: ['PHQ-9 item 9 = 1', 'passive thoughts of death'] });
    run(lead, { type: 'recordSafetyPlan', safetyPlanId: 'sp-1', warningSigns: ['Lying awake after 3am'], copingStrategies: ['Call her sister', 'Evening walk'], socialContacts: ['Sister Ana'], professionalContacts: ['Dr Okafor', 'Crisis line 24/7'], meansSafety: ['Medication kept by her partner'] });
    run(lead, { type: 'recordRiskLevel', level: 'low', factors: ['no thoughts of self-harm at review'] });
    run(lead, { type: 'resolveCrisis' });
  }
}

run(therapist, { type: 'addNote', kind: 'psychoeducation', text: 'Shared sleep-hygiene leaflet; agreed a wind-down routine', authorMemberId: 'm-reyes', visibility: 'client-visible' });
run(therapist, { type: 'completeStrategy', strategyId: 's-edu' });

// Review with a final evaluation, outcomes, closure.
run(lead, { type: 'startReview' });
run(lead, { type: 'recordGoalOutcome', goalId: 'g-mood', outcome: 'achieved', evidence: 'PHQ-9 from 17 to 7' });
run(lead, { type: 'recordGoalOutcome', goalId: 'g-work', outcome: 'achieved', evidence: 'Back three days a week since April' });
run(lead, {
  type: 'recordEvaluation',
  evaluationId: 'e-1',
  status: 'final',
  goalOutcomes: [
    { goalId: 'g-mood', status: 'achieved', evidence: 'PHQ-9 7 at week 12' },
    { goalId: 'g-work', status: 'achieved', evidence: 'Phased return completed' },
  ],
  barriers: ['Missed one session during a family visit'],
  clientFeedback: 'The activity diary helped most',
  decision: 'close',
});
run(lead, { type: 'closeCase', reason: 'completed', summary: 'Goals met; discharged to GP with a relapse-prevention plan' });

// The timeline: one line per event.
const describe = (e: CaseEvent): string => {
  const d = e.data as Record<string, unknown>;
  const entity = (d.goal ?? d.strategy ?? d.session ?? d.member ?? d.note ?? d.evaluation ?? d.consent ?? d.need ?? d.strength) as { id?: string } | undefined;
  const detail = entity?.id ?? d.goalId ?? d.strategyId ?? d.sessionId ?? d.consentId ?? d.memberId ?? d.assessmentId ?? '';
  const extra = e.type === 'attendanceRecorded' ? ` ${String(d.attendance)}` : e.type === 'caseClosed' ? ` as ${String(d.reason)}` : '';
  return `${e.at.slice(0, 10)}  #${String(e.seq).padStart(3)}  ${e.actor.id.padEnd(13)} ${e.type}${detail ? ` ${String(detail)}` : ''}${extra}${e.reason ? ` (${e.reason})` : ''}`;
};
console.log(`Timeline of ${log[0]?.caseId}:`);
for (const e of log) console.log(describe(e));

const final = state as CaseState | null;
if (final === null) throw new Error('no case');
const evaluation = final.evaluations['e-1'];
for (const m of evaluation?.measureChanges ?? []) {
  console.log(`${m.instrumentId}: ${m.pre} → ${m.post}, reliable change index ${m.rci.toFixed(2)} (needs ±${m.minimumReliableChange.toFixed(2)}): ${m.category}`);
}
const tt = evaluation?.talkingTherapies;
if (tt) console.log(`NHS Talking Therapies: recovery ${tt.recovery ? 'yes' : 'no'}, reliable improvement ${tt.reliableImprovement ? 'yes' : 'no'}, reliable recovery ${tt.reliableRecovery ? 'yes' : 'no'}`);
const mood = goalProgress(final, 'g-mood');
console.log(`Goal g-mood: PHQ-9 ${mood.baseline} → ${mood.latest} (target ${mood.target}), ${(100 * (mood.fraction ?? 0)).toFixed(0)}% of the way, ${mood.achievement}`);
const dose = doseDelivered(final, 's-cbt');
console.log(`\nStatus: ${final.status} (${final.closure?.reason}); ${log.length} events`);
console.log(`CBT dose: ${dose.attended} of ${dose.plannedSessions} sessions attended, did-not-attend rate ${((dose.didNotAttendRate ?? 0) * 100).toFixed(1)}%`);
console.log('Summary:', JSON.stringify(summary(final, '2026-06-01T00:00:00.000Z').team));
