import { dispatch, type Actor, type CaseEvent, type CaseState } from '../../src/index.js';
import { dispatchProgramme, type ProgrammeContext, type ProgrammeEvent, type ProgrammeState } from '../../src/programme/index.js';

export const lead: Actor = { id: 'p-lead', role: 'lead-practitioner' };
export const facilitator: Actor = { id: 'p-fac', role: 'therapist' };
export const stranger: Actor = { id: 'p-out', role: 'therapist' };

/**
 * A world of member cases and one programme, with a clock an hour a step: cases `c-<n>` of clients
 * `client-<n>`, each active with a strategy of `modality` run by the facilitator (on every team) and
 * an active treatment consent `k-<n>`. Every change is kept, so records can be written at the end.
 */
export function world(members: number, modality = 'group-therapy', start = Date.parse('2026-01-05T09:00:00.000Z')) {
  let t = start;
  const now = () => new Date((t += 3_600_000)).toISOString();
  const cases = new Map<string, CaseState>();
  const caseEvents = new Map<string, CaseEvent[]>();
  let programme: ProgrammeState | null = null;
  const programmeEvents: ProgrammeEvent[] = [];
  let ids = 0;
  const onCase = (caseId: string, actor: Actor, command: object): void => {
    const r = dispatch(cases.get(caseId) ?? null, command, { actor, now, newId: () => `x-${++ids}` });
    if (!r.ok) throw new Error(`${caseId} ${(command as { type: string }).type}: ${r.error.message}`);
    cases.set(caseId, r.state);
    caseEvents.set(caseId, [...(caseEvents.get(caseId) ?? []), ...r.events]);
  };
  const addMember = (n: number): void => {
    const caseId = `c-${n}`;
    const client: Actor = { id: `client-${n}`, role: 'client' };
    onCase(caseId, lead, { type: 'openCase', caseId, clientId: client.id, referral: { source: 'GP', reason: 'Low mood', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'community' });
    onCase(caseId, lead, { type: 'addTeamMember', memberId: 'm-lead', personId: lead.id, role: 'lead-practitioner' });
    onCase(caseId, lead, { type: 'assignLead', memberId: 'm-lead' });
    onCase(caseId, lead, { type: 'addTeamMember', memberId: 'm-fac', personId: facilitator.id, role: 'therapist' });
    onCase(caseId, lead, { type: 'startAssessment', assessmentId: 'a-1', methods: ['interview'] });
    onCase(caseId, lead, { type: 'recordNeed', needId: 'n-1', domain: 'social', description: 'Isolated', severity: 3, priority: 4 });
    onCase(caseId, lead, { type: 'recordStrength', strengthId: 's-1', description: 'Motivated' });
    onCase(caseId, lead, { type: 'recordRiskScreen', level: 'low', factors: [] });
    onCase(caseId, lead, { type: 'completeAssessment' });
    onCase(caseId, lead, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-1'], description: 'Feel less isolated', measure: { kind: 'indicator', indicator: 'contacts a week', baseline: 1, target: 4, direction: 'increase' }, startDate: '2026-01-10', targetDate: '2026-12-31' });
    onCase(caseId, client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: [client.id] });
    onCase(caseId, lead, { type: 'proposeStrategy', strategyId: 'st-group', modality, description: 'The group', goalIds: ['g-1'], responsibleMemberId: 'm-fac', dose: { plannedSessions: 40, frequency: 'weekly', sessionMinutes: 90 } });
    onCase(caseId, lead, { type: 'planStrategy', strategyId: 'st-group' });
    onCase(caseId, client, { type: 'recordConsent', consentId: `k-${n}`, scope: 'treatment', grantedBy: client.id });
    onCase(caseId, lead, { type: 'activatePlan' });
    onCase(caseId, facilitator, { type: 'startStrategy', strategyId: 'st-group' });
  };
  for (let n = 1; n <= members; n++) addMember(n);
  const ctx = (actor: Actor, extra: Partial<ProgrammeContext> = {}): ProgrammeContext => ({ actor, now, newId: () => `p-${++ids}`, cases: (id) => cases.get(id), ...extra });
  return {
    cases,
    caseEvents,
    addMember,
    onCase,
    get programme() {
      return programme;
    },
    programmeEvents,
    /** Dispatches a programme command; on success stores the programme and the cases it reached. */
    try(command: object, actor: Actor = lead, extra: Partial<ProgrammeContext> = {}) {
      const r = dispatchProgramme(programme, command, ctx(actor, extra));
      if (r.ok) {
        programme = r.state;
        programmeEvents.push(...r.events);
        for (const u of r.cases) {
          cases.set(u.caseId, u.state);
          caseEvents.set(u.caseId, [...(caseEvents.get(u.caseId) ?? []), ...u.events]);
        }
      }
      return r;
    },
    /** As `try`, failing the test on a refusal. */
    must(command: object, actor: Actor = lead, extra: Partial<ProgrammeContext> = {}): ProgrammeState {
      const r = this.try(command, actor, extra);
      if (!r.ok) throw new Error(`${(command as { type: string }).type}: ${r.error.code} ${r.error.message}`);
      return r.state;
    },
    /** A running programme with members 1..k enrolled (the facilitator added, recruiting done). */
    running(k: number, options: { capacity?: number; kind?: string; phases?: { id: string; name: string; minDays?: number }[] } = {}) {
      this.must({ type: 'openProgramme', programmeId: 'gp-1', kind: options.kind ?? 'group-therapy-course', name: 'Tuesday group', capacity: options.capacity ?? 12, ...(options.phases ? { phases: options.phases } : {}) });
      this.must({ type: 'addFacilitator', facilitatorId: 'f-1', personId: facilitator.id, role: 'therapist' });
      this.must({ type: 'startRecruiting' });
      for (let n = 1; n <= k; n++) this.enrol(n);
      this.must({ type: 'startProgramme' });
      return programme as ProgrammeState;
    },
    enrol(n: number, actor: Actor = facilitator) {
      this.must({ type: 'referMember', memberId: `mem-${n}`, clientId: `client-${n}`, caseId: `c-${n}` }, actor);
      this.must({ type: 'enrolMember', memberId: `mem-${n}`, consentId: `k-${n}`, confidentialityAgreedAt: '2026-01-05T09:00:00.000Z' }, actor);
    },
  };
}
