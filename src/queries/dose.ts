import { LifecycleError } from '../kernel/errors.js';
import { own } from '../case/store/lookup.js';
import type { CaseState } from '../case/model/state.js';

/** How much of a strategy's planned dose was delivered. */
export interface DoseDelivered {
  readonly strategyId: string;
  readonly plannedSessions: number;
  readonly scheduled: number;
  readonly attended: number;
  readonly didNotAttend: number;
  readonly cancelled: number;
  /** attended / planned (may pass 1 when more sessions were given than planned). */
  readonly fractionDelivered: number;
  /** did-not-attend / (attended + did-not-attend); absent before any session was due. */
  readonly didNotAttendRate?: number;
}

/**
 * Planned versus delivered sessions of a strategy, and the did-not-attend rate.
 *
 * @throws {LifecycleError} `NOT_FOUND` when the case has no such strategy.
 * @example
 * ```ts
 * doseDelivered(state, 's-cbt'); // { plannedSessions: 12, attended: 11, didNotAttend: 1, didNotAttendRate: 0.083…, … }
 * ```
 */
export function doseDelivered(state: CaseState, strategyId: string): DoseDelivered {
  const strategy = own(state.strategies, strategyId);
  if (strategy === undefined) throw new LifecycleError('NOT_FOUND', `No strategy ${strategyId} in case ${state.id}`);
  let scheduled = 0;
  let attended = 0;
  let didNotAttend = 0;
  let cancelled = 0;
  for (const s of state.sessions) {
    if (s.strategyId !== strategyId) continue;
    if (s.status === 'scheduled') scheduled += 1;
    else if (s.status === 'attended') attended += 1;
    else if (s.status === 'did-not-attend') didNotAttend += 1;
    else cancelled += 1;
  }
  const due = attended + didNotAttend;
  return {
    strategyId,
    plannedSessions: strategy.dose.plannedSessions,
    scheduled,
    attended,
    didNotAttend,
    cancelled,
    fractionDelivered: attended / strategy.dose.plannedSessions,
    ...(due === 0 ? {} : { didNotAttendRate: didNotAttend / due }),
  };
}
