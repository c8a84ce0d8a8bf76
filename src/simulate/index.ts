/**
 * intervention-lifecycle/simulate: seeded cohort simulation through the engine, and outcome
 * datasets from simulated or real records. Browser-safe (the CLI writes the files).
 *
 * @packageDocumentation
 */
export { scenarioSchema, parseScenario, scenarioJsonSchema, type Scenario, type ScenarioInput, type ScenarioIssue } from './scenario.js';
export { simulateCohort, type CohortOptions } from './cohort.js';
export { policyFor } from './policy.js';
export { simulateClient, type SimulatedCase } from './client.js';
export { clientRandom, type Random } from './random.js';
export { outcomeRows, outcomeTable, type OutcomeRow, type InstrumentOutcome } from './outcomes.js';
export { addTally, csvHeader, csvLine, emptyTally, instrumentsOf, summarise, summaryOf, tallyRow, wilson, type OutcomeSummary, type Tally } from './table.js';
export { simulateProgrammes, type SimulatedGroup, type ProgrammeRunOptions } from './programme.js';
