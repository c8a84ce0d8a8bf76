/**
 * The registry: every entity module of the case, listed once. Everything the engine knows about
 * commands and events is derived from this list — the command schema and types, the decider and
 * evolver maps, the default role matrix, the event types, the case table and the published
 * machines, and the validator's event → command inverse. Adding a command means adding it to its
 * entity's module; adding an entity means adding it here (and its unions to commands.ts/events.ts).
 */
import { defineMachine, type AnyMachine, type Rule } from '../kernel/machine.js';
import { assessment } from '../case/assessment.js';
import { caseEntity } from '../case/case.js';
import { consent } from '../case/consent.js';
import { correction } from '../case/correction.js';
import { crisis } from '../case/crisis.js';
import { evaluation } from '../case/evaluation.js';
import { goal } from '../case/goal.js';
import { measurement } from '../case/measurement.js';
import { CASE_STATUSES, type CaseStatus } from '../case/model/case.js';
import type { CaseGuardContext } from '../case/model/context.js';
import type { Role } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';
import { note } from '../case/note.js';
import { plan } from '../case/plan.js';
import type { AnyEntityModule, CommandSpec } from '../case/rules/entity.js';
import type { Decider, Evolver } from '../case/rules/decision.js';
import { session } from '../case/session.js';
import { strategy } from '../case/strategy.js';
import { team } from '../case/team.js';
import type { CaseCommand, CommandType } from './command-types.js';
import type { EventMap, EventType } from './events.js';

/** The entity modules, in lifecycle order: the order of `COMMAND_TYPES` and of the case table. */
export const ENTITIES = [caseEntity, assessment, goal, strategy, session, team, note, consent, plan, evaluation, crisis, correction, measurement] as const;

// Compile-time checks that the hand-written unions (readable in the published types) are exactly
// the registry's: a module missing here, or a union missing a module, fails to compile.
type CommandsOf<M> = M extends { readonly commands: infer T } ? keyof T : never;
type EventsOf<M> = M extends { readonly evolvers: infer T } ? keyof T : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const commandsAgree: Same<CommandsOf<(typeof ENTITIES)[number]>, CommandType> = true;
// Every event but caseOpened has an evolver (caseOpened creates the state: openedState).
const eventsAgree: Same<EventsOf<(typeof ENTITIES)[number]> | 'caseOpened', EventType> = true;
void commandsAgree;
void eventsAgree;

const MODULES: readonly AnyEntityModule[] = ENTITIES;

function commandEntries(): [CommandType, CommandSpec<CaseCommand>, AnyEntityModule][] {
  return MODULES.flatMap((m) => Object.entries(m.commands as Record<string, CommandSpec<CaseCommand>>).map(([type, spec]) => [type as CommandType, spec, m] as [CommandType, CommandSpec<CaseCommand>, AnyEntityModule]));
}

/** Every command type, in lifecycle order. */
export const COMMAND_TYPES: readonly CommandType[] = Object.freeze(commandEntries().map(([type]) => type));

/** Every command's schema, in lifecycle order (the members of the command union). */
export const COMMAND_SCHEMAS = Object.freeze(commandEntries().map(([, spec]) => spec.schema));

/** Each command type's decider. A Map: faster than a keyed read of a large object, and never finds `constructor`. */
export const DECIDERS: ReadonlyMap<string, Decider<CaseCommand, EventMap>> = new Map(MODULES.flatMap((m) => Object.entries(m.deciders as Record<string, Decider<CaseCommand, EventMap>>)));

/** Each event type's evolver (`caseOpened` creates the state instead: `openedState`). */
export const EVOLVERS: ReadonlyMap<string, Evolver<EventMap, EventType>> = new Map(MODULES.flatMap((m) => Object.entries(m.evolvers as Record<string, Evolver<EventMap, EventType>>)));

/**
 * The default role matrix (DESIGN.md §5): who may issue each command. The client may propose and
 * agree goals, state priorities and give or withdraw consent; activating a plan, closing and
 * reopening a case need a lead practitioner or supervisor; family members may do only what an app's
 * policy grants them.
 */
export const DEFAULT_ROLES: Readonly<Record<CommandType, readonly Role[]>> = Object.freeze(
  Object.fromEntries(commandEntries().map(([type, spec]) => [type, spec.roles])) as Record<CommandType, readonly Role[]>,
);

/** {@link DEFAULT_ROLES} as a Map, for the role check on every command (a Map lookup beats a keyed read of a built object). */
export const ROLES_BY_TYPE: ReadonlyMap<string, readonly Role[]> = new Map(commandEntries().map(([type, spec]) => [type, spec.roles]));

/**
 * The Case lifecycle (DESIGN.md §4) as data, assembled from every command's row in its entity's
 * module. It lists every command: those that move the case name a target; the others name only the
 * case statuses they are allowed in and leave the status as it is (their own entity's machine then
 * decides). `decide`, `allowedCommands`, `toMermaid` and the record validator all read this one table.
 */
export const caseMachine = defineMachine<CaseStatus, CaseCommand, CaseGuardContext>({
  id: 'case',
  states: [...CASE_STATUSES],
  final: ['entered-in-error'],
  transitions: Object.fromEntries(commandEntries().map(([type, spec]) => [type, spec.case as Rule<CaseStatus, CaseCommand, CaseGuardContext>])) as {
    readonly [K in CommandType]: Rule<CaseStatus, Extract<CaseCommand, { type: K }>, CaseGuardContext>;
  },
});

/** The entity modules with a machine of their own, and how to read their entities' statuses now. */
export const ENTITY_MACHINES: readonly { readonly name: string; readonly machine: AnyMachine; readonly statuses: (state: CaseState, at: string) => ReadonlySet<string> }[] =
  MODULES.flatMap((m) => (m.machine === null || m.statuses === null ? [] : [{ name: m.name, machine: m.machine, statuses: m.statuses }]));
