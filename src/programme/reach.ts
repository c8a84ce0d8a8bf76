import type { CaseState } from '../case/model/state.js';
import type { Session } from '../case/model/session.js';
import { byId } from '../case/store/lookup.js';
import { seriesOf } from '../case/store/series.js';
import type { CaseCommand } from '../engine/command-types.js';
import type { ProgrammeEvent, ProgrammeState } from './model.js';

/**
 * The id of a group session in a member's case: the programme's and the session's, joined.
 *
 * @example
 * ```ts
 * caseSessionId('tc-1', 'cm-12'); // 'tc-1:cm-12'
 * ```
 */
export const caseSessionId = (programmeId: string, sessionId: string): string => `${programmeId}:${sessionId}`;

/**
 * The case commands a programme's events imply for its members' cases, in order: a scheduled group
 * session becomes a session of each expected member's strategy of the programme's modality; recorded
 * attendance becomes each member's attendance; a cancelled session, and an enrolment that ends, cancel
 * what is still scheduled.
 */
export function* caseCommandsFor(
  before: ProgrammeState | null,
  after: ProgrammeState,
  events: readonly ProgrammeEvent[],
  caseOf: (caseId: string) => CaseState | undefined,
): Generator<{ caseId: string; command: CaseCommand } | { caseId: string; problem: string }> {
  for (const e of events) {
    if (e.type === 'groupSessionScheduled') {
      for (const memberId of e.data.expected) {
        const m = after.members[memberId];
        if (m === undefined) continue;
        const strategy = Object.values(caseOf(m.caseId)?.strategies ?? {}).find((st) => st.modality === after.modality && st.status === 'active');
        if (strategy === undefined) {
          yield { caseId: m.caseId, problem: `member ${memberId}'s case ${m.caseId} has no active ${after.modality} strategy to hold the session; leave them out of it (expected: the members who will come) or end their enrolment` };
          continue;
        }
        yield {
          caseId: m.caseId,
          command: { type: 'scheduleSession', sessionId: caseSessionId(after.id, e.data.sessionId), strategyId: strategy.id, scheduledFor: e.data.scheduledFor, groupId: after.id },
        };
      }
    } else if (e.type === 'groupAttendanceRecorded') {
      for (const [memberId, attendance] of Object.entries(e.data.attendance)) {
        const m = after.members[memberId];
        if (m !== undefined) yield { caseId: m.caseId, command: { type: 'recordAttendance', sessionId: caseSessionId(after.id, e.data.sessionId), attendance } };
      }
    } else if (e.type === 'groupSessionCancelled') {
      const g = after.sessions.find((s) => s.id === e.data.sessionId);
      for (const memberId of g?.expected ?? []) {
        const m = after.members[memberId];
        const sessionId = caseSessionId(after.id, e.data.sessionId);
        if (m !== undefined && (before?.members[memberId]?.status === 'enrolled' || m.status === 'enrolled') && stillScheduled(caseOf(m.caseId), sessionId)) {
          yield { caseId: m.caseId, command: { type: 'recordAttendance', sessionId, attendance: 'cancelled' } };
        }
      }
    } else if (e.type === 'enrolmentEnded' || e.type === 'programmeEnded') {
      const ids = e.type === 'enrolmentEnded' ? [e.data.memberId] : e.data.completedMemberIds;
      for (const memberId of ids) {
        const m = after.members[memberId];
        if (m === undefined) continue;
        for (const g of after.sessions) {
          const sessionId = caseSessionId(after.id, g.id);
          if (g.status === 'scheduled' && g.expected.includes(memberId) && stillScheduled(caseOf(m.caseId), sessionId)) {
            yield { caseId: m.caseId, command: { type: 'recordAttendance', sessionId, attendance: 'cancelled' } };
          }
        }
      }
    }
  }
}

/**
 * Whether a member's case still has the group session scheduled: only then is there something to
 * cancel. A case closed on its own (its sessions cancelled with it), or one where the session was
 * already recorded, is left as it is, so that one member's closed case does not stop the programme
 * from cancelling a session or ending that member's enrolment.
 */
function stillScheduled(state: CaseState | undefined, sessionId: string): boolean {
  return state === undefined || (byId(seriesOf<Session>(state, 'sessions'), sessionId)?.status ?? 'scheduled') === 'scheduled';
}
