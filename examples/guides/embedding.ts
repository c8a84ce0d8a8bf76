// The embedding guide's example: an app's command handler over stored states, a refusal shown to
// the user, and the audit trail kept. Runs in CI (npm run examples).
import { allowedCommands, dispatch, sequentialIds, steppingClock, type Actor, type CaseEvent, type CaseState, type Context } from 'intervention-lifecycle';

const store = new Map<string, { state: CaseState; log: CaseEvent[] }>();
const now = steppingClock('2026-01-05T09:00:00.000Z', 60_000);
const newId = sequentialIds('id-');

/** What an HTTP handler would do: decide, store on success, explain a refusal. */
function handle(caseId: string | null, command: unknown, actor: Actor): string {
  const current = caseId === null ? undefined : store.get(caseId);
  const ctx: Context = { actor, now, newId, ...(current === undefined ? {} : { expectedVersion: current.state.version }) };
  const r = dispatch(current?.state ?? null, command, ctx);
  if (!r.ok) return `${r.error.code}${r.error.rule ? ` (${r.error.rule})` : ''}: ${r.error.message}`;
  store.set(r.state.id, { state: r.state, log: [...(current?.log ?? []), ...r.events] });
  return `${r.state.id} is ${r.state.status}; the UI may offer ${allowedCommands(r.state, actor).slice(0, 3).join(', ')}, …`;
}

const lead: Actor = { id: 'dr-okafor', role: 'lead-practitioner' };
console.log(handle(null, { type: 'openCase', caseId: 'case-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }, lead));
console.log(handle('case-1', { type: 'activatePlan' }, lead));
console.log(handle('case-1', { type: 'startAssessment', methods: ['interview'] }, lead));
console.log(`audit trail: ${store.get('case-1')?.log.map((e) => e.type).join(' → ')}`);
