/**
 * The guards of the case table's closeCase row: what a closing needs, in the order they are
 * checked (the first refusal wins).
 */
import { ruleMessages as say } from '../model/messages.js';
import type { Guard, GuardVerdict } from '../../kernel/machine.js';
import type { CaseGuardContext } from '../model/context.js';
import { ATTENDANCE_RECORDED, type CloseReason } from '../model/case.js';
import type { CaseState } from '../model/state.js';
import { TERMINAL_GOAL_STATUSES } from '../model/goal.js';
import { isBefore } from '../../kernel/clock.js';
import { sharingConsent } from './consent.js';

/** The part of a closeCase command the guards read. */
interface CloseCommand {
  readonly reason: CloseReason;
  readonly destination?: string | undefined;
}

const TERMINAL_GOAL: ReadonlySet<string> = new Set(TERMINAL_GOAL_STATUSES);

const HANDING_ON: ReadonlySet<CloseReason> = new Set(['transferred', 'referred-on']);

/**
 * Whether the plan has been delivered in the case's current episode (since it was opened or last
 * reopened): a case re-planned after a review, or on hold from a review, has had treatment.
 */
function treatedThisEpisode(state: CaseState): boolean {
  const history = state.statusHistory;
  for (let i = history.length - 1; i >= 0; i--) {
    const status = (history[i] as (typeof history)[number]).status;
    if (status === 'active' || status === 'reviewing') return true;
    if (status === 'closed') return false;
  }
  return false;
}

export const closeGuards: readonly Guard<CloseCommand, CaseGuardContext>[] = [
  {
    // Closing before any treatment (a client who declines help, or stops coming, during assessment
    // or planning) is a real outcome; "completed" is not one of them.
    name: 'treatmentBegun',
    check: (command, { state }): GuardVerdict =>
      (command.reason !== 'completed' && command.reason !== 'partially-completed') ||
      treatedThisEpisode(state) ||
      say.treatmentBegun({ caseId: state.id, status: state.status === 'on-hold' ? `on hold from ${state.heldFrom ?? 'active'}` : state.status, reason: command.reason }),
  },
  {
    name: 'destinationOnHandingOn',
    check: (command): GuardVerdict =>
      command.destination === undefined || HANDING_ON.has(command.reason) || say.destinationOnHandingOn({ reason: command.reason }),
  },
  {
    // Handing the client on to another service shares their information: that needs their consent.
    name: 'informationSharingConsent',
    check: (command, { state, env }): GuardVerdict => (command.destination === undefined ? true : sharingConsent(state, env.at, command.destination)),
  },
  {
    name: 'noOpenCrisis',
    check: (command, { state }): GuardVerdict => {
      // A client who died during a crisis: the record says so, with no risk level made up to resolve it first.
      if (state.crisis === null || command.reason === 'deceased') return true;
      const since = state.crisis.since;
      const handoff = state.notes.some((n) => n.kind === 'handoff' && n.at >= since);
      if (command.reason === 'transferred' && handoff) return true;
      return say.noOpenCrisis({ since, transferring: command.reason === 'transferred' });
    },
  },
  {
    // Closing cancels the sessions still booked. One whose time has passed may have taken place, and
    // "cancelled" would then be a fact the engine made up: where attendance can be recorded, it is
    // recorded first.
    name: 'attendanceRecorded',
    check: (_c, { state, env }): GuardVerdict => {
      if (!ATTENDANCE_RECORDED.includes(state.status)) return true;
      const due = state.sessions.filter((s) => s.status === 'scheduled' && !isBefore(env.at, s.scheduledFor));
      return due.length === 0 || say.attendanceRecorded({ due: due.map((s) => `${s.id} (${s.scheduledFor})`) });
    },
  },
  {
    name: 'outcomesRecorded',
    check: (command, { state }): GuardVerdict => {
      if (command.reason !== 'completed' && command.reason !== 'partially-completed') return true;
      const finalEvaluation = Object.values(state.evaluations).some((e) => e.status === 'final');
      if (!finalEvaluation) return say.outcomesRecorded({ reason: command.reason, openGoals: null });
      const open = Object.values(state.goals).filter((g) => !TERMINAL_GOAL.has(g.status));
      if (open.length > 0) {
        return say.outcomesRecorded({ reason: command.reason, openGoals: open.map((g) => `goal ${g.id} is ${g.status}`) });
      }
      return true;
    },
  },
];
