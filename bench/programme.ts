/**
 * A residential therapeutic community of 30 places over a year (community meetings every weekday,
 * 60 residents through it): recording it — every meeting reaching each resident's case — and
 * validating the programme record with its member case records. The peer for one meeting is the same
 * 30 sessions scheduled and recorded in the cases by hand (dispatch, no programme); the growth row
 * compares a meeting in the first week with one after a year.
 */
import { dispatch, type Actor, type CaseState } from '../src/index.js';
import { dispatchProgramme, validateProgrammeRecord, type ProgrammeState } from '../src/programme/index.js';
import { runCommunity } from '../examples/therapeutic-community.js';
import { median } from './harness.js';

const lead: Actor = { id: 'dr-amara', role: 'lead-practitioner' };

/** Milliseconds per meeting: `rounds` meetings scheduled and recorded on copies of the given world. */
function meetings(programme: ProgrammeState, cases: Map<string, CaseState>, rounds: number, byHand: boolean): number {
  let p = programme;
  const store = new Map(cases);
  let at = Date.parse(programme.updatedAt) + 86_400_000;
  const now = () => new Date((at += 1000)).toISOString();
  let n = 0;
  const t0 = performance.now();
  for (let k = 0; k < rounds; k++) {
    // The enrolled members (not roster(), whose attendance counts read every past meeting).
    const members = Object.values(p.members).filter((m) => m.status === 'enrolled').map((m) => ({ memberId: m.id, caseId: m.caseId }));
    if (byHand) {
      for (const m of members) {
        const sid = `hand-${k}`;
        const s1 = dispatch(store.get(m.caseId) as CaseState, { type: 'scheduleSession', sessionId: sid, strategyId: 's-tc', scheduledFor: new Date(at).toISOString(), groupId: p.id }, { actor: lead, now });
        if (!s1.ok) throw s1.error;
        const s2 = dispatch(s1.state, { type: 'recordAttendance', sessionId: sid, attendance: 'attended' }, { actor: lead, now });
        if (!s2.ok) throw s2.error;
        store.set(m.caseId, s2.state);
      }
      continue;
    }
    const ctx = { actor: lead, now, newId: () => `b-${++n}`, cases: (id: string) => store.get(id) };
    const s = dispatchProgramme(p, { type: 'scheduleGroupSession', sessionId: `bench-${k}`, kind: 'community-meeting', scheduledFor: new Date(at).toISOString() }, ctx);
    if (!s.ok) throw s.error;
    for (const u of s.cases) store.set(u.caseId, u.state);
    const r = dispatchProgramme(s.state, { type: 'recordGroupAttendance', sessionId: `bench-${k}`, attendance: Object.fromEntries(members.map((m) => [m.memberId, 'attended'])) }, ctx);
    if (!r.ok) throw r.error;
    for (const u of r.cases) store.set(u.caseId, u.state);
    p = r.state;
  }
  return (performance.now() - t0) / rounds;
}

export function benchProgramme(): void {
  const years: number[] = [];
  const validations: number[] = [];
  let run = runCommunity();
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    run = runCommunity();
    years.push(performance.now() - t0);
    const t1 = performance.now();
    const v = validateProgrammeRecord(JSON.parse(JSON.stringify(run.record)), { cases: JSON.parse(JSON.stringify(run.caseRecords)) as unknown[] });
    validations.push(performance.now() - t1);
    if (!v.valid) throw new Error(`the community's records do not validate: ${v.issues[0]?.message ?? ''}`);
  }
  const caseEvents = run.caseRecords.reduce((s, r) => s + r.events.length, 0);
  const early = runCommunity({ days: 7 });
  const rounds = { early: [] as number[], late: [] as number[], hand: [] as number[] };
  for (let i = 0; i < 5; i++) {
    rounds.early.push(meetings(early.programme, early.cases, 20, false));
    rounds.late.push(meetings(run.programme, run.cases, 20, false));
    rounds.hand.push(meetings(run.programme, run.cases, 20, true));
  }
  const [e, l, h] = [median(rounds.early), median(rounds.late), median(rounds.hand)];
  console.log('\nProgrammes: a 30-place therapeutic community over a year (meetings every weekday)');
  console.log(`  the year recorded: ${run.programme.sessions.length} meetings, ${run.record.events.length} programme events, ${caseEvents} events in ${run.caseRecords.length} member cases — ${median(years).toFixed(0)} ms (median of 3)`);
  console.log(`  validated with its member case records (replayed through the tables, attendance cross-checked): ${median(validations).toFixed(0)} ms`);
  console.log(`  one meeting (schedule + attendance, reaching 30 cases): ${e.toFixed(2)} ms in the first week, ${l.toFixed(2)} ms after a year (${(l / e).toFixed(2)}×)`);
  console.log(`  the same 30 sessions dispatched to the cases by hand: ${h.toFixed(2)} ms (the programme costs ${(l / h).toFixed(2)}× that, and keeps the two records in step)`);
}
