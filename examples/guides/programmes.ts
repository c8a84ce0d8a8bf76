// The programmes guide's example: a group of three, one meeting, each member's case receiving it.
// Runs in CI (npm run examples).
import { dispatch, doseDelivered, type Actor, type CaseState } from 'intervention-lifecycle';
import { dispatchProgramme, roster, type ProgrammeState } from 'intervention-lifecycle/programme';

const lead: Actor = { id: 'dr-amara', role: 'lead-practitioner' };
let t = Date.parse('2026-01-05T09:00:00.000Z');
const now = () => new Date((t += 60_000)).toISOString();
const cases = new Map<string, CaseState>();
const onCase = (id: string, actor: Actor, command: object) => {
  const r = dispatch(cases.get(id) ?? null, command, { actor, now });
  if (!r.ok) throw r.error;
  cases.set(id, r.state);
};
// Three members, each with an active plan holding a group-therapy strategy and a treatment consent.
for (const n of [1, 2, 3]) {
  const id = `case-${n}`;
  const client: Actor = { id: `client-${n}`, role: 'client' };
  onCase(id, lead, { type: 'openCase', caseId: id, clientId: client.id, referral: { source: 'GP', reason: 'Social anxiety', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'community' });
  onCase(id, lead, { type: 'addTeamMember', memberId: 'm-lead', personId: lead.id, role: 'lead-practitioner' });
  onCase(id, lead, { type: 'assignLead', memberId: 'm-lead' });
  onCase(id, lead, { type: 'startAssessment', methods: ['interview'] });
  onCase(id, lead, { type: 'recordNeed', needId: 'n-1', domain: 'social', description: 'Avoids people', severity: 3, priority: 4 });
  onCase(id, lead, { type: 'recordStrength', description: 'Wants to change' });
  onCase(id, lead, { type: 'recordRiskScreen', level: 'low', factors: [] });
  onCase(id, lead, { type: 'completeAssessment' });
  onCase(id, lead, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-1'], description: 'Join in at the group', measure: { kind: 'indicator', indicator: 'times spoken in group', baseline: 0, target: 3, direction: 'increase' }, startDate: '2026-01-06', targetDate: '2026-04-30' });
  onCase(id, client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: [client.id] });
  onCase(id, lead, { type: 'proposeStrategy', strategyId: 's-1', modality: 'group-therapy', description: 'CBT group', goalIds: ['g-1'], responsibleMemberId: 'm-lead', dose: { plannedSessions: 10, frequency: 'weekly' } });
  onCase(id, lead, { type: 'planStrategy', strategyId: 's-1' });
  onCase(id, client, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: client.id });
  onCase(id, lead, { type: 'activatePlan' });
  onCase(id, lead, { type: 'startStrategy', strategyId: 's-1' });
}

let programme: ProgrammeState | null = null;
const run = (command: object) => {
  const r = dispatchProgramme(programme, command, { actor: lead, now, cases: (id) => cases.get(id) });
  if (!r.ok) throw r.error;
  programme = r.state;
  for (const u of r.cases) cases.set(u.caseId, u.state); // the programme and the cases, stored together
};
run({ type: 'openProgramme', programmeId: 'cbt-group', kind: 'group-therapy-course', name: 'Tuesday CBT group', capacity: 8 });
run({ type: 'addFacilitator', personId: lead.id, role: 'lead-practitioner' });
run({ type: 'startRecruiting' });
for (const n of [1, 2, 3]) {
  run({ type: 'referMember', memberId: `m${n}`, clientId: `client-${n}`, caseId: `case-${n}` });
  run({ type: 'enrolMember', memberId: `m${n}`, consentId: 'k-1', confidentialityAgreedAt: now() });
}
run({ type: 'startProgramme' });
run({ type: 'scheduleGroupSession', sessionId: 'week-1', kind: 'group-session', scheduledFor: now() });
run({ type: 'recordGroupAttendance', sessionId: 'week-1', attendance: { m1: 'attended', m2: 'attended', m3: 'did-not-attend' } });

for (const r of roster(programme as unknown as ProgrammeState)) {
  const dose = doseDelivered(cases.get(r.caseId) as CaseState, 's-1');
  console.log(`${r.memberId}: attended ${r.attended}, missed ${r.missed}; in ${r.caseId}: ${dose.attended} attended, ${dose.didNotAttend} missed`);
}
