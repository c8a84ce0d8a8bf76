import { canonicalInstant } from '../../kernel/canonical-event.js';
import type { NeedsAssessment } from './assessment.js';
import type { Consent } from './consent.js';
import type { Crisis, RiskEntry, SafetyPlan } from './crisis.js';
import type { Measurement, MonitoringSchedule } from './measurement.js';
import type { Evaluation } from './evaluation.js';
import type { Goal } from './goal.js';
import type { CaseStatus, Closure, Referral } from './case.js';
import type { Note } from './note.js';
import type { Setting } from './primitives.js';
import type { Session } from './session.js';
import type { Strategy } from './strategy.js';
import type { TeamMember } from './team.js';

/** The version of the stored state shape. A migration accompanies every change of it. */
export const SCHEMA_VERSION = 1;

/** One entry of a case's status history. */
export interface StatusChange {
  readonly status: CaseStatus;
  readonly at: string;
}

/**
 * The whole state of one case (FHIR: EpisodeOfCare) as plain JSON: ISO strings for time, records
 * keyed by id for entities, arrays for time series (sessions, notes), no classes, and every field
 * always present (null where empty). `JSON.parse(JSON.stringify(state))` gives an equal state.
 *
 * Why always present: adding or deleting keys on a large object sends V8 into its slow dictionary
 * mode, which made every later copy of the state ten times dearer.
 */
export interface CaseState {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly id: string;
  readonly clientId: string;
  readonly status: CaseStatus;
  readonly statusHistory: readonly StatusChange[];
  /** While on hold: the status to resume to; otherwise null. */
  readonly heldFrom: CaseStatus | null;
  readonly referral: Referral;
  readonly setting: Setting;
  /** How the case closed; null while it is open. */
  readonly closure: Closure | null;
  /** While reviewing: when the review started and the case version then; otherwise null. */
  readonly review: { readonly startedAt: string; readonly startedAtVersion: number } | null;
  /** The date the next review is due (set when the plan activates and after each review), or null. */
  readonly reviewDueBy: string | null;
  /** Assessments in the order they were started; the last is the current one. */
  readonly assessments: readonly NeedsAssessment[];
  readonly goals: Readonly<Record<string, Goal>>;
  readonly strategies: Readonly<Record<string, Strategy>>;
  /** Sessions in the order they were scheduled (a time series, like notes). */
  readonly sessions: readonly Session[];
  readonly team: Readonly<Record<string, TeamMember>>;
  /** The lead practitioner's member id, or null before one is named. */
  readonly leadMemberId: string | null;
  readonly notes: readonly Note[];
  readonly consents: Readonly<Record<string, Consent>>;
  readonly evaluations: Readonly<Record<string, Evaluation>>;
  /** The open crisis, or null. */
  readonly crisis: Crisis | null;
  /** Every risk level recorded, in order. */
  readonly riskHistory: readonly RiskEntry[];
  /** Safety plans in the order they were agreed. */
  readonly safetyPlans: readonly SafetyPlan[];
  /** Measurements in the order they were recorded (a time series). */
  readonly measurements: readonly Measurement[];
  /** Monitoring schedules, one per instrument or indicator. */
  readonly monitoring: readonly MonitoringSchedule[];
  /** The number of events applied; the `seq` of the last event. */
  readonly version: number;
  readonly openedAt: string;
  readonly updatedAt: string;
}

/** A mutable view of a type, as immer drafts and the replay fold see it. */
export type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

/** The state as evolvers change it: top-level fields are assignable; nested values go through `writable`. */
export type Draft = { -readonly [K in keyof CaseState]: CaseState[K] };

/** One level of mutability: an array whose slots can be set, or an object whose fields can. */
export type Writable<T> = T extends readonly (infer U)[] ? U[] : { -readonly [K in keyof T]: T[K] };

/** The state a `caseOpened` event creates (at version 0: applying the event sets it). */
export function openedState(event: { readonly at: string; readonly data: { readonly caseId: string; readonly clientId: string; readonly referral: Referral; readonly setting: Setting } }): Draft {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: event.data.caseId,
    clientId: event.data.clientId,
    status: 'referred',
    statusHistory: [{ status: 'referred', at: event.at }],
    heldFrom: null,
    referral: { source: event.data.referral.source, reason: event.data.referral.reason, urgency: event.data.referral.urgency, receivedAt: canonicalInstant(event.data.referral.receivedAt, 'data.referral.receivedAt') },
    setting: event.data.setting,
    closure: null,
    review: null,
    reviewDueBy: null,
    assessments: [],
    goals: {},
    strategies: {},
    sessions: [],
    team: {},
    leadMemberId: null,
    notes: [],
    consents: {},
    evaluations: {},
    crisis: null,
    riskHistory: [],
    safetyPlans: [],
    measurements: [],
    monitoring: [],
    version: 0,
    openedAt: event.at,
    updatedAt: event.at,
  };
}
