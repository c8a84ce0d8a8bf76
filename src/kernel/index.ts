export { LifecycleError, isLifecycleError, type ErrorCode, type Issue, type LifecycleErrorOptions, type RefusedAt } from './errors.js';
export { ok, err, type Result } from './result.js';
export {
  defineMachine,
  machineEntries,
  type AnyCommand,
  type AnyMachine,
  type DynamicTarget,
  type Guard,
  type GuardVerdict,
  type Machine,
  type MachineEntry,
  type Precondition,
  type Rule,
  type TransitionTable,
} from './machine.js';
export { step, allowedMachineCommands, verdictError, type StepOptions } from './step.js';
export { toMermaid, type MermaidOptions } from './mermaid.js';
export { systemClock, randomId, steppingClock, sequentialIds, toInstant, type Clock, type IdGenerator } from './clock.js';
