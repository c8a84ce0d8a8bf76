import { CLINICAL_ROLES, type Role } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';
import { systemClock, toInstant } from '../kernel/clock.js';
import { LifecycleError, isLifecycleError } from '../kernel/errors.js';
import { randomId } from '../kernel/clock.js';
import { dispatch } from '../engine/dispatch.js';
import type { CaseEvent } from '../engine/events.js';
import { parseProgrammeCommand, type ProgrammeCommand, type ProgrammeCommandType } from './commands.js';
import { DEFAULT_PEER_ROLES, REACHES_CASES, type ProgrammeContext } from './context.js';
import { decideProgramme, own } from './decide.js';
import { evolveProgramme } from './evolve.js';
import { PROGRAMME_KINDS, type ProgrammeEvent, type ProgrammeState } from './model.js';
import { caseCommandsFor } from './reach.js';

/** What one member's case became when a programme command reached it. */
export interface CaseUpdate {
  readonly caseId: string;
  readonly state: CaseState;
  readonly events: readonly CaseEvent[];
}

/**
 * The outcome of {@link dispatchProgramme}: the new programme state, its events, and every member
 * case the command reached (store them together), or the refusal with nothing changed.
 */
export type ProgrammeResult =
  | { readonly ok: true; readonly state: ProgrammeState; readonly events: readonly ProgrammeEvent[]; readonly cases: readonly CaseUpdate[] }
  | { readonly ok: false; readonly error: LifecycleError };

const MANAGE: readonly Role[] = ['lead-practitioner', 'supervisor', 'admin'];
const DELIVER: readonly Role[] = CLINICAL_ROLES;

/**
 * Who may issue each programme command by default.
 *
 * @example
 * ```ts
 * PROGRAMME_ROLES.enrolMember.includes('therapist'); // true
 * ```
 */
export const PROGRAMME_ROLES: Readonly<Record<ProgrammeCommandType, readonly Role[]>> = {
  openProgramme: MANAGE,
  addFacilitator: MANAGE,
  removeFacilitator: MANAGE,
  startRecruiting: MANAGE,
  startProgramme: MANAGE,
  endProgramme: MANAGE,
  cancelProgramme: MANAGE,
  referMember: [...DELIVER, 'admin'],
  waitlistMember: [...DELIVER, 'admin'],
  enrolMember: DELIVER,
  movePhase: DELIVER,
  assignPeerRole: DELIVER,
  completeEnrolment: DELIVER,
  dischargeMember: DELIVER,
  transitionMember: DELIVER,
  recordDropOut: DELIVER,
  scheduleGroupSession: [...DELIVER, 'admin'],
  recordGroupAttendance: DELIVER,
  cancelGroupSession: [...DELIVER, 'admin'],
};

/**
 * Who may act: by role (the policy may replace a command's list), and, once the programme has
 * facilitators, clinicians only as one of them (supervisors and admins excepted); a client only as an
 * enrolled member whose peer role lets them issue this command.
 */
function permitted(state: ProgrammeState | null, c: ProgrammeCommand, ctx: ProgrammeContext): true | string {
  const { actor } = ctx;
  if (actor.role === 'client' && state !== null) {
    const peerRoles = ctx.policy?.peerRoles ?? DEFAULT_PEER_ROLES;
    const me = Object.values(state.members).find((m) => m.clientId === actor.id && m.status === 'enrolled');
    const allowed = me?.peerRole == null ? [] : (own(peerRoles, me.peerRole) ?? []);
    if (REACHES_CASES.includes(c.type)) return `${c.type} reaches members' cases, which only their clients and care teams write: no peer role may issue it`;
    return allowed.includes(c.type) || `${actor.id} (client) may not ${c.type}${me?.peerRole == null ? '' : ` as ${me.peerRole}`}`;
  }
  const roles = ctx.policy?.roles?.[c.type] ?? PROGRAMME_ROLES[c.type];
  if (!Array.isArray(roles) || !roles.includes(actor.role)) return `${c.type} needs one of the roles ${Array.isArray(roles) ? roles.join(', ') : '(none)'}; ${actor.id} acts as ${actor.role}`;
  if (state !== null && actor.role !== 'supervisor' && actor.role !== 'admin') {
    const active = Object.values(state.facilitators).filter((f) => f.status === 'active');
    if (active.length > 0 && !active.some((f) => f.personId === actor.id) && MANAGE.indexOf(actor.role) === -1) return `${actor.id} is not a facilitator of programme ${state.id}`;
  }
  return true;
}

/**
 * Parses, authorises and decides a programme command, applies its events, and carries it to the
 * members' cases where it reaches them: a group session is scheduled in each expected member's case
 * (under their strategy of the programme's modality, with the programme as its group), attendance is
 * recorded in each, and a cancelled session or an ended enrolment cancels what was still scheduled.
 * Those case commands go through the engine's `dispatch` as the same actor; if any case refuses,
 * the whole command is refused and nothing changes (the programme's state is the object given).
 *
 * @example
 * ```ts
 * const r = dispatchProgramme(programme, { type: 'recordGroupAttendance', sessionId: 'm-12', attendance: { ana: 'attended', ben: 'did-not-attend' } }, { actor, cases: (id) => store.get(id) });
 * if (r.ok) save(r.state, r.events, r.cases); // the programme and each member's case, together
 * ```
 */
export function dispatchProgramme(state: ProgrammeState | null, input: unknown, ctx: ProgrammeContext): ProgrammeResult {
  return runProgramme(state, input, ctx, true);
}

/** {@link dispatchProgramme}, with or without carrying the command to the members' cases (the validator replays without). */
export function runProgramme(state: ProgrammeState | null, input: unknown, ctx: ProgrammeContext, reach: boolean): ProgrammeResult {
  const parsed = parseProgrammeCommand(input);
  if (!parsed.ok) return parsed;
  const c = parsed.value;
  const allowed = permitted(state, c, ctx);
  if (allowed !== true) return { ok: false, error: new LifecycleError('FORBIDDEN', allowed) };
  let at: string;
  try {
    at = toInstant((ctx.now ?? systemClock)());
  } catch (e) {
    return { ok: false, error: new LifecycleError('INVALID_INPUT', `the clock gave no instant: ${(e as Error).message}`) };
  }
  const caseOf = (id: string): CaseState | undefined => ctx.cases?.(id);
  const kinds = { ...PROGRAMME_KINDS, ...(ctx.policy?.kinds ?? {}) };
  const decision = decideProgramme(state, c, { state, at, caseOf, kinds, peerRoles: ctx.policy?.peerRoles ?? DEFAULT_PEER_ROLES }, ctx.newId ?? randomId);
  if (!decision.ok) return decision;
  let next = state;
  const events: ProgrammeEvent[] = [];
  for (const d of decision.events) {
    const programmeId = d.type === 'programmeOpened' ? d.data.programmeId : (state as ProgrammeState).id;
    const e = { type: d.type, programmeId, seq: (next?.version ?? 0) + 1, at, actor: { id: ctx.actor.id, role: ctx.actor.role }, data: d.data, ...(d.reason === undefined ? {} : { reason: d.reason }) } as ProgrammeEvent;
    events.push(e);
    next = evolveProgramme(next, e);
  }
  if (!reach) return { ok: true, state: next as ProgrammeState, events, cases: [] };
  // The members' cases: every command the events imply, all or nothing.
  const updates = new Map<string, { state: CaseState; events: CaseEvent[] }>();
  for (const item of caseCommandsFor(state, next as ProgrammeState, events, caseOf)) {
    const { caseId } = item;
    if ('problem' in item) return { ok: false, error: new LifecycleError('GUARD_FAILED', item.problem, { rule: 'memberStrategyActive' }) };
    const { command } = item;
    const current = updates.get(caseId)?.state ?? caseOf(caseId);
    if (current === undefined) return { ok: false, error: new LifecycleError('INVALID_INPUT', `case ${caseId} of a member is needed to carry ${c.type} to it (pass ctx.cases)`) };
    const r = dispatch(current, command, { actor: ctx.actor, now: () => at, ...(ctx.policy?.casePolicy === undefined ? {} : { policy: ctx.policy.casePolicy }) });
    if (!r.ok) {
      // A member whose case cannot hold a new session now (on hold, say) can be left out of it.
      const member = c.type === 'scheduleGroupSession' ? Object.values((next as ProgrammeState).members).find((m) => m.caseId === caseId) : undefined;
      const hint = member === undefined ? '' : `; leave member ${member.id} out of this session (expected: the members who will come) or end their enrolment`;
      return { ok: false, error: new LifecycleError(r.error.code, `case ${caseId} refused ${command.type}: ${r.error.message}${hint}`, { issues: r.error.issues, ...(r.error.rule === undefined ? {} : { rule: r.error.rule }) }) };
    }
    const u = updates.get(caseId) ?? { state: current, events: [] };
    u.state = r.state;
    u.events.push(...r.events);
    updates.set(caseId, u);
  }
  return { ok: true, state: next as ProgrammeState, events, cases: [...updates].map(([caseId, u]) => ({ caseId, state: u.state, events: u.events })) };
}

/**
 * Folds a programme's event log into its state. Instants written with an offset are stored
 * canonical, so a log whose store rewrote its timestamps folds to the same state.
 *
 * @throws LifecycleError `INVALID_LOG` when the log does not begin with `programmeOpened`, its `seq` does not count up from 1,
 * or an event cannot be applied (an instant that is not one, say).
 * @example
 * ```ts
 * const state = replayProgramme(record.events);
 * ```
 */
export function replayProgramme(events: readonly ProgrammeEvent[]): ProgrammeState {
  let state: ProgrammeState | null = null;
  events.forEach((e, i) => {
    if (typeof e !== 'object' || e === null || e.seq !== i + 1 || (i === 0) !== (e.type === 'programmeOpened')) {
      throw new LifecycleError('INVALID_LOG', `programme event ${i} is out of place: expected seq ${i + 1}${i === 0 ? ' and programmeOpened' : ''}`, { issues: [{ path: [i], code: 'INVALID_LOG', message: 'out of place' }] });
    }
    try {
      state = evolveProgramme(state, e);
    } catch (x) {
      if (isLifecycleError(x)) throw x;
      const message = `programme event ${i} could not be applied: ${(x as Error)?.message ?? String(x)}`;
      throw new LifecycleError('INVALID_LOG', message, { issues: [{ path: [i], code: 'INVALID_LOG', message }] });
    }
  });
  if (state === null) throw new LifecycleError('INVALID_LOG', 'a programme log needs at least programmeOpened');
  return state;
}
