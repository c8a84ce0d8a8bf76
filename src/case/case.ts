import { URGENCIES, CLOSE_REASONS, type Referral, type CaseStatus, type CloseReason, type Closure } from './model/case.js';
import { append, editEntry, editItem } from './store/draft.js';
import { type Draft, type Writable, SCHEMA_VERSION, type CaseState } from './model/state.js';
import { sharingConsent } from './rules/consent.js';
import { z } from 'zod';
import type { Guard, GuardVerdict } from '../kernel/machine.js';
import type { Env } from '../engine/context.js';
import { type Decision, type Decider, type Evolvers, accept } from './rules/decision.js';
import { idSchema, instantSchema, labelSchema, settingSchema, textSchema, type Setting } from './model/primitives.js';
import { moveTo } from './store/lookup.js';
import { calendarDaysUtc } from './rules/dates.js';
import { newAssessment } from './rules/assessments.js';
import { TERMINAL_GOAL_STATUSES } from './model/goal.js';

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
export type OpenCase = z.infer<typeof openCaseSchema>;
/** Closes a referral that will not be taken on. */
export type DeclineReferral = z.infer<typeof declineReferralSchema>;
/** Puts the case on hold, with a reason. */
export type HoldCase = z.infer<typeof holdCaseSchema>;
/** Resumes a held case at the status it was held from. */
export type ResumeCase = z.infer<typeof resumeCaseSchema>;
/** Closes the case with a reason. */
export type CloseCase = z.infer<typeof closeCaseSchema>;
/** Reopens a closed case into a new assessment. */
export type ReopenCase = z.infer<typeof reopenCaseSchema>;

/** Events of the case's own lifecycle. */
export interface LifecycleEvents {
  caseOpened: { readonly caseId: string; readonly clientId: string; readonly referral: Referral; readonly setting: Setting };
  referralDeclined: { readonly reason: 'declined' | 'not-accepted'; readonly summary?: string };
  caseHeld: { readonly from: CaseStatus };
  caseResumed: { readonly to: CaseStatus };
  caseClosed: {
    readonly reason: CloseReason;
    readonly summary?: string;
    readonly destination?: string;
    /** Strategies still open, ended with the case. */
    readonly endedStrategyIds: readonly string[];
    /** Sessions still scheduled, cancelled with the case. */
    readonly cancelledSessionIds: readonly string[];
  };
  caseReopened: { readonly assessmentId: string };
}

/** Case-level checks of closing and reopening (used by the case machine). */
export interface CaseGuardContext {
  readonly state: CaseState;
  readonly env: Env;
}

const TERMINAL_GOAL: ReadonlySet<string> = new Set(TERMINAL_GOAL_STATUSES);

const HANDING_ON: ReadonlySet<CloseReason> = new Set(['transferred', 'referred-on']);

export const closeGuards: readonly Guard<CloseCase, CaseGuardContext>[] = [
  {
    // Closing before any treatment (a client who declines help, or stops coming, during assessment
    // or planning) is a real outcome; "completed" is not one of them.
    name: 'treatmentBegun',
    check: (command, { state }): GuardVerdict =>
      !((state.status === 'assessing' || state.status === 'planning' || (state.status === 'on-hold' && state.heldFrom !== 'active')) &&
        (command.reason === 'completed' || command.reason === 'partially-completed')) ||
      `case ${state.id} is ${state.status === 'on-hold' ? `on hold from ${state.heldFrom ?? 'active'}` : state.status}: no treatment was delivered, so it cannot close as ${command.reason}; close as declined, disengaged, transferred, referred-on, deceased or other`,
  },
  {
    name: 'destinationOnHandingOn',
    check: (command): GuardVerdict =>
      command.destination === undefined || HANDING_ON.has(command.reason) || `a destination goes with closing as transferred or referred-on, not ${command.reason}`,
  },
  {
    // Handing the client on to another service shares their information: that needs their consent.
    name: 'informationSharingConsent',
    check: (command, { state, env }): GuardVerdict => (command.destination === undefined ? true : sharingConsent(state, env.at, command.destination)),
  },
  {
    name: 'noOpenCrisis',
    check: (command, { state }): GuardVerdict => {
      if (state.crisis === null) return true;
      const since = state.crisis.since;
      const handoff = state.notes.some((n) => n.kind === 'handoff' && n.at >= since);
      if (command.reason === 'transferred' && handoff) return true;
      return command.reason === 'transferred'
        ? 'a crisis is open: record a handoff note before closing as transferred'
        : `a crisis is open since ${since}: resolve it first, or close as transferred with a handoff note`;
    },
  },
  {
    name: 'outcomesRecorded',
    check: (command, { state }): GuardVerdict => {
      if (command.reason !== 'completed' && command.reason !== 'partially-completed') return true;
      const finalEvaluation = Object.values(state.evaluations).some((e) => e.status === 'final');
      if (!finalEvaluation) return `closing as ${command.reason} needs a final evaluation; record one first`;
      const open = Object.values(state.goals).filter((g) => !TERMINAL_GOAL.has(g.status));
      if (open.length > 0) {
        return `closing as ${command.reason} needs an outcome on every goal: ${open.map((g) => `goal ${g.id} is ${g.status}`).join(', ')}`;
      }
      return true;
    },
  },
];

export const reopenGuards: readonly Guard<ReopenCase, CaseGuardContext>[] = [
  {
    name: 'notDeceased',
    check: (_c, { state }) => state.closure?.reason !== 'deceased' || 'a case closed because the client died cannot be reopened',
  },
  {
    name: 'withinReopenWindow',
    check: (_c, { state, env }) => {
      const limit = env.policy.reopenWithinDays;
      if (limit === undefined || state.closure === null) return true;
      const days = calendarDaysUtc(state.closure.at, env.at);
      return days <= limit || `the case closed ${days} days ago; the policy allows reopening within ${limit} days`;
    },
  },
];

export function decideOpenCase(command: OpenCase, env: Env): Decision {
  const { clientId, referral, setting } = command;
  return accept({ type: 'caseOpened', data: { caseId: command.caseId ?? env.newId(), clientId, referral, setting } });
}

export const declineReferral: Decider<DeclineReferral> = (_state, command) =>
  accept({ type: 'referralDeclined', data: command.summary === undefined ? { reason: command.reason } : { reason: command.reason, summary: command.summary } });

export const holdCase: Decider<HoldCase> = (state, command) => accept({ type: 'caseHeld', data: { from: state.status }, reason: command.reason });

export const resumeCase: Decider<ResumeCase> = (state) => accept({ type: 'caseResumed', data: { to: state.heldFrom ?? 'active' } });

export const closeCase: Decider<CloseCase> = (state, command) => {
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

export const reopenCase: Decider<ReopenCase> = (_state, command, env) =>
  accept({ type: 'caseReopened', data: { assessmentId: command.assessmentId ?? env.newId() }, reason: command.reason });

/** The state a `caseOpened` event creates. */
export function openedState(event: { caseId: string; at: string; data: LifecycleEvents['caseOpened'] }): Draft {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: event.data.caseId,
    clientId: event.data.clientId,
    status: 'referred',
    statusHistory: [{ status: 'referred', at: event.at }],
    heldFrom: null,
    referral: { source: event.data.referral.source, reason: event.data.referral.reason, urgency: event.data.referral.urgency, receivedAt: event.data.referral.receivedAt },
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

export const lifecycleEvolvers: Evolvers<Exclude<keyof LifecycleEvents, 'caseOpened'>> = {
  referralDeclined: (d, e) => {
    moveTo(d, 'closed', e.at);
    d.closure = e.data.summary === undefined ? { reason: e.data.reason, at: e.at } : { reason: e.data.reason, at: e.at, summary: e.data.summary };
  },
  caseHeld: (d, e) => {
    d.heldFrom = e.data.from;
    moveTo(d, 'on-hold', e.at);
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
    moveTo(d, 'closed', e.at);
    const closure: Writable<Closure> = { reason: e.data.reason, at: e.at };
    if (e.data.summary !== undefined) closure.summary = e.data.summary;
    if (e.data.destination !== undefined) closure.destination = e.data.destination;
    d.closure = closure;
  },
  caseReopened: (d, e) => {
    d.closure = null;
    moveTo(d, 'assessing', e.at);
    append(d, 'assessments', newAssessment(e.data.assessmentId, [], e.at));
  },
};
