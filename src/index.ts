/**
 * intervention-lifecycle: the lifecycle of a therapeutic intervention as validated, audited state
 * machines over plain JSON. Every export is named here by hand; nothing leaks from internals.
 *
 * @packageDocumentation
 */

export {
  LifecycleError,
  isLifecycleError,
  ok,
  err,
  defineMachine,
  machineEntries,
  step,
  allowedMachineCommands,
  toMermaid,
  systemClock,
  randomId,
  steppingClock,
  sequentialIds,
  toInstant,
} from './kernel/index.js';
export type {
  ErrorCode,
  Issue,
  LifecycleErrorOptions,
  Result,
  AnyCommand,
  AnyMachine,
  DynamicTarget,
  Guard,
  GuardVerdict,
  Machine,
  MachineEntry,
  Precondition,
  Rule,
  TransitionTable,
  StepOptions,
  MermaidOptions,
  Clock,
  IdGenerator,
} from './kernel/index.js';
