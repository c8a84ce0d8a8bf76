/**
 * A residential therapeutic community for a year: 30 residents in three phases (induction, primary
 * treatment, re-entry), community meetings every weekday, peer roles, a waiting list, drop-outs and
 * graduations — each resident's own case receiving every meeting, so their dose and attendance are
 * in their own record. Run with `npx tsx examples/therapeutic-community.ts`.
 */
import { fileURLToPath } from 'node:url';
import { dispatch, doseDelivered, type Actor, type CaseEvent, type CaseState } from 'intervention-lifecycle';
import { capacity, dispatchProgramme, roster, validateProgrammeRecord, PROGRAMME_RECORD_FORMAT, type ProgrammeEvent, type ProgrammeState } from 'intervention-lifecycle/programme';
import { toRecord } from 'intervention-lifecycle/validate';

const lead: Actor = { id: 'dr-amara', role: 'lead-practitioner' };
const peer: Actor = { id: 'jo-peer', role: 'peer-supporter' };
const DAY = 86_400_000;

/** Runs the community for `days` days with `places` places and `referrals` residents referred over the year. */
export function runCommunity(options: { places?: number; days?: number; referrals?: number } = {}) {
  const places = options.places ?? 30;
  const days = options.days ?? 365;
  const referrals = options.referrals ?? 60;
  let at = Date.parse('2026-01-05T08:00:00.000Z');
  const now = () => new Date((at += 1000)).toISOString(); // each command a second after the last
  let n = 0;
  const newId = () => `id-${++n}`;
  const cases = new Map<string, CaseState>();
  const caseLogs = new Map<string, CaseEvent[]>();
  let programme: ProgrammeState | null = null;
  const programmeLog: ProgrammeEvent[] = [];

  const onCase = (caseId: string, actor: Actor, command: object): void => {
    const r = dispatch(cases.get(caseId) ?? null, command, { actor, now, newId });
    if (!r.ok) throw new Error(`${caseId} ${(command as { type: string }).type}: ${r.error.message}`);
    cases.set(caseId, r.state);
    caseLogs.set(caseId, [...(caseLogs.get(caseId) ?? []), ...r.events]);
  };
  let lastRefusal = '';
  const onProgramme = (command: object, actor: Actor = lead): boolean => {
    const r = dispatchProgramme(programme, command, { actor, now, newId, cases: (id) => cases.get(id) });
    if (!r.ok) {
      lastRefusal = r.error.message;
      return false;
    }
    programme = r.state;
    programmeLog.push(...r.events);
    for (const u of r.cases) {
      cases.set(u.caseId, u.state);
      caseLogs.get(u.caseId)?.push(...u.events);
    }
    return true;
  };
  const must = (command: object, actor: Actor = lead): void => {
    if (!onProgramme(command, actor)) throw new Error(`${(command as { type: string }).type} refused: ${lastRefusal}`);
  };

  /** A resident's case, from referral to an active plan with a residential programme strategy and consent. */
  const admitCase = (k: number): void => {
    const caseId = `case-r${k}`;
    const client: Actor = { id: `resident-${k}`, role: 'client' };
    onCase(caseId, lead, { type: 'openCase', caseId, clientId: client.id, referral: { source: 'Community drug and alcohol team', reason: 'Alcohol dependence after two community detoxes', urgency: 'routine', receivedAt: new Date(at - DAY).toISOString() }, setting: 'residential' });
    onCase(caseId, lead, { type: 'addTeamMember', memberId: 'm-lead', personId: lead.id, role: 'lead-practitioner' });
    onCase(caseId, lead, { type: 'assignLead', memberId: 'm-lead' });
    // The peer supporter who co-runs the community is on every resident's team: they record meetings.
    onCase(caseId, lead, { type: 'addTeamMember', memberId: 'm-peer', personId: peer.id, role: 'peer-supporter' });
    onCase(caseId, lead, { type: 'startAssessment', methods: ['interview', 'collateral'] });
    onCase(caseId, lead, { type: 'recordNeed', needId: 'n-1', domain: 'substance-use', description: 'Alcohol dependence', severity: 4, priority: 5 });
    onCase(caseId, lead, { type: 'recordStrength', description: 'Wants to rebuild contact with his children' });
    onCase(caseId, lead, { type: 'recordRiskScreen', level: 'moderate', factors: ['relapse'] });
    onCase(caseId, lead, { type: 'completeAssessment' });
    onCase(caseId, lead, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-1'], description: 'Stay abstinent through the programme', measure: { kind: 'indicator', indicator: 'abstinent days a week', baseline: 0, target: 7, direction: 'increase' }, startDate: new Date(at).toISOString().slice(0, 10), targetDate: new Date(at + 365 * DAY).toISOString().slice(0, 10) });
    onCase(caseId, client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: [client.id] });
    onCase(caseId, lead, { type: 'proposeStrategy', strategyId: 's-tc', modality: 'residential-programme', description: 'Therapeutic community', goalIds: ['g-1'], responsibleMemberId: 'm-lead', dose: { plannedSessions: 200, frequency: 'daily', sessionMinutes: 60 } });
    onCase(caseId, lead, { type: 'planStrategy', strategyId: 's-tc' });
    onCase(caseId, client, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: client.id });
    onCase(caseId, lead, { type: 'activatePlan' });
    onCase(caseId, lead, { type: 'startStrategy', strategyId: 's-tc' });
  };

  must({ type: 'openProgramme', programmeId: 'tc-1', kind: 'residential-therapeutic-community', name: 'Riverside House', capacity: places, phases: [{ id: 'induction', name: 'Induction', minDays: 14 }, { id: 'primary', name: 'Primary treatment', minDays: 90 }, { id: 're-entry', name: 'Re-entry', minDays: 0 }] });
  must({ type: 'addFacilitator', facilitatorId: 'f-lead', personId: lead.id, role: 'lead-practitioner' });
  must({ type: 'addFacilitator', facilitatorId: 'f-peer', personId: peer.id, role: 'peer-supporter' });
  must({ type: 'startRecruiting' });
  let referred = 0;
  const refer = (): void => {
    referred++;
    admitCase(referred);
    must({ type: 'referMember', memberId: `r${referred}`, clientId: `resident-${referred}`, caseId: `case-r${referred}` });
    if (!onProgramme({ type: 'enrolMember', memberId: `r${referred}`, consentId: 'k-1', confidentialityAgreedAt: new Date(at).toISOString() })) must({ type: 'waitlistMember', memberId: `r${referred}` });
  };
  for (let k = 0; k < places; k++) refer();
  must({ type: 'startProgramme' });
  must({ type: 'assignPeerRole', memberId: 'r1', peerRole: 'senior-resident' });

  const start = at;
  for (let day = 0; day < days; day++) {
    at = Math.max(at, start + day * DAY);
    const weekday = new Date(at).getUTCDay();
    const p = programme as unknown as ProgrammeState;
    // A referral every ten days or so; the waiting list fills the places that open.
    if (day % 9 === 4 && referred < referrals) refer();
    for (const id of capacity(p).waitingList) if (capacity(programme as unknown as ProgrammeState).free > 0) onProgramme({ type: 'enrolMember', memberId: id, consentId: 'k-1', confidentialityAgreedAt: new Date(at).toISOString() });
    if (weekday === 0 || weekday === 6) continue;
    const meeting = `cm-${day}`;
    must({ type: 'scheduleGroupSession', sessionId: meeting, kind: 'community-meeting', scheduledFor: new Date(at).toISOString() });
    const enrolled = roster(programme as unknown as ProgrammeState);
    // Most residents attend; each misses one meeting in 6 to 16, deterministically.
    const attendance = Object.fromEntries(enrolled.map((r) => { const k = Number(r.memberId.slice(1)); return [r.memberId, (day + k * 5) % (6 + (k % 11)) === 0 ? 'did-not-attend' : 'attended']; }));
    must({ type: 'recordGroupAttendance', sessionId: meeting, attendance }, peer);
    for (const r of enrolled) {
      const m = (programme as unknown as ProgrammeState).members[r.memberId];
      if (m === undefined || m.phaseSince === null) continue;
      const inPhase = (at - Date.parse(m.phaseSince)) / DAY;
      if (m.phaseId === 'induction' && inPhase >= 14) must({ type: 'movePhase', memberId: m.id, phaseId: 'primary' });
      else if (m.phaseId === 'primary' && inPhase >= 120) must({ type: 'movePhase', memberId: m.id, phaseId: 're-entry' });
      else if (m.phaseId === 're-entry' && inPhase >= 60) must({ type: 'completeEnrolment', memberId: m.id });
      else if (r.missed >= 8 && r.attendanceRate !== null && r.attendanceRate < 0.85) must({ type: 'recordDropOut', memberId: m.id, reason: 'Left the house' });
    }
  }
  return {
    programme: programme as unknown as ProgrammeState,
    record: { format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1 as const, events: programmeLog },
    caseRecords: [...caseLogs.values()].map((events) => toRecord(events)),
    cases,
  };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const run = runCommunity();
  const p = run.programme;
  const places = capacity(p);
  console.log(`${p.name}: ${p.sessions.length} community meetings, ${Object.keys(p.members).length} residents referred, ${places.enrolled}/${places.capacity} in residence, ${places.waitingList.length} waiting`);
  const ended = Object.values(p.members).reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.status]: (acc[m.status] ?? 0) + 1 }), {});
  console.log('enrolments:', ended);
  for (const r of roster(p).slice(0, 5)) {
    const dose = doseDelivered(run.cases.get(r.caseId) as CaseState, 's-tc');
    console.log(`  ${r.memberId.padEnd(4)} ${String(r.phaseId).padEnd(9)} ${(r.peerRole ?? '').padEnd(15)} attended ${r.attended}, missed ${r.missed} — in their own case: ${dose.attended} attended, did-not-attend rate ${(dose.didNotAttendRate ?? 0).toFixed(2)}`);
  }
  const check = validateProgrammeRecord(run.record, { cases: run.caseRecords });
  console.log(`programme record with ${run.caseRecords.length} member case records: ${check.valid ? 'valid, and they agree' : `${check.issues.length} issues`}`);
  if (!check.valid) process.exitCode = 1;
}
