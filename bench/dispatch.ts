/**
 * dispatch (validating and auditing) against an XState v5 actor walking the same statuses with no
 * payload checks, and a hand-written mutable reducer with no checks at all (the limit).
 */
import { createActor, createMachine } from 'xstate';
import { commandSchema, dispatch, machineEntries, machines, type CaseState, type Context } from '../src/index.js';
import { setFreezesStates } from '../src/case/draft.js';
import { measureInterleaved, printTable, type BenchResult } from './harness.js';
import { scenario } from './scenario.js';

const at = '2026-01-05T10:00:00.000Z';
let n = 0;
const ctxFor = new Map(scenario.map(([actor]) => [actor, { actor, now: () => at, newId: () => `id-${++n}` } satisfies Context]));

function runEngine(): number {
  let state: CaseState | null = null;
  for (const [actor, command] of scenario) {
    const r = dispatch(state, command, ctxFor.get(actor) as Context);
    if (!r.ok) throw r.error;
    state = r.state;
  }
  return scenario.length;
}

// The same statuses and command names in XState: commands that keep the case's status are
// self-transitions, so the actor processes every event of the walk.
function xstateMachine() {
  const states: Record<string, { on: Record<string, string> }> = {};
  for (const status of machines.case.states) states[status] = { on: {} };
  for (const entry of machineEntries(machines.case)) {
    for (const from of entry.from) {
      if (from === null) continue;
      const target = entry.to === 'unchanged' ? from : entry.command === 'completeReview' ? 'active' : entry.to[0];
      (states[from] as { on: Record<string, string> }).on[entry.command] = `.${'' }${target}`.replace(/^\./, '');
    }
  }
  return createMachine({ id: 'case', initial: 'referred', states: states as never });
}
const xMachine = xstateMachine();
const xEvents = scenario.slice(1).map(([, c]) => ({ ...c, type: c.type as string }));

function runXState(): number {
  const actor = createActor(xMachine).start();
  for (const event of xEvents) actor.send(event);
  if (actor.getSnapshot().value !== 'closed') throw new Error(`XState walk ended in ${String(actor.getSnapshot().value)}`);
  actor.stop();
  return scenario.length;
}

// XState again, with each command's payload parsed by our own zod schemas first: shows how much of
// the gap is validation alone.
const schema = commandSchema();
function runXStateZod(): number {
  const actor = createActor(xMachine).start();
  for (const [, command] of scenario.slice(1)) {
    const parsed = schema.safeParse(command);
    if (!parsed.success) throw parsed.error;
    actor.send(parsed.data);
  }
  actor.stop();
  return scenario.length;
}

// The limit: a plain mutable object and a switch, no validation, no guards, no events.
interface Plain {
  status: string;
  version: number;
  goals: Record<string, { status: string }>;
  strategies: Record<string, { status: string }>;
  sessions: Record<string, { status: string }>;
  team: Record<string, string>;
  needs: string[];
  consents: string[];
  measurements: number[];
  lead?: string;
}
function reduce(s: Plain, c: Record<string, unknown>): void {
  const id = (k: string) => c[k] as string;
  switch (c.type) {
    case 'openCase': s.status = 'referred'; break;
    case 'addTeamMember': s.team[id('memberId')] = id('role'); break;
    case 'assignLead': s.lead = id('memberId'); break;
    case 'startAssessment': s.status = 'assessing'; break;
    case 'recordNeed': s.needs.push(id('needId')); break;
    case 'recordStrength': case 'recordRiskScreen': break;
    case 'completeAssessment': s.status = 'planning'; break;
    case 'proposeGoal': s.goals[id('goalId')] = { status: 'proposed' }; break;
    case 'agreeGoal': (s.goals[id('goalId')] as { status: string }).status = 'agreed'; break;
    case 'proposeStrategy': s.strategies[id('strategyId')] = { status: 'proposed' }; break;
    case 'planStrategy': (s.strategies[id('strategyId')] as { status: string }).status = 'planned'; break;
    case 'recordConsent': s.consents.push(id('consentId')); break;
    case 'activatePlan': s.status = 'active'; for (const g of Object.values(s.goals)) g.status = 'active'; break;
    case 'startStrategy': (s.strategies[id('strategyId')] as { status: string }).status = 'active'; break;
    case 'scheduleSession': s.sessions[id('sessionId')] = { status: 'scheduled' }; break;
    case 'recordAttendance': (s.sessions[id('sessionId')] as { status: string }).status = id('attendance'); break;
    case 'startReview': s.status = 'reviewing'; break;
    case 'recordGoalOutcome': (s.goals[id('goalId')] as { status: string }).status = id('outcome'); break;
    case 'recordEvaluation': break;
    case 'setMonitoringSchedule': break;
    case 'recordMeasurement': s.measurements.push((c.responses as number[] | undefined)?.reduce((a, b) => a + b, 0) ?? (c.score as number)); break;
    case 'closeCase': s.status = 'closed'; break;
    default: throw new Error(`unhandled ${String(c.type)}`);
  }
  s.version += 1;
}
function runReducer(): number {
  const s: Plain = { status: '', version: 0, goals: {}, strategies: {}, sessions: {}, team: {}, needs: [], consents: [], measurements: [] };
  for (const [, c] of scenario) reduce(s, c);
  if (s.status !== 'closed') throw new Error('reducer walk did not close');
  return scenario.length;
}

// The engine with states frozen, as in development and tests (production skips freezing).
function runEngineFrozen(): number {
  setFreezesStates(true);
  try {
    return runEngine();
  } finally {
    setFreezesStates(undefined);
  }
}

export function benchDispatch(): BenchResult[] {
  const results = measureInterleaved([
    { name: 'dispatch (validated, audited)', run: runEngine },
    { name: 'dispatch, states frozen (dev)', run: runEngineFrozen },
    { name: 'XState v5 actor (peer)', run: runXState },
    { name: 'XState v5 actor + zod payloads', run: runXStateZod },
    { name: 'mutable reducer (limit)', run: runReducer },
  ]);
  printTable(`Dispatch: the standard ${scenario.length}-command lifecycle, repeated (target: ≥ 1.0× XState)`, 'commands', results, 'XState v5 actor (peer)');
  return results;
}
