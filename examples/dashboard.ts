/**
 * A client who is not on track, and the alerts a dashboard shows for them.
 * Run with `npx tsx examples/dashboard.ts`.
 */
import { alerts, dispatchOrThrow, goalProgress, overdueMeasurements, type Actor, type CaseState } from 'intervention-lifecycle';

const lead: Actor = { id: 'dr-okafor', role: 'lead-practitioner' };
const client: Actor = { id: 'client-jo', role: 'client' };
let day = 0;
const at = () => new Date(Date.UTC(2026, 0, 5 + day++, 10)).toISOString();
let state: CaseState | null = null;
const run = (actor: Actor, command: object) => {
  state = dispatchOrThrow(state, command, { actor, now: at }).state;
};

run(lead, { type: 'openCase', caseId: 'case-31', clientId: 'client-jo', referral: { source: 'Occupational health', reason: 'Worry and panic since a restructure at work', urgency: 'routine', receivedAt: '2026-01-02T09:00:00.000Z' }, setting: 'online' });
run(lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'dr-okafor', role: 'lead-practitioner' });
run(lead, { type: 'assignLead', memberId: 'm-lead' });
run(lead, { type: 'startAssessment', methods: ['interview', 'standardized-instrument'] });
run(lead, { type: 'recordNeed', needId: 'n-anx', domain: 'psychological', description: 'Generalised worry, panic twice a week', severity: 4, priority: 5 });
run(lead, { type: 'recordStrength', description: 'Keeps a diary' });
run(lead, { type: 'recordRiskScreen', level: 'low', factors: [] });
run(lead, { type: 'completeAssessment' });
run(lead, { type: 'proposeGoal', goalId: 'g-anx', description: 'Bring anxiety into the mild range', addressesNeedIds: ['n-anx'], measure: { kind: 'instrument', instrumentId: 'gad7', baseline: 12, target: 7, direction: 'decrease' }, startDate: '2026-01-15', targetDate: '2026-04-30' });
run(client, { type: 'agreeGoal', goalId: 'g-anx', agreedBy: ['client-jo'] });
run(lead, { type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'Guided self-help CBT for anxiety', goalIds: ['g-anx'], responsibleMemberId: 'm-lead', dose: { plannedSessions: 8, frequency: 'weekly' } });
run(lead, { type: 'planStrategy', strategyId: 's-1' });
run(client, { type: 'recordConsent', consentId: 'k-treatment', scope: 'treatment', grantedBy: 'client-jo', expiresAt: '2026-03-10T00:00:00.000Z' });
run(lead, { type: 'setMonitoringSchedule', instrumentId: 'gad7', everyWeeks: 1, startDate: '2026-01-15' });
run(lead, { type: 'activatePlan' });
run(lead, { type: 'startStrategy', strategyId: 's-1' });
for (const score of [12, 14, 17]) run(client, { type: 'recordMeasurement', instrumentId: 'gad7', score, source: 'client-report' });

const asOf = '2026-03-01T09:00:00.000Z';
const current = state as CaseState | null;
if (current === null) throw new Error('no case');
const progress = goalProgress(current, 'g-anx');
console.log(`Goal g-anx: GAD-7 ${progress.series.map((p) => p.value).join(' → ')} (target ${progress.target}): ${progress.achievement}`);
console.log(`Overdue: ${overdueMeasurements(current, asOf).map((o) => `${o.instrumentId} due ${o.dueOn}`).join(', ') || 'none'}`);
console.log(`\nDashboard for ${current.id} on ${asOf.slice(0, 10)}:`);
for (const a of alerts(current, asOf)) console.log(`  [${a.severity.padEnd(7)}] ${a.code.padEnd(20)} ${a.message}`);
