/**
 * The fair XState v5 peer (DESIGN.md §10): the case's statuses *with* a context that tracks what the
 * guards need (goals, strategies, sessions, consent, lead, evaluations, measurements) and guards for
 * the rules that decide the scenario's steps: a goal must be proposed to be agreed, the plan needs an
 * agreed goal, a planned strategy for each, a treatment consent and a lead; a strategy must be planned
 * to start and active to take sessions; a session must be scheduled to take attendance; closing as
 * completed needs a final evaluation and every goal ended. Context is updated immutably, as the
 * engine's state is. No payload validation (see the "+ parse" row for that).
 */
import { assign, setup } from 'xstate';
import { machineEntries, machines } from '../src/index.js';

interface Ctx {
  readonly goals: Readonly<Record<string, string>>;
  readonly strategies: Readonly<Record<string, { readonly status: string; readonly goalIds: readonly string[] }>>;
  readonly sessions: Readonly<Record<string, string>>;
  readonly team: Readonly<Record<string, string>>;
  readonly lead: string | null;
  readonly treatmentConsent: boolean;
  readonly finalEvaluation: boolean;
  readonly measurements: readonly number[];
}

type Ev = { readonly type: string } & Record<string, unknown>;

const str = (e: Ev, k: string): string => e[k] as string;

function next(c: Ctx, e: Ev): Ctx {
  switch (e.type) {
    case 'addTeamMember':
      return { ...c, team: { ...c.team, [str(e, 'memberId')]: str(e, 'role') } };
    case 'assignLead':
      return { ...c, lead: str(e, 'memberId') };
    case 'proposeGoal':
      return { ...c, goals: { ...c.goals, [str(e, 'goalId')]: 'proposed' } };
    case 'agreeGoal':
      return { ...c, goals: { ...c.goals, [str(e, 'goalId')]: 'agreed' } };
    case 'recordGoalOutcome':
      return { ...c, goals: { ...c.goals, [str(e, 'goalId')]: str(e, 'outcome') } };
    case 'proposeStrategy':
      return { ...c, strategies: { ...c.strategies, [str(e, 'strategyId')]: { status: 'proposed', goalIds: e.goalIds as string[] } } };
    case 'planStrategy':
    case 'startStrategy': {
      const id = str(e, 'strategyId');
      const s = c.strategies[id] as Ctx['strategies'][string];
      return { ...c, strategies: { ...c.strategies, [id]: { ...s, status: e.type === 'planStrategy' ? 'planned' : 'active' } } };
    }
    case 'recordConsent':
      return e.scope === 'treatment' ? { ...c, treatmentConsent: true } : c;
    case 'activatePlan': {
      const goals: Record<string, string> = {};
      for (const [id, status] of Object.entries(c.goals)) goals[id] = status === 'agreed' ? 'active' : status;
      return { ...c, goals };
    }
    case 'scheduleSession':
      return { ...c, sessions: { ...c.sessions, [str(e, 'sessionId')]: 'scheduled' } };
    case 'recordAttendance':
      return { ...c, sessions: { ...c.sessions, [str(e, 'sessionId')]: str(e, 'attendance') } };
    case 'recordMeasurement':
      return { ...c, measurements: [...c.measurements, (e.responses as number[] | undefined)?.reduce((a, b) => a + b, 0) ?? (e.score as number)] };
    case 'recordEvaluation':
      return e.status === 'final' ? { ...c, finalEvaluation: true } : c;
    default:
      return c;
  }
}

const ENDED = new Set(['achieved', 'partially-achieved', 'not-achieved', 'cancelled', 'superseded', 'rejected']);

const guards: Record<string, (c: Ctx, e: Ev) => boolean> = {
  agreeGoal: (c, e) => c.goals[str(e, 'goalId')] === 'proposed',
  recordGoalOutcome: (c, e) => c.goals[str(e, 'goalId')] === 'active',
  planStrategy: (c, e) => c.strategies[str(e, 'strategyId')]?.status === 'proposed',
  startStrategy: (c, e) => c.strategies[str(e, 'strategyId')]?.status === 'planned' && c.treatmentConsent,
  scheduleSession: (c, e) => c.strategies[str(e, 'strategyId')]?.status === 'active' && c.treatmentConsent,
  recordAttendance: (c, e) => c.sessions[str(e, 'sessionId')] === 'scheduled',
  activatePlan: (c) => {
    const agreed = Object.keys(c.goals).filter((id) => c.goals[id] === 'agreed');
    const planned = Object.values(c.strategies).filter((s) => s.status === 'planned');
    return agreed.length > 0 && agreed.every((g) => planned.some((s) => s.goalIds.includes(g))) && c.treatmentConsent && c.lead !== null;
  },
  completeReview: (c) => c.finalEvaluation,
  closeCase: (c, e) => e.reason !== 'completed' || (c.finalEvaluation && Object.values(c.goals).every((s) => ENDED.has(s))),
};

/** The guarded, context-carrying XState machine of the case's statuses. */
export function guardedXStateMachine() {
  const states: Record<string, { on: Record<string, { target: string; guard?: { type: 'rule'; params: { command: string } }; actions: 'record' }> }> = {};
  for (const status of machines.case.states) states[status] = { on: {} };
  for (const entry of machineEntries(machines.case)) {
    for (const from of entry.from) {
      if (from === null) continue;
      const target = entry.to === 'unchanged' ? from : entry.command === 'completeReview' ? 'active' : (entry.to[0] as string);
      const transition = guards[entry.command] ? { target, guard: { type: 'rule' as const, params: { command: entry.command } }, actions: 'record' as const } : { target, actions: 'record' as const };
      (states[from] as (typeof states)[string]).on[entry.command] = transition;
    }
  }
  const initial: Ctx = { goals: {}, strategies: {}, sessions: {}, team: {}, lead: null, treatmentConsent: false, finalEvaluation: false, measurements: [] };
  return setup({
    types: { context: {} as Ctx, events: {} as Ev },
    guards: { rule: ({ context, event }, params: { command: string }) => (guards[params.command] as (c: Ctx, e: Ev) => boolean)(context, event) },
    actions: { record: assign(({ context, event }) => next(context, event)) },
  }).createMachine({ id: 'case-guarded', initial: 'referred', context: initial, states: states as never });
}
