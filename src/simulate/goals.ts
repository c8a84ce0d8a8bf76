/**
 * The simulated client's SMART goals: one on the first monitored instrument, or one on each
 * (`goal.instruments`), each to bring its score below caseness (or a point lower when it already
 * is) by the end of follow-up; and how each is judged at the end, from the last score on its
 * instrument, on the attainment scale written before treatment.
 */
import type { CaseState } from '../case/model/state.js';
import { getInstrument } from '../measures/instruments/registry.js';
import { gasScale } from './findings.js';
import type { Scenario } from './scenario.js';

/** One goal the simulator proposes: its id, instrument, baseline and target. */
export interface SimulatedGoal {
  readonly goalId: string;
  readonly instrumentId: string;
  readonly baseline: number;
  readonly target: number;
}

/**
 * The goals for a client with these baseline scores: `g-1` on the first monitored instrument, then
 * (with `goal.instruments: 'all'`) `g-2`, `g-3`, … on the others in the order they are monitored.
 */
export function goalsFor(scenario: Scenario, baseline: Readonly<Record<string, number>>): SimulatedGoal[] {
  const instruments = scenario.monitoring.instruments;
  const on = scenario.goal.instruments === 'all' ? instruments : instruments.slice(0, 1);
  return on.map((instrumentId, i) => {
    const caseness = getInstrument(instrumentId)?.caseness ?? 10;
    // A goal needs room to improve: a baseline of 0 is goal-scaled from 1, as the engine's measure needs target < baseline.
    const from = Math.max(1, baseline[instrumentId] ?? 1);
    return { goalId: `g-${i + 1}`, instrumentId, baseline: from, target: Math.max(0, Math.min(caseness - 1, from - 1)) };
  });
}

/** The proposeGoal command of a goal, starting on `startDate` and due by `targetDate` (both days). */
export function proposal(scenario: Scenario, goal: SimulatedGoal, startDate: string, targetDate: string): Record<string, unknown> {
  const { goalId, instrumentId, baseline, target } = goal;
  return {
    type: 'proposeGoal',
    goalId,
    description: `Bring ${instrumentId} below caseness`,
    addressesNeedIds: ['n-1'],
    measure: { kind: 'instrument', instrumentId, baseline, target, direction: 'decrease' },
    startDate,
    targetDate,
    ...(scenario.goal.gas ? { gas: { weight: 1, levels: gasScale(instrumentId, baseline, target, getInstrument(instrumentId)?.range.min ?? 0).levels } } : {}),
  };
}

/** A goal's outcome at the end of the course, and the GAS level its last score attains (when scaled). */
export interface Judged {
  readonly goalId: string;
  readonly outcome: 'achieved' | 'partially-achieved' | 'not-achieved';
  readonly gasLevel?: -2 | -1 | 0 | 1 | 2;
}

/** Judges each goal of the state on the last score of its instrument. */
export function judgeGoals(state: CaseState, goals: readonly SimulatedGoal[]): Judged[] {
  return goals.map(({ goalId }) => {
    const goal = state.goals[goalId];
    let last: number | null = null;
    for (let i = state.measurements.length - 1; i >= 0 && goal !== undefined; i--) {
      const m = state.measurements[i];
      if (m !== undefined && m.instrumentId === goal.measure.instrumentId && m.score !== null) {
        last = m.score;
        break;
      }
    }
    if (goal === undefined || last === null) return { goalId, outcome: 'not-achieved' };
    const { baseline, target } = goal.measure;
    const outcome = last <= target ? 'achieved' : last < baseline ? 'partially-achieved' : 'not-achieved';
    // The level on the scale written before treatment (GAS); the floor only words the levels, so 0 does here.
    return goal.gas == null ? { goalId, outcome } : { goalId, outcome, gasLevel: gasScale(goal.measure.instrumentId ?? '', baseline, target, 0).levelOf(last) };
  });
}
