// The validating-records guide's example: a record checked, then tampered with and checked again.
// Runs in CI (npm run examples).
import { dispatch, sequentialIds, steppingClock, type CaseEvent, type CaseState } from 'intervention-lifecycle';
import { toRecord, validateRecord } from 'intervention-lifecycle/validate';

const ctx = { actor: { id: 'dr-okafor', role: 'lead-practitioner' } as const, now: steppingClock('2026-01-05T09:00:00.000Z', 3_600_000), newId: sequentialIds('id-') };
const events: CaseEvent[] = [];
let state: CaseState | null = null;
for (const command of [
  { type: 'openCase', caseId: 'case-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Worry', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'online' },
  { type: 'startAssessment', methods: ['interview'] },
  { type: 'recordNeed', needId: 'n-1', domain: 'emotional', description: 'Constant worry', severity: 3, priority: 4 },
]) {
  const r = dispatch(state, command, ctx);
  if (!r.ok) throw r.error;
  state = r.state;
  events.push(...r.events);
}

const record = toRecord(events, state ?? undefined);
console.log(validateRecord(record)); // { valid: true, issues: [], state: …, caseId: 'case-1' }

// Someone edits the log by hand: the need's severity, after the fact, without an event saying so.
const edited = JSON.parse(JSON.stringify(record)) as { events: { data: { need?: { severity: number } } }[] };
const need = edited.events[2]?.data.need;
if (need) need.severity = 5;
for (const issue of validateRecord(edited).issues) console.log(`${issue.severity} ${issue.path} ${issue.code}: ${issue.message}`);
