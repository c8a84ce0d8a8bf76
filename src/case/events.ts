import type { AssessmentEvents } from './assessment.js';
import type { ConsentEvents } from './consent.js';
import type { CorrectionEvents } from './correction.js';
import type { CrisisEvents } from './crisis.js';
import type { MeasurementEvents } from './measurement.js';
import type { EvaluationEvents } from './evaluation.js';
import type { GoalEvents } from './goal.js';
import type { LifecycleEvents } from './lifecycle.js';
import type { NoteEvents } from './note.js';
import type { PlanEvents } from './plan.js';
import type { Actor } from './primitives.js';
import type { SessionEvents } from './session.js';
import type { StrategyEvents } from './strategy.js';
import type { TeamEvents } from './team.js';

/** Every event type and its data. */
export interface EventMap
  extends LifecycleEvents,
    PlanEvents,
    AssessmentEvents,
    GoalEvents,
    StrategyEvents,
    SessionEvents,
    TeamEvents,
    NoteEvents,
    ConsentEvents,
    EvaluationEvents,
    CrisisEvents,
    CorrectionEvents,
    MeasurementEvents {}

/** An event type. */
export type EventType = keyof EventMap;

/**
 * A recorded fact: what happened (`type`, `data`), to which case, as its `seq`-th event (the case
 * version after it), when, by whom, and why where a reason was given.
 */
export interface CaseEventOf<K extends EventType> {
  readonly type: K;
  readonly caseId: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: Actor;
  readonly data: EventMap[K];
  readonly reason?: string;
}

/** Any event of a case. */
export type CaseEvent = { [K in EventType]: CaseEventOf<K> }[EventType];

/** What a decider produces: an event before the engine stamps case, seq, time and actor on it. */
export type EventDraft = { [K in EventType]: { readonly type: K; readonly data: EventMap[K]; readonly reason?: string } }[EventType];
