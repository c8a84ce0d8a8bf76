/**
 * The inverse of the engine's deciders, for the record validator: for each event type, the command
 * that recorded it, which the validator re-decides and compares with the record. Each entity writes
 * its own beside its deciders (`<entity>CommandOf`); they are gathered here, not in the engine's
 * registry, so that the root entry (what an app bundles) does not carry them.
 */
import type { EventType } from '../engine/events.js';
import { assessmentCommandOf } from '../case/assessment.js';
import { caseCommandOf } from '../case/case.js';
import { consentCommandOf } from '../case/consent.js';
import { correctionCommandOf } from '../case/correction.js';
import { crisisCommandOf } from '../case/crisis.js';
import { evaluationCommandOf } from '../case/evaluation.js';
import { goalCommandOf } from '../case/goal.js';
import { measurementCommandOf } from '../case/measurement.js';
import { noteCommandOf } from '../case/note.js';
import { planCommandOf } from '../case/plan.js';
import { sessionCommandOf } from '../case/session.js';
import { strategyCommandOf } from '../case/strategy.js';
import { teamCommandOf } from '../case/team.js';

// In the order of the engine's ENTITIES (lifecycle order): the order of EVENT_TYPES.
const MAPS = [
  caseCommandOf,
  assessmentCommandOf,
  goalCommandOf,
  strategyCommandOf,
  sessionCommandOf,
  teamCommandOf,
  noteCommandOf,
  consentCommandOf,
  planCommandOf,
  evaluationCommandOf,
  crisisCommandOf,
  correctionCommandOf,
  measurementCommandOf,
] as const;

// A compile-time check that every event type has its inverse, and nothing else is listed.
type Keys<M> = M extends unknown ? keyof M : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const complete: Same<Keys<(typeof MAPS)[number]>, EventType> = true;
void complete;

/**
 * Every event type, in lifecycle order.
 *
 * @example
 * ```ts
 * EVENT_TYPES.includes('goalAgreed'); // true
 * ```
 */
export const EVENT_TYPES: readonly EventType[] = Object.freeze(MAPS.flatMap((m) => Object.keys(m) as EventType[]));

/** Each event type's inverse: the command that recorded it. */
export const COMMAND_OF: ReadonlyMap<string, (event: unknown) => Record<string, unknown>> = new Map(
  MAPS.flatMap((m) => Object.entries(m as Record<string, (event: unknown) => Record<string, unknown>>)),
);
