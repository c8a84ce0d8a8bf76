import { dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent, type CaseState } from '../../src/index.js';
import { toRecord, type CaseRecord } from '../../src/validate/index.js';
import { people, phqGoal, referral } from '../case/fixtures.js';

/**
 * A case that touches every resource the FHIR export writes: itemised PHQ-9 and GAD-7 (one item
 * unanswered), a total-only score, an indicator, an amended and a voided measurement, a crisis
 * resolved and a second one open, consents (treatment, research with expiry, sharing withdrawn),
 * sessions attended, missed, cancelled and still scheduled, a revised goal and a second goal on the
 * GAD-7. `weeks` adds that many weekly sessions with a PHQ-9 and a GAD-7 each (the bench's long case).
 */
export function richCase(weeks = 3): { record: CaseRecord; events: CaseEvent[]; state: CaseState } {
  const now = steppingClock('2021-01-04T09:00:00.000Z', 3_600_000);
  const newId = sequentialIds('x-');
  const events: CaseEvent[] = [];
  let state: CaseState | null = null;
  const run = (actor: Actor, command: object): void => {
    const r = dispatch(state, command, { actor, now, newId });
    if (!r.ok) throw new Error(`${(command as { type: string }).type}: ${r.error.message}`);
    state = r.state;
    events.push(...r.events);
  };
  const { lead, therapist, client } = people;
  run(lead, { type: 'openCase', caseId: 'case:2021_001', clientId: 'client-1', referral: { ...referral, receivedAt: '2021-01-02T10:00:00.000Z', urgency: 'urgent' }, setting: 'clinic' });
  run(lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' });
  run(lead, { type: 'assignLead', memberId: 'm-lead' });
  run(lead, { type: 'addTeamMember', memberId: 'm-ther', personId: 'p-ther', role: 'therapist' });
  run(lead, { type: 'addTeamMember', memberId: 'm-mum', personId: 'p-mum', role: 'family-member' });
  run(lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview', 'standardized-instrument'] });
  run(therapist, { type: 'recordMeasurement', measurementId: 'phq-0', instrumentId: 'phq9', responses: [2, 2, 2, 2, 1, 2, 2, 1, 1], source: 'client-report' });
  run(therapist, { type: 'recordMeasurement', measurementId: 'gad-0', instrumentId: 'gad7', responses: [2, 2, 3, 1, null, 2, 1], source: 'client-report' });
  run(therapist, { type: 'recordMeasurement', measurementId: 'k10-0', instrumentId: 'k10', score: 30, source: 'clinician-rated' });
  run(therapist, { type: 'recordMeasurement', measurementId: 'sleep-0', indicator: 'hours of sleep a night', score: 4.5, source: 'client-report', takenAt: '2021-01-04T12:30:00+02:00' });
  run(lead, { type: 'recordRiskLevel', level: 'high', factors: ['recent self-harm thoughts'] });
  run(lead, { type: 'recordSafetyPlan', safetyPlanId: 'sp-1', warningSigns: ['isolating'], copingStrategies: ['walk'], socialContacts: ['sister'], professionalContacts: ['crisis line'], meansSafety: [] });
  run(lead, { type: 'recordRiskLevel', level: 'moderate' });
  run(lead, { type: 'resolveCrisis' });
  run(lead, { type: 'recordNeed', needId: 'n-mood', domain: 'emotional', description: 'Persistent low mood', severity: 4, priority: 5 });
  run(lead, { type: 'recordNeed', needId: 'n-worry', domain: 'psychological', description: 'Constant worry', severity: 3, priority: 4 });
  run(lead, { type: 'recordStrength', strengthId: 'st-1', description: 'Supportive partner' });
  run(lead, { type: 'recordRiskScreen', level: 'moderate', factors: [] });
  run(lead, { type: 'completeAssessment' });
  run(lead, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-mood'], ...phqGoal, startDate: '2021-01-10', targetDate: '2026-06-30' });
  run(client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-1'] });
  run(lead, { type: 'proposeGoal', goalId: 'g-2', addressesNeedIds: ['n-worry'], description: 'Worry less', measure: { kind: 'instrument', instrumentId: 'gad7', baseline: 14, target: 7, direction: 'decrease' }, startDate: '2021-01-10', targetDate: '2026-06-30' });
  run(client, { type: 'agreeGoal', goalId: 'g-2', agreedBy: ['client-1'] });
  run(lead, { type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'Individual CBT', goalIds: ['g-1', 'g-2'], responsibleMemberId: 'm-ther', dose: { plannedSessions: 12, frequency: 'weekly', sessionMinutes: 50 } });
  run(lead, { type: 'planStrategy', strategyId: 's-1' });
  run(client, { type: 'recordConsent', consentId: 'k-treat', scope: 'treatment', grantedBy: 'client-1' });
  run(client, { type: 'recordConsent', consentId: 'k-research', scope: 'research', grantedBy: 'client-1', expiresAt: '2021-03-01T00:00:00.000Z' });
  run(client, { type: 'recordConsent', consentId: 'k-share', scope: 'information-sharing', grantedBy: 'client-1', sharingWith: ['gp-practice-7'] });
  run(lead, { type: 'activatePlan' });
  run(therapist, { type: 'startStrategy', strategyId: 's-1' });
  run(client, { type: 'withdrawConsent', consentId: 'k-share', reason: 'Changed mind' });
  const session = (id: string, attendance?: 'attended' | 'did-not-attend' | 'cancelled'): void => {
    run(therapist, { type: 'scheduleSession', sessionId: id, strategyId: 's-1', scheduledFor: (state as CaseState).updatedAt });
    if (attendance !== undefined) run(therapist, { type: 'recordAttendance', sessionId: id, attendance });
  };
  session('v-1', 'attended');
  session('v-2', 'did-not-attend');
  session('v-3', 'cancelled');
  for (let w = 1; w <= weeks; w++) {
    session(`w-${w}`, 'attended');
    const phq = Math.max(0, 17 - Math.floor(w / 2) - (w % 3));
    run(therapist, { type: 'recordMeasurement', measurementId: `phq-${w}`, instrumentId: 'phq9', responses: spread(phq, 9), source: 'client-report', goalIds: ['g-1'] });
    run(therapist, { type: 'recordMeasurement', measurementId: `gad-${w}`, instrumentId: 'gad7', score: Math.max(0, 14 - (w % 7)), source: 'client-report', goalIds: ['g-2'] });
  }
  run(therapist, { type: 'amendMeasurement', measurementId: 'phq-1', responses: [1, 1, 1, 1, 1, 1, 1, 1, 0], reason: 'Transcription error' });
  run(therapist, { type: 'voidMeasurement', measurementId: 'gad-1', reason: 'Entered on the wrong case' });
  run(lead, { type: 'reviseGoal', goalId: 'g-1', newGoalId: 'g-1b', reason: 'Aim higher', measure: { ...phqGoal.measure, target: 5 } });
  run(lead, { type: 'recordRiskLevel', level: 'imminent', factors: ['plan disclosed'] });
  session('v-next');
  const s = state as unknown as CaseState;
  return { record: toRecord(events, s), events, state: s };
}

/** `total` spread over `items` responses of 0–3, highest first (the last item, self-harm, gets what is left). */
function spread(total: number, items: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < items; i++) {
    const v = Math.min(3, Math.ceil(left / (items - i)));
    out.push(v);
    left -= v;
  }
  return out;
}
