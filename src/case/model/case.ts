/** The statuses of a case (DESIGN.md §4). */
export const CASE_STATUSES = ['referred', 'assessing', 'planning', 'active', 'reviewing', 'on-hold', 'closed', 'entered-in-error'] as const;

/** A case's status. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Referral urgency, as FHIR ServiceRequest.priority. */
export const URGENCIES = ['routine', 'urgent', 'asap', 'stat'] as const;

/** How a case was referred. */
export interface Referral {
  readonly source: string;
  readonly reason: string;
  readonly urgency: (typeof URGENCIES)[number];
  readonly receivedAt: string;
}

/** Why a case closed. `declined` and `not-accepted` close a referral that never started. */
export const CLOSE_REASONS = ['completed', 'partially-completed', 'disengaged', 'declined', 'transferred', 'referred-on', 'deceased', 'other'] as const;

/** A reason for closing a case. */
export type CloseReason = (typeof CLOSE_REASONS)[number] | 'not-accepted';

/** How and when a case closed. */
export interface Closure {
  readonly reason: CloseReason;
  readonly at: string;
  readonly summary?: string;
  /** Where the client was transferred or referred on to (an organisation or service id), when given. */
  readonly destination?: string;
}

/** The statuses of an open case (neither closed nor entered in error). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['referred', 'assessing', 'planning', 'active', 'reviewing', 'on-hold'];

/** From planning on, while the case is open and not on hold: goals and strategies are planned and changed. */
export const PLANNING_ON: readonly CaseStatus[] = ['planning', 'active', 'reviewing'];

/** While the plan is delivered: sessions and goal outcomes. */
export const DELIVERING: readonly CaseStatus[] = ['active', 'reviewing'];
