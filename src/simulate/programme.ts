/**
 * Group programmes in a simulation: groups of clients, each client in a case of their own, meeting
 * through the programme engine (`dispatchProgramme`), so every meeting reaches every member's case
 * and both records validate by construction. A group is the unit: its members are clients
 * `g × capacity … g × capacity + capacity − 1`, each drawing from their own random stream, so a group
 * comes out the same in any shard; `--shard i/n` takes the groups `g ≡ i (mod n)`.
 */
import { dispatch } from '../engine/dispatch.js';
import type { Actor } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';
import type { CaseEvent } from '../engine/events.js';
import { toRecord, type CaseRecord } from '../validate/validate-record.js';
import { dispatchProgramme } from '../programme/dispatch.js';
import { PROGRAMME_KINDS, type ProgrammeEvent, type ProgrammeState } from '../programme/model.js';
import { PROGRAMME_RECORD_FORMAT, type ProgrammeRecord } from '../programme/record.js';
import { clientRandom, type Random } from './random.js';
import { riskReviewFor } from './findings.js';
import { Trajectory } from './trajectory.js';
import { scenarioOf, type Scenario } from './scenario.js';

const DAY = 86_400_000;
const LEAD: Actor = { id: 'p-lead', role: 'lead-practitioner' };
const FACILITATOR: Actor = { id: 'p-group', role: 'therapist' };

/** One simulated group: its programme record and its members' case records. */
export interface SimulatedGroup {
  readonly group: number;
  readonly programme: ProgrammeRecord;
  readonly state: ProgrammeState;
  readonly cases: readonly CaseRecord[];
}

/** Options of {@link simulateProgrammes}. */
export interface ProgrammeRunOptions {
  readonly seed: number;
  /** How many groups (default 10). */
  readonly groups?: number;
  /** Only the groups `g ≡ shard.index (mod shard.count)`. */
  readonly shard?: { readonly index: number; readonly count: number };
}

/**
 * Simulates the scenario's group programme: `groups` groups, one after another every
 * `startEveryWeeks`, each with `capacity` members enrolled from their own active plans, meeting
 * `meetingsPerWeek` times a week for `weeks` weeks; a member misses a meeting with the scenario's
 * did-not-attend chance and drops out with its weekly dropout chance. Members' scores are monitored
 * as the cohort's are (a baseline at assessment, then every `monitoring.everyWeeks` and at the end),
 * and respond as the programme's responders or non-responders, with the meetings they attend.
 *
 * @throws {TypeError} for a scenario `parseScenario` refuses, listing its problems.
 * @throws {RangeError} for a scenario without `programme`, or a bad seed, count or shard.
 * @example
 * ```ts
 * const parsed = parseScenario({ programme: { capacity: 8 } });
 * if (parsed.ok) for (const g of simulateProgrammes(parsed.scenario, { seed: 1, groups: 3 })) store(g.programme, g.cases);
 * ```
 */
export function* simulateProgrammes(input: Scenario, options: ProgrammeRunOptions): Generator<SimulatedGroup> {
  const scenario = scenarioOf(input, 'simulateProgrammes');
  options ??= {} as ProgrammeRunOptions;
  const p = scenario.programme;
  if (p === undefined) throw new RangeError('the scenario has no programme: add one ({ "programme": {} } takes every default)');
  const groups = options.groups ?? 10;
  const shard = options.shard ?? { index: 0, count: 1 };
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new RangeError(`seed must be a non-negative integer, not ${String(options.seed)}`);
  if (!Number.isSafeInteger(groups) || groups < 0) throw new RangeError(`groups must be a non-negative integer, not ${String(groups)}`);
  if (!Number.isSafeInteger(shard.count) || shard.count < 1 || !Number.isSafeInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new RangeError(`shard must be i/n with 0 ≤ i < n, not ${String(shard.index)}/${String(shard.count)}`);
  }
  checkGroups(scenario, groups);
  const modality = PROGRAMME_KINDS[p.kind];
  if (modality === undefined) throw new RangeError(`"${p.kind}" is not a programme kind (${Object.keys(PROGRAMME_KINDS).join(', ')})`);
  for (let g = shard.index; g < groups; g += shard.count) yield simulateGroup(scenario, options.seed, g, modality);
}

/**
 * Refuses a run whose last group would be followed past the year 9998 (instants have four-digit
 * years): said before the first group, not as a refused command half-way through the run.
 *
 * @throws {RangeError} naming the group and what to change.
 */
export function checkGroups(scenario: Scenario, groups: number): void {
  const p = scenario.programme;
  if (p === undefined || groups <= 0) return;
  // The last group's start, and its members' goals, which run four weeks past its end.
  const lastStart = Date.parse(`${scenario.startDate}T08:00:00.000Z`) + (groups - 1) * p.startEveryWeeks * 7 * DAY;
  if (!(lastStart + (p.weeks + 6) * 7 * DAY < Date.UTC(9999, 0, 1))) {
    throw new RangeError(`group ${groups} would run past the year 9998 (startDate ${scenario.startDate}, a group every ${p.startEveryWeeks} weeks): run fewer groups, start them more often or earlier`);
  }
}

function simulateGroup(scenario: Scenario, seed: number, g: number, modality: string): SimulatedGroup {
  const p = scenario.programme as NonNullable<Scenario['programme']>;
  let now = Date.parse(`${scenario.startDate}T08:00:00.000Z`) + g * p.startEveryWeeks * 7 * DAY;
  const clock = () => new Date((now += 60_000)).toISOString();
  let ids = 0;
  const newId = () => `g${g}-${++ids}`;
  const cases = new Map<string, CaseState>();
  const logs = new Map<string, CaseEvent[]>();
  const onCase = (caseId: string, actor: Actor, command: object): void => {
    const r = dispatch(cases.get(caseId) ?? null, command, { actor, now: clock, newId });
    if (!r.ok) throw new Error(`The simulator's ${(command as { type: string }).type} was refused for ${caseId}: ${r.error.message}`);
    cases.set(caseId, r.state);
    // Appended in place: copying the log on every command made a member's cost grow with its square.
    const log = logs.get(caseId);
    if (log === undefined) logs.set(caseId, [...r.events]);
    else for (const e of r.events) log.push(e);
  };
  let programme: ProgrammeState | null = null;
  const events: ProgrammeEvent[] = [];
  const onProgramme = (command: object, actor: Actor = LEAD): void => {
    const r = dispatchProgramme(programme, command, { actor, now: clock, newId, cases: (id) => cases.get(id) });
    if (!r.ok) throw new Error(`The simulator's ${(command as { type: string }).type} was refused for group ${g}: ${r.error.message}`);
    programme = r.state;
    events.push(...r.events);
    for (const u of r.cases) {
      cases.set(u.caseId, u.state);
      logs.get(u.caseId)?.push(...u.events);
    }
  };
  const members = Array.from({ length: p.capacity }, (_, k) => g * p.capacity + k);
  // Streams of their own: a member and the cohort's client of the same index are different people.
  const rnd = new Map(members.map((i) => [i, clientRandom(seed, i, 'group-member')]));
  // Each member's true scores: a baseline drawn now, a response that accrues with meetings attended.
  const paths = new Map(members.map((i) => [i, new Trajectory(scenario, rnd.get(i) as Random)]));
  const measure = (i: number): void => {
    const path = paths.get(i) as Trajectory;
    for (const id of scenario.monitoring.instruments) {
      const score = path.observe(id, rnd.get(i) as Random);
      onCase(`gcase-${i + 1}`, { id: `gclient-${i + 1}`, role: 'client' }, { type: 'recordMeasurement', instrumentId: id, score, source: 'client-report' });
      // As in a course of care (client.ts): a score that implies a risk item is reviewed at once.
      const review = riskReviewFor(id, score);
      if (review !== null) onCase(`gcase-${i + 1}`, LEAD, review);
    }
  };
  for (const i of members) {
    const caseId = `gcase-${i + 1}`;
    const client: Actor = { id: `gclient-${i + 1}`, role: 'client' };
    const start = new Date(now).toISOString().slice(0, 10);
    onCase(caseId, LEAD, { type: 'openCase', caseId, clientId: client.id, referral: { source: 'GP', reason: 'Referred to the group', urgency: 'routine', receivedAt: new Date(now - 14 * DAY).toISOString() }, setting: 'community' });
    onCase(caseId, LEAD, { type: 'addTeamMember', memberId: 'm-lead', personId: LEAD.id, role: LEAD.role });
    onCase(caseId, LEAD, { type: 'assignLead', memberId: 'm-lead' });
    onCase(caseId, LEAD, { type: 'addTeamMember', memberId: 'm-group', personId: FACILITATOR.id, role: FACILITATOR.role });
    onCase(caseId, LEAD, { type: 'startAssessment', methods: ['interview'] });
    onCase(caseId, LEAD, { type: 'recordNeed', needId: 'n-1', domain: 'psychological', description: 'Low mood and isolation', severity: 3, priority: 4 });
    onCase(caseId, LEAD, { type: 'recordStrength', description: 'Willing to join a group' });
    onCase(caseId, LEAD, { type: 'recordRiskScreen', level: 'low', factors: [] });
    measure(i);
    onCase(caseId, LEAD, { type: 'completeAssessment' });
    if ((rnd.get(i) as Random).chance(scenario.researchConsent)) onCase(caseId, client, { type: 'recordConsent', consentId: 'k-research', scope: 'research', grantedBy: client.id });
    onCase(caseId, LEAD, { type: 'proposeGoal', goalId: 'g-1', addressesNeedIds: ['n-1'], description: 'Take part in the group each week', measure: { kind: 'indicator', indicator: 'meetings attended a week', baseline: 0, target: p.meetingsPerWeek, direction: 'increase' }, startDate: start, targetDate: new Date(now + (p.weeks + 4) * 7 * DAY).toISOString().slice(0, 10) });
    onCase(caseId, client, { type: 'agreeGoal', goalId: 'g-1', agreedBy: [client.id] });
    onCase(caseId, LEAD, { type: 'proposeStrategy', strategyId: 's-group', modality, description: 'The group programme', goalIds: ['g-1'], responsibleMemberId: 'm-group', dose: { plannedSessions: p.weeks * p.meetingsPerWeek, frequency: p.meetingsPerWeek === 1 ? 'weekly' : p.meetingsPerWeek === 2 ? 'twice-weekly' : 'daily', sessionMinutes: 90 } });
    onCase(caseId, LEAD, { type: 'planStrategy', strategyId: 's-group' });
    onCase(caseId, client, { type: 'recordConsent', consentId: 'k-1', scope: 'treatment', grantedBy: client.id });
    onCase(caseId, LEAD, { type: 'activatePlan' });
    onCase(caseId, FACILITATOR, { type: 'startStrategy', strategyId: 's-group' });
    (paths.get(i) as Trajectory).beginStep(p, rnd.get(i) as Random);
  }
  onProgramme({ type: 'openProgramme', programmeId: `group-${g + 1}`, kind: p.kind, name: `Group ${g + 1}`, capacity: p.capacity });
  onProgramme({ type: 'addFacilitator', facilitatorId: 'f-1', personId: FACILITATOR.id, role: FACILITATOR.role });
  onProgramme({ type: 'startRecruiting' });
  for (const i of members) {
    onProgramme({ type: 'referMember', memberId: `m${i + 1}`, clientId: `gclient-${i + 1}`, caseId: `gcase-${i + 1}` }, FACILITATOR);
    onProgramme({ type: 'enrolMember', memberId: `m${i + 1}`, consentId: 'k-1', confidentialityAgreedAt: new Date(now).toISOString() }, FACILITATOR);
  }
  onProgramme({ type: 'startProgramme' });
  const weekStart = now;
  for (let week = 0; week < p.weeks; week++) {
    for (let m = 0; m < p.meetingsPerWeek; m++) {
      now = Math.max(now, weekStart + (week * 7 + m) * DAY);
      const state = programme as unknown as ProgrammeState;
      const enrolled = Object.values(state.members).filter((x) => x.status === 'enrolled');
      if (enrolled.length === 0) break;
      const sessionId = `w${week + 1}-${m + 1}`;
      onProgramme({ type: 'scheduleGroupSession', sessionId, kind: 'group-session', scheduledFor: new Date(now).toISOString() }, FACILITATOR);
      const attendance: Record<string, string> = {};
      for (const x of enrolled) {
        const i = Number(x.id.slice(1)) - 1;
        const missed = rnd.get(i)?.chance(scenario.didNotAttend) === true;
        attendance[x.id] = missed ? 'did-not-attend' : 'attended';
        // A meeting attended is a week's treatment shared among the week's meetings; a missed one, none.
        if (!missed) paths.get(i)?.attended(1 / p.meetingsPerWeek);
      }
      onProgramme({ type: 'recordGroupAttendance', sessionId, attendance }, FACILITATOR);
    }
    // Monitoring at the end of the week, for the members still in the group (and at its last week).
    if ((week + 1) % scenario.monitoring.everyWeeks === 0 || week === p.weeks - 1) {
      now = Math.max(now, weekStart + (week * 7 + 6) * DAY);
      for (const x of Object.values((programme as unknown as ProgrammeState).members)) if (x.status === 'enrolled') measure(Number(x.id.slice(1)) - 1);
    }
    for (const x of Object.values((programme as unknown as ProgrammeState).members)) {
      if (x.status === 'enrolled' && rnd.get(Number(x.id.slice(1)) - 1)?.chance(scenario.dropoutPerWeek) === true) onProgramme({ type: 'recordDropOut', memberId: x.id, reason: 'Stopped coming' }, FACILITATOR);
    }
  }
  onProgramme({ type: 'endProgramme' });
  return {
    group: g,
    programme: { format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1, events },
    state: programme as unknown as ProgrammeState,
    cases: members.map((i) => toRecord(logs.get(`gcase-${i + 1}`) ?? [], cases.get(`gcase-${i + 1}`))),
  };
}
