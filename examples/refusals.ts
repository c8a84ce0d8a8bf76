/**
 * Three refusals a UI meets, and the messages it can show. Refused commands leave the state as it
 * was; `allowedCommands` tells a UI which buttons to draw in the first place.
 * Run with `npx tsx examples/refusals.ts`.
 */
import { allowedCommands, dispatch, dispatchOrThrow, type Actor, type CaseState, type Context } from 'intervention-lifecycle';

const lead: Actor = { id: 'dr-okafor', role: 'lead-practitioner' };
const therapist: Actor = { id: 'sam-reyes', role: 'therapist' };
const as = (actor: Actor): Context => ({ actor, now: () => '2026-02-01T10:00:00.000Z' });

let state: CaseState | null = null;
const run = (actor: Actor, command: object) => {
  state = dispatchOrThrow(state, command, as(actor)).state;
};
run(lead, { type: 'openCase', caseId: 'case-7', clientId: 'client-li', referral: { source: 'Self', reason: 'Panic attacks at work', urgency: 'routine', receivedAt: '2026-01-30T09:00:00.000Z' }, setting: 'private-practice' });
run(lead, { type: 'addTeamMember', memberId: 'm-lead', personId: 'dr-okafor', role: 'lead-practitioner' });
run(lead, { type: 'assignLead', memberId: 'm-lead' });
run(lead, { type: 'addTeamMember', memberId: 'm-ther', personId: 'sam-reyes', role: 'therapist' });
run(lead, { type: 'startAssessment', methods: ['interview'] });
run(lead, { type: 'recordNeed', needId: 'n-1', domain: 'psychological', description: 'Panic attacks twice a week', severity: 4, priority: 5 });
run(lead, { type: 'recordStrength', description: 'Motivated to change' });
run(lead, { type: 'recordRiskScreen', level: 'none', factors: [] });
run(lead, { type: 'completeAssessment' });
run(lead, { type: 'proposeGoal', goalId: 'g-1', description: 'Reduce anxiety to the mild range', addressesNeedIds: ['n-1'], measure: { kind: 'instrument', instrumentId: 'gad7', baseline: 15, target: 7, direction: 'decrease' }, startDate: '2026-02-01', targetDate: '2026-05-01' });
run({ id: 'client-li', role: 'client' }, { type: 'agreeGoal', goalId: 'g-1', agreedBy: ['client-li'] });
run(lead, { type: 'proposeStrategy', strategyId: 's-1', modality: 'cbt', description: 'CBT for panic disorder', goalIds: ['g-1'], responsibleMemberId: 'm-ther', dose: { plannedSessions: 10, frequency: 'weekly' } });
run(lead, { type: 'planStrategy', strategyId: 's-1' });

const show = (title: string, actor: Actor, command: object) => {
  const r = dispatch(state, command, as(actor));
  console.log(`${title}\n  → ${r.ok ? 'accepted' : `${r.error.code}${r.error.rule ? ` [${r.error.rule}]` : ''}: ${r.error.message}`}\n`);
};

console.log(`Buttons for the lead now: ${allowedCommands(state, lead, { at: '2026-02-01T10:00:00.000Z' }).join(', ')}\n`);
show('1. The lead activates the plan before the client has consented to treatment', lead, { type: 'activatePlan' });
show('2. The therapist starts CBT while the case is still being planned', therapist, { type: 'startStrategy', strategyId: 's-1' });
show('3. The therapist tries to close the case', therapist, { type: 'closeCase', reason: 'completed' });
