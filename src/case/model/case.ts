import type { Setting } from './primitives.js';

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

/**
 * Where a session's attendance is recorded: while the plan is delivered; while it is re-planned
 * after a review (its strategies still active, their sessions still held); and on hold, where a
 * session booked for the time of the hold is recorded as cancelled or missed (and one held before
 * the hold may be entered late). Whether it can have been attended is judged at its own time
 * (`caseOpenWhenHeld`), not at the recording's. (Before a plan is first activated there are no
 * sessions to record.)
 */
export const ATTENDANCE_RECORDED: readonly CaseStatus[] = ['planning', ...DELIVERING, 'on-hold'];

/**
 * Where sessions are booked and moved: while the plan is delivered, and while it is re-planned after
 * a review (its strategies stay active; a first plan has none, so `strategyActive` refuses there).
 */
export const SESSIONS_BOOKED: readonly CaseStatus[] = ['planning', ...DELIVERING];

/** The data of a `caseOpened` event. */
export interface CaseOpenedData {
  readonly caseId: string;
  readonly clientId: string;
  readonly referral: Referral;
  readonly setting: Setting;
}

/** The data of a `referralDeclined` event. */
export interface ReferralDeclinedData {
  readonly reason: 'declined' | 'not-accepted';
  readonly summary?: string;
}

/** The data of a `caseHeld` event. */
export interface CaseHeldData {
  readonly from: CaseStatus;
}

/** The data of a `caseResumed` event. */
export interface CaseResumedData {
  readonly to: CaseStatus;
}

/** The data of a `caseReopened` event. */
export interface CaseReopenedData {
  readonly assessmentId: string;
}

/** The data of a `caseClosed` event. */
export interface CaseClosedData {
  readonly reason: CloseReason;
  readonly summary?: string;
  readonly destination?: string;
  /** Strategies still open, ended with the case. */
  readonly endedStrategyIds: readonly string[];
  /** Sessions still scheduled, cancelled with the case. */
  readonly cancelledSessionIds: readonly string[];
}

/** The data of a `planActivated` event. */
export interface PlanActivatedData {
  readonly activatedGoalIds: readonly string[];
  readonly reviewDueBy: string;
}

/** How a review ends: the plan continues as it is, is revised, steps care up or down, or goes back to planning. */
export const REVIEW_OUTCOMES = ['continue', 'revise', 'step-up', 'step-down', 're-plan'] as const;

/** The data of a `reviewCompleted` event. */
export interface ReviewCompletedData {
  readonly outcome: (typeof REVIEW_OUTCOMES)[number];
  readonly evaluationId: string;
  readonly reviewDueBy?: string;
  readonly summary?: string;
}
