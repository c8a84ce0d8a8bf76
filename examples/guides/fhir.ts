// The FHIR guide's example: a case exported as an R4 Bundle, and read back. Runs in CI (npm run examples).
import { dispatch, sequentialIds, steppingClock, type CaseEvent, type CaseState } from 'intervention-lifecycle';
import { fromFhir, toFhirBundle } from 'intervention-lifecycle/fhir';
import { toRecord } from 'intervention-lifecycle/validate';

const ctx = { actor: { id: 'dr-okafor', role: 'lead-practitioner' } as const, now: steppingClock('2026-01-05T09:00:00.000Z', 3_600_000), newId: sequentialIds('id-') };
const events: CaseEvent[] = [];
let state: CaseState | null = null;
for (const command of [
  { type: 'openCase', caseId: 'case-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood', urgency: 'urgent', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' },
  { type: 'startAssessment', methods: ['standardized-instrument'] },
  { type: 'recordMeasurement', measurementId: 'phq-0', instrumentId: 'phq9', responses: [2, 2, 2, 1, 1, 2, 1, 1, 0], source: 'client-report' },
]) {
  const r = dispatch(state, command, ctx);
  if (!r.ok) throw r.error;
  state = r.state;
  events.push(...r.events);
}

const bundle = toFhirBundle(toRecord(events));
console.log(bundle.entry.map((e) => e.resource.resourceType).join(', '));
const back = fromFhir(JSON.stringify(bundle), { setting: 'clinic' });
console.log(back.measurements.map((m) => `${m.instrumentId ?? m.indicator} ${m.score} at ${m.takenAt}`));
console.log(back.issues.map((i) => `${i.severity} ${i.code}`));
