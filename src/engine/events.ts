import type { AssessmentEvents } from '../case/assessment.js';
import type { ConsentEvents } from '../case/consent.js';
import type { CorrectionEvents } from '../case/correction.js';
import type { CrisisEvents } from '../case/crisis.js';
import type { MeasurementEvents } from '../case/measurement.js';
import type { EvaluationEvents } from '../case/evaluation.js';
import type { GoalEvents } from '../case/goal.js';
import type { LifecycleEvents } from '../case/case.js';
import type { NoteEvents } from '../case/note.js';
import type { PlanEvents } from '../case/plan.js';
import type { Actor } from '../case/model/primitives.js';
import type { SessionEvents } from '../case/session.js';
import type { StrategyEvents } from '../case/strategy.js';
import type { TeamEvents } from '../case/team.js';

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
