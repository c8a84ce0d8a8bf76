import type { EnrolmentStatus, ProgrammeState } from './model.js';

/**
 * One row of a programme's roster: an enrolled member with their phase, peer role and attendance
 * (sessions held while they were expected: attended, missed, rate).
 *
 * @example
 * ```ts
 * const row: RosterRow = { memberId: 'ana', clientId: 'client-ana', caseId: 'c-ana', phaseId: 'primary', peerRole: 'buddy', attended: 18, missed: 2, attendanceRate: 0.9 };
 * ```
 */
export interface RosterRow {
  readonly memberId: string;
  readonly clientId: string;
  readonly caseId: string;
  readonly phaseId: string | null;
  readonly peerRole: string | null;
  readonly attended: number;
  readonly missed: number;
  /** Attended ÷ (attended + missed), or null before any session was held. */
  readonly attendanceRate: number | null;
}

/**
 * The roster: every enrolled member with phase, peer role and attendance, in enrolment order.
 *
 * @example
 * ```ts
 * roster(programme).map((r) => `${r.memberId} ${r.phaseId ?? '-'} ${r.attended}/${r.attended + r.missed}`);
 * ```
 */
export function roster(state: ProgrammeState): RosterRow[] {
  const counts = new Map<string, { attended: number; missed: number }>();
  for (const g of state.sessions) {
    if (g.status !== 'held') continue;
    for (const [id, a] of Object.entries(g.attendance)) {
      const c = counts.get(id) ?? { attended: 0, missed: 0 };
      if (a === 'attended') c.attended++;
      else c.missed++;
      counts.set(id, c);
    }
  }
  return Object.values(state.members)
    .filter((m) => m.status === 'enrolled')
    .map((m) => {
      const c = counts.get(m.id) ?? { attended: 0, missed: 0 };
      const held = c.attended + c.missed;
      return { memberId: m.id, clientId: m.clientId, caseId: m.caseId, phaseId: m.phaseId, peerRole: m.peerRole, attended: c.attended, missed: c.missed, attendanceRate: held === 0 ? null : c.attended / held };
    });
}

/**
 * Places: capacity, how many are enrolled, how many are free, and the waiting list in the order
 * members joined it.
 *
 * @example
 * ```ts
 * const { free, waitingList } = capacity(programme); // { capacity: 30, enrolled: 30, free: 0, waitingList: ['m-31', 'm-32'] }
 * ```
 */
export function capacity(state: ProgrammeState): { readonly capacity: number; readonly enrolled: number; readonly free: number; readonly waitingList: readonly string[] } {
  const members = Object.values(state.members);
  const enrolled = members.filter((m) => m.status === 'enrolled').length;
  const waitingList = members
    .filter((m) => m.status === 'waitlisted')
    // By code point, not localeCompare: the order must not depend on the server's locale (in Danish,
    // "m-aa" sorts after "m-b"). Instants are canonical, so their text order is their time order.
    .sort((a, b) => byCodePoint(a.waitlistedAt ?? '', b.waitlistedAt ?? '') || byCodePoint(a.id, b.id))
    .map((m) => m.id);
  return { capacity: state.capacity, enrolled, free: Math.max(0, state.capacity - enrolled), waitingList };
}

/**
 * A client's history across programmes: each enrolment with its statuses and when.
 *
 * @example
 * ```ts
 * programmeHistory([tc, dayProgramme], 'client-ana'); // [{ programmeId: 'tc-1', kind: 'residential-therapeutic-community', status: 'completed', history: [...] }]
 * ```
 */
export function programmeHistory(
  programmes: readonly ProgrammeState[],
  clientId: string,
): { readonly programmeId: string; readonly kind: string; readonly memberId: string; readonly status: EnrolmentStatus; readonly history: readonly { readonly status: EnrolmentStatus; readonly at: string }[] }[] {
  return programmes.flatMap((p) => Object.values(p.members).filter((m) => m.clientId === clientId).map((m) => ({ programmeId: p.id, kind: p.kind, memberId: m.id, status: m.status, history: m.history })));
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
