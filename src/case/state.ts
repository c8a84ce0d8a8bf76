import type { NeedsAssessment } from './assessment.js';
import type { Consent } from './consent.js';
import type { Evaluation } from './evaluation.js';
import type { Goal } from './goal.js';
import type { CaseStatus, Closure, Referral } from './lifecycle.js';
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
 * keyed by id for entities, no classes. `JSON.parse(JSON.stringify(state))` gives an equal state.
 */
export interface CaseState {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly id: string;
  readonly clientId: string;
  readonly status: CaseStatus;
  readonly statusHistory: readonly StatusChange[];
  /** While on hold: the status to resume to. */
  readonly heldFrom?: CaseStatus;
  readonly referral: Referral;
  readonly setting: Setting;
  readonly closure?: Closure;
  /** While reviewing: when the review started and the case version then. */
  readonly review?: { readonly startedAt: string; readonly startedAtVersion: number };
  /** The date the next review is due (set when the plan activates and after each review). */
  readonly reviewDueBy?: string;
  /** Assessments in the order they were started; the last is the current one. */
  readonly assessments: readonly NeedsAssessment[];
  readonly goals: Readonly<Record<string, Goal>>;
  readonly strategies: Readonly<Record<string, Strategy>>;
  readonly sessions: Readonly<Record<string, Session>>;
  readonly team: Readonly<Record<string, TeamMember>>;
  readonly leadMemberId?: string;
  readonly notes: readonly Note[];
  readonly consents: Readonly<Record<string, Consent>>;
  readonly evaluations: Readonly<Record<string, Evaluation>>;
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

/** The state as evolvers mutate it. */
export type Draft = Mutable<CaseState>;

/** An own entry of a record by id; never an inherited member such as `constructor`. */
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}
