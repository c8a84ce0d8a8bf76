import type { AnyMachine } from '../kernel/machine.js';
import { assessmentMachine } from './assessment.js';
import { consentMachine } from './consent.js';
import { evaluationMachine } from './evaluation.js';
import { goalMachine } from './goal.js';
import { measurementMachine } from './measurement.js';
import { caseMachine } from './machine.js';
import { sessionMachine } from './session.js';
import { strategyMachine } from './strategy.js';

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
