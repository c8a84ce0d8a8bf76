import type { AnyMachine } from '../kernel/machine.js';
import { ENTITY_MACHINES, caseMachine } from './registry.js';

/**
 * The published lifecycles as data, for `toMermaid`, documentation and validators: the case table
 * and every entity's own machine (goal, strategy, session, assessment, measurement, evaluation,
 * consent, crisis, team), keyed by entity name.
 *
 * @example
 * ```ts
 * toMermaid(machines.goal); // a stateDiagram-v2 of the goal lifecycle
 * ```
 */
export const machines: Readonly<Record<'case' | 'goal' | 'strategy' | 'session' | 'assessment' | 'measurement' | 'evaluation' | 'consent' | 'crisis' | 'team', AnyMachine>> =
  Object.freeze(Object.fromEntries([['case', caseMachine], ...ENTITY_MACHINES.map((m) => [m.name, m.machine])])) as never;
