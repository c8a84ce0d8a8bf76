import { ruleMessages as say } from './model/messages.js';
import type { CaseOpenedData, ReferralDeclinedData, CaseHeldData, CaseResumedData, CaseReopenedData, CaseClosedData } from './model/case.js';
import type { Rule, Guard } from '../kernel/machine.js';
import type { CaseGuardContext, Env } from './model/context.js';
import { CLINICAL_ROLES, LEAD_ROLES, idSchema, instantSchema, labelSchema, settingSchema, textSchema } from './model/primitives.js';
import { clean, dataOf } from './rules/command-of.js';
import { defineEntity, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { URGENCIES, CLOSE_REASONS, type CaseStatus, type Closure } from './model/case.js';
import { append, editEntry, editItem } from './store/draft.js';
import type { Writable } from './model/state.js';
import { closeGuards } from './rules/close-guards.js';
import { z } from 'zod';
import { type Decision, type Decider, accept } from './rules/decision.js';
import { moveTo } from './store/lookup.js';
import { calendarDaysUtc } from './rules/dates.js';
import { newAssessment } from './rules/assessments.js';
import { compareInstants } from '../kernel/clock.js';

const referralSchema = z
  .object({ source: labelSchema, reason: textSchema, urgency: z.enum(URGENCIES), receivedAt: instantSchema })
  .strict();

export const openCaseSchema = z
  .object({ type: z.literal('openCase'), caseId: idSchema.optional(), clientId: idSchema, referral: referralSchema, setting: settingSchema })
  .strict();
export const declineReferralSchema = z
  .object({ type: z.literal('declineReferral'), reason: z.enum(['declined', 'not-accepted']), summary: textSchema.optional() })
  .strict();
export const holdCaseSchema = z.object({ type: z.literal('holdCase'), reason: textSchema }).strict();
export const resumeCaseSchema = z.object({ type: z.literal('resumeCase') }).strict();
export const closeCaseSchema = z
  .object({ type: z.literal('closeCase'), reason: z.enum(CLOSE_REASONS), summary: textSchema.optional(), destination: idSchema.optional() })
  .strict();
export const reopenCaseSchema = z.object({ type: z.literal('reopenCase'), reason: textSchema, assessmentId: idSchema.optional() }).strict();

/** Opens a case from a referral. */
export interface OpenCase {
  type: 'openCase';
  clientId: string;
  referral: { source: string; reason: string; urgency: 'routine' | 'urgent' | 'asap' | 'stat'; receivedAt: string; };
  setting: 'home' | 'clinic' | 'welfare-agency' | 'private-practice' | 'hospital' | 'care-home' | 'prison' | 'school' | 'community' | 'residential' | 'day-programme' | 'online';
  caseId?: string | undefined;
}
/** Closes a referral that will not be taken on. */
export interface DeclineReferral {
  type: 'declineReferral';
  reason: 'declined' | 'not-accepted';
  summary?: string | undefined;
}
/** Puts the case on hold, with a reason. */
export interface HoldCase {
  type: 'holdCase';
  reason: string;
}
/** Resumes a held case at the status it was held from. */
export interface ResumeCase {
  type: 'resumeCase';
}
/** Closes the case with a reason. */
export interface CloseCase {
  type: 'closeCase';
  reason: 'other' | 'declined' | 'completed' | 'partially-completed' | 'disengaged' | 'transferred' | 'referred-on' | 'deceased';
  summary?: string | undefined;
  destination?: string | undefined;
}
/** Reopens a closed case into a new assessment. */
export interface ReopenCase {
  type: 'reopenCase';
  reason: string;
  assessmentId?: string | undefined;
}

/** Commands of the case's own lifecycle. */
export type CaseLifecycleCommand = OpenCase | DeclineReferral | HoldCase | ResumeCase | CloseCase | ReopenCase;
type Emits = LifecycleEvents;
type Module = EntityModule<CaseLifecycleCommand, LifecycleEvents>;

/** Events of the case's own lifecycle. */
export interface LifecycleEvents {
  caseOpened: CaseOpenedData;
  referralDeclined: ReferralDeclinedData;
  caseHeld: CaseHeldData;
  caseResumed: CaseResumedData;
  caseClosed: CaseClosedData;
  caseReopened: CaseReopenedData;
}


const reopenGuards: readonly Guard<ReopenCase, CaseGuardContext>[] = [
  {
    name: 'notDeceased',
    check: (_c, { state }) => state.closure?.reason !== 'deceased' || say.notDeceased(),
  },
  {
    name: 'withinReopenWindow',
    check: (_c, { state, env }) => {
      const limit = env.policy.reopenWithinDays;
      if (limit === undefined || state.closure === null) return true;
      const days = calendarDaysUtc(state.closure.at, env.at);
      return days <= limit || say.withinReopenWindow({ days, limit });
    },
  },
];

// A referral dated after the case was opened would make every waiting time negative. (Only the
// command and the clock are read: openCase is checked with no case.)
const openGuards: readonly Guard<OpenCase, CaseGuardContext>[] = [
  {
    name: 'notInFuture',
    check: (c, { env }) => compareInstants(c.referral.receivedAt, env.at) <= 0 || say.notInFuture({ receivedAt: c.referral.receivedAt }),
  },
];

// The case table's moving rows: their targets are what the evolvers write.
const rows = {
  openCase: { from: [null], to: 'referred', guards: openGuards },
  declineReferral: { from: ['referred'], to: 'closed' },
  // From a review too: a client admitted to hospital mid-review is paused, not given a final evaluation to pause them.
  holdCase: { from: ['assessing', 'planning', 'active', 'reviewing'], to: 'on-hold' },
  resumeCase: { from: ['on-hold'], to: { oneOf: ['assessing', 'planning', 'active', 'reviewing'], pick: (_c, { state }) => state.heldFrom ?? 'active' } },
  closeCase: { from: ['assessing', 'planning', 'active', 'reviewing', 'on-hold'], to: 'closed', guards: closeGuards },
  reopenCase: { from: ['closed'], to: 'assessing', guards: reopenGuards },
} as const satisfies { readonly [K in CaseLifecycleCommand['type']]: Rule<CaseStatus, Extract<CaseLifecycleCommand, { type: K }>, CaseGuardContext> };

function decideOpenCase(command: OpenCase, env: Env): Decision<Emits> {
  const { clientId, referral, setting } = command;
  return accept({ type: 'caseOpened', data: { caseId: command.caseId ?? env.newId(), clientId, referral, setting } });
}

const declineReferral: Decider<DeclineReferral, Emits> = (_state, command) =>
  accept({ type: 'referralDeclined', data: command.summary === undefined ? { reason: command.reason } : { reason: command.reason, summary: command.summary } });

const holdCase: Decider<HoldCase, Emits> = (state, command) => accept({ type: 'caseHeld', data: { from: state.status }, reason: command.reason });

const resumeCase: Decider<ResumeCase, Emits> = (state) => accept({ type: 'caseResumed', data: { to: state.heldFrom ?? 'active' } });

const closeCase: Decider<CloseCase, Emits> = (state, command) => {
  const endedStrategyIds = Object.values(state.strategies)
    .filter((s) => s.status === 'proposed' || s.status === 'planned' || s.status === 'active' || s.status === 'suspended')
    .map((s) => s.id);
  const cancelledSessionIds = state.sessions
    .filter((s) => s.status === 'scheduled')
    .map((s) => s.id);
  const data: Writable<LifecycleEvents['caseClosed']> = { reason: command.reason, endedStrategyIds, cancelledSessionIds };
  if (command.summary !== undefined) data.summary = command.summary;
  if (command.destination !== undefined) data.destination = command.destination;
  return accept({ type: 'caseClosed', data });
};

const reopenCase: Decider<ReopenCase, Emits> = (_state, command, env) =>
  accept({ type: 'caseReopened', data: { assessmentId: command.assessmentId ?? env.newId() }, reason: command.reason });

const evolvers: Module['evolvers'] = {
  referralDeclined: (d, e) => {
    moveTo(d, rows.declineReferral.to, e.at);
    d.closure = e.data.summary === undefined ? { reason: e.data.reason, at: e.at } : { reason: e.data.reason, at: e.at, summary: e.data.summary };
  },
  caseHeld: (d, e) => {
    d.heldFrom = e.data.from;
    moveTo(d, rows.holdCase.to, e.at);
  },
  caseResumed: (d, e) => {
    d.heldFrom = null;
    moveTo(d, e.data.to, e.at);
  },
  caseClosed: (d, e) => {
    const completed = e.data.reason === 'completed' || e.data.reason === 'partially-completed';
    for (const id of e.data.endedStrategyIds) {
      const s = editEntry(d, 'strategies', id);
      if (s === undefined) continue;
      s.status = completed && s.status === 'active' ? 'completed' : 'discontinued';
      s.endedAt = e.at;
      s.statusReason = 'case closed';
    }
    for (const id of e.data.cancelledSessionIds) {
      const s = editItem(d, 'sessions', id);
      if (s !== undefined) s.status = 'cancelled';
    }
    d.heldFrom = null;
    d.review = null;
    moveTo(d, rows.closeCase.to, e.at);
    const closure: Writable<Closure> = { reason: e.data.reason, at: e.at };
    if (e.data.summary !== undefined) closure.summary = e.data.summary;
    if (e.data.destination !== undefined) closure.destination = e.data.destination;
    d.closure = closure;
  },
  caseReopened: (d, e) => {
    d.closure = null;
    moveTo(d, rows.reopenCase.to, e.at);
    append(d, 'assessments', newAssessment(e.data.assessmentId, [], e.at));
  },
};

/** For each case event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const caseCommandOf: CommandOfMap<LifecycleEvents> = {
  caseOpened: (e) => {
    const d = dataOf(e);
    return { type: 'openCase', caseId: d.caseId, clientId: d.clientId, referral: d.referral, setting: d.setting };
  },
  referralDeclined: (e) => clean({ type: 'declineReferral', reason: dataOf(e).reason, summary: dataOf(e).summary }),
  caseHeld: (e) => ({ type: 'holdCase', reason: e.reason }),
  caseResumed: () => ({ type: 'resumeCase' }),
  caseClosed: (e) => clean({ type: 'closeCase', reason: dataOf(e).reason, summary: dataOf(e).summary, destination: dataOf(e).destination }),
  caseReopened: (e) => ({ type: 'reopenCase', reason: e.reason, assessmentId: dataOf(e).assessmentId }),
};

/**
 * The case itself (FHIR EpisodeOfCare): opened from a referral, held and resumed, closed with a
 * reason, reopened. Its commands' rows are the moving rows of the case table; the state a case
 * starts from is `openedState` (the engine applies `caseOpened` with it, not with an evolver).
 */
export const caseEntity = defineEntity<CaseLifecycleCommand, LifecycleEvents>()({
  name: 'case',
  machine: null,
  statuses: null,
  commands: {
    openCase: { schema: openCaseSchema, roles: [...CLINICAL_ROLES, 'admin'], case: rows.openCase },
    declineReferral: { schema: declineReferralSchema, roles: CLINICAL_ROLES, case: rows.declineReferral },
    holdCase: { schema: holdCaseSchema, roles: CLINICAL_ROLES, case: rows.holdCase },
    resumeCase: { schema: resumeCaseSchema, roles: CLINICAL_ROLES, case: rows.resumeCase },
    closeCase: { schema: closeCaseSchema, roles: LEAD_ROLES, case: rows.closeCase },
    reopenCase: { schema: reopenCaseSchema, roles: LEAD_ROLES, case: rows.reopenCase },
  },
  // openCase is decided with no case yet: the engine passes none, and its decider reads none.
  deciders: { openCase: (_state, command, env) => decideOpenCase(command, env), declineReferral, holdCase, resumeCase, closeCase, reopenCase },
  evolvers,
});
