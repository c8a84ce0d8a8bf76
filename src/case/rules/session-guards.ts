/**
 * The guards the session table shares between its rows: who may take part, the consent a family
 * member or the treatment itself needs, and what an ended strategy still allows.
 */
import { ruleMessages as say } from '../model/messages.js';
import type { Session } from '../model/session.js';
import type { CaseState } from '../model/state.js';
import type { Env } from '../model/context.js';
import { findModality } from '../model/modalities.js';
import { isBefore } from '../../kernel/clock.js';
import { own } from '../store/lookup.js';
import { consentWhenHeld, hasActiveConsent } from './consent.js';

/** What the session table's guards read. */
export interface SessionContext {
  readonly state: CaseState;
  readonly env: Env;
  readonly session: Session | undefined;
}

/**
 * Who may take part in a session of this case: the client, and the people on its care team (family
 * members join the team as `family-member`). Members of a group from other cases are linked by
 * `groupId`, not listed here.
 */
function unknownParticipants(state: CaseState, participants: readonly string[]): string[] {
  const known = new Set<string>([state.clientId]);
  for (const id in state.team) {
    const m = state.team[id];
    if (m !== undefined && m.status === 'active') known.add(m.personId);
  }
  return participants.filter((p) => !known.has(p));
}

export const participantsGuard = {
  name: 'participantsKnown',
  check: (c: { readonly participants?: readonly string[] | undefined }, { state }: SessionContext) => {
    if (c.participants === undefined) return true;
    const unknown = unknownParticipants(state, c.participants);
    return unknown.length === 0 || say.participantsKnown({ clientId: state.clientId, unknown });
  },
};

/** The family members among the participants without an active consent to take part (`participant:<personId>`). */
function familyWithoutConsent(state: CaseState, participants: readonly string[], at: string): string[] {
  const family = new Set<string>();
  for (const id in state.team) {
    const m = state.team[id];
    if (m !== undefined && m.status === 'active' && m.role === 'family-member') family.add(m.personId);
  }
  return participants.filter((p) => p !== state.clientId && family.has(p) && !hasActiveConsent(state, `participant:${p}`, at));
}

export const familyConsentGuard = {
  name: 'familyConsent',
  check: (c: { readonly participants?: readonly string[] | undefined; readonly attendance?: string }, { state, env, session }: SessionContext) => {
    if (c.attendance !== undefined && c.attendance !== 'attended') return true;
    const participants = c.participants ?? session?.participants;
    if (participants === undefined) return true;
    const missing = familyWithoutConsent(state, participants, env.at);
    return missing.length === 0 || { code: 'CONSENT_REQUIRED' as const, message: say.familyConsent({ missing }) };
  },
};

const ENDED: ReadonlySet<string> = new Set(['completed', 'discontinued']);

/** A session of a completed or discontinued strategy is not moved: it is recorded as cancelled (or as held). */
export const strategyNotEnded = {
  name: 'strategyNotEnded',
  check: (_c: unknown, { state, session }: SessionContext) => {
    const s = session === undefined ? undefined : own(state.strategies, session.strategyId);
    return s === undefined || !ENDED.has(s.status) || say.strategyNotEnded({ strategyId: s.id, status: s.status });
  },
};

/** The part of a recordAttendance command the held-time guards read. */
type HeldCheck = { readonly attendance?: string };

/**
 * A session of a completed or discontinued strategy is treatment outside the plan, unless it was
 * held before the strategy ended (entered late).
 */
export const strategyOpenWhenHeld = {
  name: 'strategyOpenWhenHeld',
  check: (c: HeldCheck, { state, session }: SessionContext) => {
    if (c.attendance !== 'attended' || !session) return true;
    const s = own(state.strategies, session.strategyId);
    if (s === undefined || s.endedAt === null || isBefore(session.scheduledFor, s.endedAt)) return true;
    return say.strategyOpenWhenHeld({ strategyId: s.id, status: s.status, endedAt: s.endedAt, scheduledFor: session.scheduledFor });
  },
};

const PAUSED: ReadonlySet<string> = new Set(['on-hold', 'closed']);

/**
 * Treatment is given while the case is open to it: a session is not recorded as attended if it was
 * held while the case was on hold or closed (a session booked for a time the case then spent on hold
 * is recorded as cancelled or missed), nor as attended or missed if it is dated before the referral
 * was received (only cancelled). Judged at the session's time, like the two guards beside it, and
 * only there: a session held during assessment or planning and entered once the plan was active is
 * the common late entry, and stays allowed.
 */
export const caseOpenWhenHeld = {
  name: 'caseOpenWhenHeld',
  check: (c: HeldCheck, { state, session }: Pick<SessionContext, 'state' | 'session'>) => {
    if (c.attendance === 'cancelled' || !session) return true;
    const at = session.scheduledFor;
    const receivedAt = state.referral.receivedAt;
    // Before the referral there was no appointment to keep or to miss (a missed one would count in
    // the did-not-attend rate); during a hold it may well have been missed.
    if (isBefore(at, receivedAt)) return say.caseOpenWhenHeld({ scheduledFor: at, caseId: state.id, receivedAt });
    if (c.attendance !== 'attended') return true;
    // From the latest change back: a session being recorded is usually recent, so this is one step.
    const history = state.statusHistory;
    for (let i = history.length - 1; i >= 0; i--) {
      const change = history[i] as (typeof history)[number];
      if (isBefore(at, change.at)) continue;
      return !PAUSED.has(change.status) || say.caseOpenWhenHeld({ scheduledFor: at, caseId: state.id, status: change.status, since: change.at });
    }
    return true;
  },
};

/**
 * Treatment given is treatment consented to: judged at the session's time, so a session held after
 * the client withdrew cannot be recorded as attended.
 */
export const consentWhenHeldGuard = {
  name: 'consentWhenHeld',
  check: (c: HeldCheck, { state, env, session }: SessionContext) => {
    if (c.attendance !== 'attended' || !session) return true;
    const s = own(state.strategies, session.strategyId);
    return consentWhenHeld(state, session.scheduledFor, s === undefined ? undefined : findModality(s.modality, env.policy.modalities));
  },
};
