/**
 * dispatch (validating and auditing) against an XState v5 actor walking the same statuses with no
 * payload checks, and a hand-written mutable reducer with no checks at all (the limit).
 */
import { createActor, createMachine } from 'xstate';
import { dispatch, machineEntries, machines, type CaseState, type Context } from '../src/index.js';
import { parseCommand } from '../src/engine/commands.js';
import { guardedXStateMachine } from './xstate-guarded.js';
import { setFreezesStates } from '../src/case/store/freezing.js';
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

// The fair peer: guards and a context, as the engine has (bench/xstate-guarded.ts).
const gMachine = guardedXStateMachine();
function runXStateGuarded(): number {
  const actor = createActor(gMachine).start();
  for (const event of xEvents) actor.send(event);
  if (actor.getSnapshot().value !== 'closed') throw new Error(`guarded XState walk ended in ${String(actor.getSnapshot().value)}`);
  actor.stop();
  return scenario.length;
}

// The guarded peer with each command parsed first by the very parser dispatch uses (the generated
// fast path, zod behind it): how much of the gap is validation alone.
function runXStateGuardedParsed(): number {
  const actor = createActor(gMachine).start();
  for (const [, command] of scenario.slice(1)) {
    const parsed = parseCommand(command);
    if (!parsed.success) throw parsed.error;
    actor.send(parsed.data as never);
  }
  if (actor.getSnapshot().value !== 'closed') throw new Error('guarded XState walk did not close');
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
  switch (c.type) {
    case 'openCase': s.status = 'referred'; break;
    case 'addTeamMember': s.team[c.memberId as string] = c.role as string; break;
    case 'assignLead': s.lead = c.memberId as string; break;
    case 'startAssessment': s.status = 'assessing'; break;
    case 'recordNeed': s.needs.push(c.needId as string); break;
    case 'recordStrength': case 'recordRiskScreen': break;
    case 'completeAssessment': s.status = 'planning'; break;
    case 'proposeGoal': s.goals[c.goalId as string] = { status: 'proposed' }; break;
    case 'agreeGoal': (s.goals[c.goalId as string] as { status: string }).status = 'agreed'; break;
    case 'proposeStrategy': s.strategies[c.strategyId as string] = { status: 'proposed' }; break;
    case 'planStrategy': (s.strategies[c.strategyId as string] as { status: string }).status = 'planned'; break;
    case 'recordConsent': s.consents.push(c.consentId as string); break;
    case 'activatePlan': s.status = 'active'; for (const id in s.goals) (s.goals[id] as { status: string }).status = 'active'; break;
    case 'startStrategy': (s.strategies[c.strategyId as string] as { status: string }).status = 'active'; break;
    case 'scheduleSession': s.sessions[c.sessionId as string] = { status: 'scheduled' }; break;
    case 'recordAttendance': (s.sessions[c.sessionId as string] as { status: string }).status = c.attendance as string; break;
    case 'startReview': s.status = 'reviewing'; break;
    case 'recordGoalOutcome': (s.goals[c.goalId as string] as { status: string }).status = c.outcome as string; break;
    case 'recordEvaluation': break;
    case 'setMonitoringSchedule': break;
    case 'recordMeasurement': {
      const r = c.responses as number[] | undefined;
      let total = 0;
      if (r === undefined) total = c.score as number;
      else for (let i = 0; i < r.length; i++) total += r[i] as number;
      s.measurements.push(total);
      break;
    }
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

// The engine as a request handler drives it: a context built for every command (a fresh actor
// object, fresh clock and id closures), so nothing the engine remembers about contexts helps.
function runEngineFreshContexts(): number {
  let state: CaseState | null = null;
  for (const [actor, command] of scenario) {
    const r = dispatch(state, command, { actor: { id: actor.id, role: actor.role }, now: () => at, newId: () => `id-${++n}` });
    if (!r.ok) throw r.error;
    state = r.state;
  }
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
    { name: 'dispatch, a context per command', run: runEngineFreshContexts },
    { name: 'dispatch, states frozen (dev)', run: runEngineFrozen },
    { name: 'XState v5, guards + context (peer)', run: runXStateGuarded },
    { name: 'XState v5, guarded + our parser', run: runXStateGuardedParsed },
    { name: 'XState v5, bare (no guards)', run: runXState },
    { name: 'mutable reducer (limit)', run: runReducer },
  ]);
  printTable(`Dispatch: the standard ${scenario.length}-command lifecycle, medians of interleaved rounds (target: ≥ 1.0× the guarded XState machine)`, 'commands', results, 'XState v5, guards + context (peer)');
  return results;
}
