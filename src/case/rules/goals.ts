import { ruleMessages as say } from '../model/messages.js';
import type { CaseState } from '../model/state.js';
import type { Env } from '../model/context.js';
import type { Goal, GoalGas, GoalMeasure, GoalStatus, ProposedGoal } from '../model/goal.js';
import { defined } from './decision.js';

/** The fields a goal is proposed or revised with. */
export interface GoalInput {
  readonly description: string;
  readonly addressesNeedIds: readonly string[];
  readonly measure: GoalMeasure;
  readonly startDate: string;
  readonly targetDate: string;
  readonly gas?: GoalGas | null | undefined;
}

/** A goal's fields as an event records them (optional fields null). */
export function goalFields(id: string, c: GoalInput): ProposedGoal {
  return {
    id,
    description: c.description,
    addressesNeedIds: c.addressesNeedIds,
    measure: defined(c.measure),
    startDate: c.startDate,
    targetDate: c.targetDate,
    gas: c.gas ?? null,
  };
}

// Built field by field with every field present: goals keep one shape, which keeps V8 fast.
export function newGoal(fields: ProposedGoal, at: string, supersedes: string | null, status: GoalStatus): Goal {
  return {
    id: fields.id,
    description: fields.description,
    addressesNeedIds: [...fields.addressesNeedIds],
    measure: { ...fields.measure },
    startDate: fields.startDate,
    targetDate: fields.targetDate,
    gas: fields.gas,
    status,
    achievement: 'in-progress',
    agreedBy: [],
    supersedes,
    supersededBy: null,
    outcome: null,
    statusReason: null,
    proposedAt: at,
  };
}

/** What the goal table's checks read. */
export interface GoalContext {
  readonly state: CaseState;
  readonly env: Env;
  readonly goal: Goal | undefined;
}

/** Whether the case is delivering its plan, so an agreed goal starts at once. */
export function planRunning(state: CaseState): boolean {
  return state.status === 'active' || state.status === 'reviewing';
}

/**
 * A goal's target date follows its start date, even in a draft: a goal that ends before it begins
 * is not a draft of anything (SMART's other letters wait for agreement).
 */
export const datesInOrder = {
  name: 'datesInOrder',
  check: (c: { readonly startDate?: string | undefined; readonly targetDate?: string | undefined }, { goal }: GoalContext) => {
    const start = c.startDate ?? goal?.startDate;
    const target = c.targetDate ?? goal?.targetDate;
    return start === undefined || target === undefined || target > start || say.datesInOrder({ start, target });
  },
};
