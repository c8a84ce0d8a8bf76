import type { AnyMachine } from '../kernel/machine.js';
import { assessmentMachine } from '../case/assessment.js';
import { consentMachine } from '../case/consent.js';
import { evaluationMachine } from '../case/evaluation.js';
import { goalMachine } from '../case/goal.js';
import { measurementMachine } from '../case/measurement.js';
import { caseMachine } from './case-machine.js';
import { sessionMachine } from '../case/session.js';
import { strategyMachine } from '../case/strategy.js';

/**
 * The published lifecycles as data, for `toMermaid`, documentation and validators.
 *
 * @example
 * ```ts
 * toMermaid(machines.goal); // a stateDiagram-v2 of the goal lifecycle
 * ```
 */
export const machines: Readonly<Record<'case' | 'goal' | 'strategy' | 'session' | 'assessment' | 'measurement' | 'evaluation' | 'consent', AnyMachine>> = {
  case: caseMachine,
  goal: goalMachine,
  strategy: strategyMachine,
  session: sessionMachine,
  assessment: assessmentMachine,
  measurement: measurementMachine,
  evaluation: evaluationMachine,
  consent: consentMachine,
};
