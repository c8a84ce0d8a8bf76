/**
 * One simulated client's course of care, every step a command through `dispatch`: referral, a wait,
 * assessment with baseline scores, SMART goals agreed, the pathway's steps (stepping up when a
 * step leaves the client not reliably improved), sessions missed at random, monitoring, crises,
 * reviews, dropout, and closure with goal outcomes and a final evaluation.
 */
import { formatInstant } from '../kernel/clock.js';
import { toRecord, type CaseRecord } from '../validate/validate-record.js';
import { deepFreeze, freezesStates, setFreezesStates } from '../case/store/freezing.js';
import { dispatchInPlace } from '../engine/in-place.js';
import type { Context, Policy } from '../engine/context.js';
import type { CaseEvent } from '../engine/events.js';
import type { CaseState } from '../case/model/state.js';
import type { Actor } from '../case/model/primitives.js';
import { instrumentChanges } from '../case/rules/outcomes.js';
import { findModality } from '../case/model/modalities.js';
import { clientRandom, type Random } from './random.js';
import { scenarioOf, type Scenario } from './scenario.js';
import { Trajectory } from './trajectory.js';
import { drawNeeds, drawRiskScreen, riskReviewFor } from './findings.js';
import { goalsFor, judgeGoals, proposal, type SimulatedGoal } from './goals.js';
import { checkArrivals, referralTime } from './arrivals.js';
import { policyFor } from './policy.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const INTERVAL_DAYS: Readonly<Record<string, number>> = { once: 7, daily: 1, 'twice-weekly': 3.5, weekly: 7, fortnightly: 14, monthly: 28, 'as-needed': 14 };
const LEAD: Actor = { id: 'p-lead', role: 'lead-practitioner' };
const SAFETY_PLAN = (safetyPlanId: string) => ({ type: 'recordSafetyPlan', safetyPlanId, warningSigns: ['Not sleeping'], copingStrategies: ['Call a friend'], socialContacts: ['Sister'], professionalContacts: ['Crisis line'], meansSafety: ['Medication kept by partner'] });

/** The calendar date (UTC) of an instant in milliseconds: formatInstant is a quarter of Date#toISOString's cost. */
const dateOf = (ms: number): string => formatInstant(ms).slice(0, 10);

/** One simulated client: the events of its case (its record) and the state they lead to. */
export interface SimulatedCase {
  /** The client's index in the run (0-based). */
  readonly index: number;
  /** The case record (the events, in the record format): what `--out` writes, one a line. */
  readonly record: CaseRecord;
  readonly events: readonly CaseEvent[];
  readonly state: CaseState;
}

/** The weekly chances and the steps of one client, drawn once. */
class Course {
  state: CaseState | null = null;
  readonly events: CaseEvent[] = [];
  /** The client's goals, once proposed. */
  goals: readonly SimulatedGoal[] = [];
  private now: number;
  private ids = 0;
  private readonly client: Actor;
  private readonly ctx = new Map<Actor, Context>();

  constructor(
    readonly caseId: string,
    start: number,
    private readonly policy: Policy,
  ) {
    this.now = start;
    this.client = { id: `client-${caseId.slice(5)}`, role: 'client' };
  }

  get clientActor(): Actor {
    return this.client;
  }

  get time(): number {
    return this.now;
  }

  /** Moves the clock forward (never back) to `at`. */
  to(at: number): void {
    if (at > this.now) this.now = at;
  }

  /** Dispatches as `actor`, a minute after the previous command; a refusal is a bug in the simulator. */
  run(command: Record<string, unknown>, actor: Actor = LEAD): void {
    this.now += 60_000;
    let ctx = this.ctx.get(actor);
    if (ctx === undefined) {
      // formatInstant, not Date#toISOString: it runs on every command and is about four times faster.
      ctx = { actor, now: () => formatInstant(this.now), newId: () => `${this.caseId}-${++this.ids}`, policy: this.policy };
      this.ctx.set(actor, ctx);
    }
    // In place: the course keeps no earlier state (engine/in-place.ts).
    const r = dispatchInPlace(this.state, command, ctx);
    if (!r.ok) throw new Error(`The simulator's ${String(command.type)} was refused for ${this.caseId}: ${r.error.message}`);
    this.state = r.state;
    for (const e of r.events) this.events.push(e);
  }
}

/**
 * Simulates client `index` of a run: deterministic in (scenario, seed, index) alone. The state it
 * returns is frozen outside production, as dispatch's states are. Give it what `parseScenario`
 * returned (anything else is parsed first, at some 20 µs a call) and, in a loop, the policy
 * computed once (by default `policyFor(scenario)` each call).
 *
 * @throws {TypeError} for a scenario `parseScenario` refuses, listing its problems.
 * @throws {RangeError} for a seed or index that is not a non-negative integer, or a client the
 * scenario's arrivals would refer after the year 9998.
 *
 * @example
 * ```ts
 * const { state } = simulateClient(parsed, 42, 0, policyFor(parsed));
 * state.status; // 'closed'
 * ```
 */
export function simulateClient(input: Scenario, seed: number, index: number, policy?: Policy): SimulatedCase {
  const scenario = scenarioOf(input, 'simulateClient');
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer, not ${String(index)}`);
  checkArrivals(scenario, index + 1);
  policy ??= policyFor(scenario);
  // The states between commands are the simulator's own, never kept or seen outside: they are not
  // frozen (that would cost a quarter of the run), and each command changes the last in place
  // (Course.run; copying them cost a seventh). The final state is frozen whole instead, so what the
  // caller receives is exactly as frozen as dispatch would have made it.
  const freeze = freezesStates();
  setFreezesStates(false);
  let course: Course;
  try {
    course = runCourse(scenario, seed, index, policy);
  } finally {
    setFreezesStates(freeze);
  }
  const state = course.state as CaseState;
  return { index, record: toRecord(course.events), events: course.events, state: freeze ? deepFreeze(state) : state };
}

function runCourse(scenario: Scenario, seed: number, index: number, policy: Policy): Course {
  const rnd = clientRandom(seed, index);
  const weekMs = 7 * DAY;
  const referredAt = referralTime(scenario, index, rnd.next());
  const course = new Course(`case-${index + 1}`, Math.floor(referredAt), policy);
  const endAt = referredAt + scenario.weeks * weekMs;
  const instruments = scenario.monitoring.instruments;
  const trajectory = new Trajectory(scenario, rnd);
  const urgency = rnd.pick(scenario.referral.urgency as Record<string, number>);
  course.run({ type: 'openCase', caseId: course.caseId, clientId: course.clientActor.id, referral: { source: rnd.pick(scenario.referral.sources), reason: 'Low mood and worry', urgency, receivedAt: formatInstant(course.time) }, setting: 'clinic' });
  course.run({ type: 'addTeamMember', memberId: 'm-lead', personId: LEAD.id, role: LEAD.role });
  course.run({ type: 'assignLead', memberId: 'm-lead' });

  // Assessment after the wait, with the baseline scores. A client still waiting when the follow-up
  // ends keeps an open case, as a real one would (censored): nothing is recorded after the horizon.
  course.to(referredAt + Math.max(0, rnd.normal(scenario.waitDays.mean, scenario.waitDays.sd)) * DAY);
  if (course.time + 2 * HOUR >= endAt) return course;
  course.run({ type: 'startAssessment', assessmentId: 'a-1', methods: ['interview', 'standardized-instrument'] });
  drawNeeds(scenario, rnd).forEach((need, i) => course.run({ type: 'recordNeed', needId: `n-${i + 1}`, ...need }));
  course.run({ type: 'recordStrength', strengthId: 'st-1', description: 'Wants to get back to work' });
  const screened = drawRiskScreen(scenario, rnd);
  // A high or imminent screen opens a crisis: a safety plan comes before the plan starts.
  const crisisAtAssessment = screened === 'high' || screened === 'imminent';
  course.run({ type: 'recordRiskScreen', level: screened, factors: crisisAtAssessment ? ['suicidal thoughts'] : [] });
  if (crisisAtAssessment) course.run(SAFETY_PLAN('sp-assessment'));
  const baseline = measure(course, instruments, trajectory, rnd, false);
  course.run({ type: 'completeAssessment' });
  if (rnd.chance(scenario.researchConsent)) course.run({ type: 'recordConsent', consentId: 'k-research', scope: 'research', grantedBy: course.clientActor.id }, course.clientActor);

  // SMART goals (goals.ts): below caseness, or at least one point better, by the end of follow-up.
  const treatmentAt = course.time + 7 * DAY;
  // Assessed, and still waiting for treatment when the follow-up ends: the case stays in planning.
  if (treatmentAt >= endAt) return course;
  course.goals = goalsFor(scenario, baseline);
  for (const goal of course.goals) {
    course.run(proposal(scenario, goal, dateOf(treatmentAt), dateOf(endAt + DAY)));
    course.run({ type: 'agreeGoal', goalId: goal.goalId, agreedBy: [course.clientActor.id] }, course.clientActor);
  }
  const pathway = pickPathway(scenario, rnd);
  course.run({ type: 'recordConsent', consentId: 'k-treatment', scope: 'treatment', grantedBy: course.clientActor.id }, course.clientActor);
  for (const id of instruments) course.run({ type: 'setMonitoringSchedule', instrumentId: id, everyWeeks: scenario.monitoring.everyWeeks, startDate: dateOf(treatmentAt) });
  startStep(course, pathway.steps[0] as Scenario['pathways'][number]['steps'][number], 0, true);
  course.run({ type: 'activatePlan' });
  course.to(treatmentAt);
  course.run({ type: 'startStrategy', strategyId: 's-1' });

  deliver(course, scenario, pathway.steps, trajectory, rnd, endAt, crisisAtAssessment ? course.time : null);
  return course;
}

function pickPathway(scenario: Scenario, rnd: Random): Scenario['pathways'][number] {
  const weights: Record<string, number> = {};
  scenario.pathways.forEach((p, i) => (weights[String(i)] = p.share));
  return scenario.pathways[Number(rnd.pick(weights))] as Scenario['pathways'][number];
}

/** Proposes (and plans) the strategy of step `k`, with a member of the role that delivers it. */
function startStep(course: Course, step: Scenario['pathways'][number]['steps'][number], k: number, planOnly: boolean): void {
  const memberId = `m-${step.role}`;
  if (course.state !== null && course.state.team[memberId] === undefined) course.run({ type: 'addTeamMember', memberId, personId: `p-${step.role}`, role: step.role });
  course.run({ type: 'proposeStrategy', strategyId: `s-${k + 1}`, modality: step.modality, description: `Step ${k + 1}: ${step.modality}`, goalIds: course.goals.map((g) => g.goalId), responsibleMemberId: memberId, dose: { plannedSessions: step.sessions, frequency: step.frequency } });
  // A modality that needs its own consent (medication, ECT) gets it from the client, as a real one must.
  if (findModality(step.modality)?.needsConsent === true) {
    course.run({ type: 'recordConsent', consentId: `k-s${k + 1}`, scope: `modality:${step.modality}`, grantedBy: course.clientActor.id }, course.clientActor);
  }
  course.run({ type: 'planStrategy', strategyId: `s-${k + 1}` });
  if (!planOnly) course.run({ type: 'startStrategy', strategyId: `s-${k + 1}` });
}

/** Records a score on each instrument (observed: true score plus measurement error). */
function measure(course: Course, instruments: readonly string[], trajectory: Trajectory, rnd: Random, forGoal: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of instruments) {
    const score = trajectory.observe(id, rnd);
    out[id] = score;
    const command: Record<string, unknown> = { type: 'recordMeasurement', instrumentId: id, score, source: 'client-report' };
    // Written out, not spread: this runs for every score, and V8 builds a spread object slowly.
    if (forGoal) for (const g of course.goals) if (g.instrumentId === id) { command.goalIds = [g.goalId]; break; }
    course.run(command, course.clientActor);
    // The urgent alert a total like a PHQ-9 of 25 raises is acted on: item 9 asked directly, the risk reviewed.
    const review = riskReviewFor(id, score);
    if (review !== null) course.run(review);
  }
  return out;
}

/** The weeks of treatment: sessions, monitoring, crises, reviews, stepping up, dropout, closure. */
function deliver(course: Course, scenario: Scenario, steps: Scenario['pathways'][number]['steps'], trajectory: Trajectory, rnd: Random, endAt: number, openCrisis: number | null): void {
  let k = 0;
  let step = steps[0] as (typeof steps)[number];
  trajectory.beginStep(step, rnd);
  let delivered = 0;
  let next = course.time;
  let week = 0;
  let crisisSince: number | null = openCrisis;
  for (;;) {
    const weekStart = course.time;
    // Sessions due this week.
    while (next < weekStart + 7 * DAY && delivered < step.sessions) {
      course.to(next);
      const sessionId = `v-${k + 1}-${delivered + 1}`;
      course.run({ type: 'scheduleSession', sessionId, strategyId: `s-${k + 1}`, scheduledFor: formatInstant(course.time + HOUR) });
      course.to(course.time + 2 * HOUR);
      const missed = rnd.chance(scenario.didNotAttend);
      course.run({ type: 'recordAttendance', sessionId, attendance: missed ? 'did-not-attend' : 'attended' });
      const interval = INTERVAL_DAYS[step.frequency] ?? 7;
      // Treatment received moves the scores on; a missed session does not (see Trajectory).
      if (!missed) trajectory.attended(interval / 7);
      delivered++;
      next += interval * DAY;
    }
    week++;
    course.to(weekStart + 7 * DAY - HOUR);
    if (week % scenario.monitoring.everyWeeks === 0) measure(course, scenario.monitoring.instruments, trajectory, rnd, true);
    if (crisisSince !== null) {
      course.run({ type: 'recordRiskLevel', level: 'moderate', factors: [] });
      course.run({ type: 'resolveCrisis' });
      crisisSince = null;
    } else if (rnd.chance(scenario.crisisPerWeek)) {
      course.run({ type: 'recordRiskLevel', level: 'high', factors: ['suicidal thoughts'] });
      course.run(SAFETY_PLAN(`sp-${week}`));
      crisisSince = course.time;
    }
    if (week % scenario.reviewEveryWeeks === 0 && course.time < endAt) review(course);
    if (crisisSince === null && rnd.chance(scenario.dropoutPerWeek)) return close(course, 'disengaged');
    if (delivered >= step.sessions) {
      const improved = instrumentChanges(course.state as CaseState).find((c) => c.instrumentId === scenario.monitoring.instruments[0])?.category === 'improved';
      if (improved || k + 1 >= steps.length) return finish(course, crisisSince);
      course.run({ type: 'completeStrategy', strategyId: `s-${k + 1}` });
      k++;
      step = steps[k] as (typeof steps)[number];
      startStep(course, step, k, false);
      trajectory.beginStep(step, rnd);
      delivered = 0;
      next = course.time + DAY;
    }
    if (course.time >= endAt) return finish(course, crisisSince);
  }
}

function review(course: Course): void {
  course.run({ type: 'startReview' });
  const goalOutcomes = course.goals.map(({ goalId }) => ({ goalId, status: 'in-progress', evidence: 'Weekly scores' }));
  course.run({ type: 'recordEvaluation', status: 'final', goalOutcomes, barriers: [], decision: 'continue' });
  course.run({ type: 'completeReview', outcome: 'continue' });
}

/** Ends the course: each goal's outcome from the scores, a final evaluation, and closure. */
function finish(course: Course, crisisSince: number | null): void {
  if (crisisSince !== null) {
    course.run({ type: 'recordRiskLevel', level: 'moderate', factors: [] });
    course.run({ type: 'resolveCrisis' });
  }
  const judged = judgeGoals(course.state as CaseState, course.goals);
  for (const { goalId, outcome } of judged) course.run({ type: 'recordGoalOutcome', goalId, outcome });
  const goalOutcomes = judged.map(({ goalId, outcome, gasLevel }) => ({ goalId, status: outcome, evidence: 'Last score of the course', ...(gasLevel === undefined ? {} : { gasLevel }) }));
  course.run({ type: 'recordEvaluation', status: 'final', goalOutcomes, barriers: [], decision: 'close' });
  course.run({ type: 'closeCase', reason: 'completed' });
}

function close(course: Course, reason: 'disengaged'): void {
  course.run({ type: 'closeCase', reason });
}
