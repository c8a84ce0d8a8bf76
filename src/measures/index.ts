/**
 * Outcome measures and change statistics: instruments, scoring, reliable and clinically significant
 * change, Goal Attainment Scaling and NHS Talking Therapies outcomes. Pure functions over plain data,
 * with no dependency on the Case engine.
 *
 * @packageDocumentation
 */
export {
  reliableChange,
  criticalValue,
  type ChangeMethod,
  type ChangeCategory,
  type ChangeParameters,
  type ReliableChange,
  type ScoreStats,
} from './reliable-change.js';
export {
  cohortChange,
  type ScorePair,
  type Approach,
  type CohortCategory,
  type CohortOptions,
  type CohortClient,
  type CohortChange,
} from './cohort.js';
export { clinicalCutoffs, trueCutoffs, type Cutoffs, type CutoffInput, type CutoffType, type PopulationStats } from './cutoffs.js';
export { gasTScore, type GasLevel } from './gas.js';
export {
  talkingTherapiesOutcome,
  talkingTherapiesRates,
  type CombinationRule,
  type FirstLast,
  type TalkingTherapiesClient,
  type TalkingTherapiesOptions,
  type TalkingTherapiesOutcome,
  type TalkingTherapiesRates,
} from './nhs-talking-therapies.js';
export { getInstrument, listInstruments, registerInstrument, unregisterInstrument } from './instruments/registry.js';
export { scoreInstrument, describeTotal, type ScoreOptions, type TotalDescription } from './instruments/score.js';
export type { Band, Instrument, InstrumentScore, MissingRule, Reference, RiskFlag, RiskItem } from './instruments/types.js';
export { normalQuantile, normalCdf } from './normal.js';
export type { BetterIs } from './direction.js';
export { LifecycleError, type Issue } from '../kernel/errors.js';
