import type { Note } from '../case/model/note.js';
import { CLINICAL_ROLES, type Actor } from '../case/model/primitives.js';
import type { CaseState } from '../case/model/state.js';

/** One line of a case's story. */
export interface TimelineEntry {
  readonly at: string;
  readonly kind: 'status' | 'assessment' | 'goal' | 'strategy' | 'session' | 'measurement' | 'evaluation' | 'consent' | 'note' | 'risk' | 'safety-plan' | 'team';
  readonly text: string;
  /** The entity it is about, where there is one. */
  readonly entityId?: string;
}

const CLINICAL: ReadonlySet<string> = new Set(CLINICAL_ROLES);

/**
 * Whether a viewer may read a note: `client-visible` notes are for everyone on the case (the client
 * and family members included); `team` notes for the care team and its administrators, not the
 * client or family; `clinical-only` notes for clinicians alone. The one rule every query that
 * returns note text follows.
 *
 * @example
 * ```ts
 * mayRead({ id: 'client-7', role: 'client' }, note); // false for a team note
 * ```
 */
export function mayRead(viewer: Actor, note: Pick<Note, 'visibility'>): boolean {
  if (typeof viewer !== 'object' || viewer === null) throw new TypeError(`mayRead(viewer, note) needs the viewer { id, role }, not ${viewer === null ? 'null' : typeof viewer}`);
  if (note.visibility === 'client-visible') return true;
  if (note.visibility === 'team') return viewer.role !== 'client' && viewer.role !== 'family-member';
  return CLINICAL.has(viewer.role);
}

/**
 * A readable, ordered account of what happened in a case, built from its state (for UIs and
 * reports; the event log is the full audit trail), as `viewer` may see it: notes whose visibility
 * does not include the viewer are left out (see {@link mayRead}). Entries at the same instant keep
 * the order of the case's lifecycle.
 *
 * @example
 * ```ts
 * for (const e of timeline(state, { id: 'p-ana', role: 'lead-practitioner' })) console.log(e.at.slice(0, 10), e.text);
 * ```
 */
export function timeline(state: CaseState, viewer: Actor): TimelineEntry[] {
  if (typeof viewer !== 'object' || viewer === null || typeof viewer.role !== 'string') {
    throw new TypeError('timeline(state, viewer) needs the viewer { id, role }: notes are shown by their visibility');
  }
  const out: TimelineEntry[] = [];
  const add = (at: string | null | undefined, kind: TimelineEntry['kind'], text: string, entityId?: string): void => {
    if (at) out.push({ at, kind, text, ...(entityId === undefined ? {} : { entityId }) });
  };
  state.statusHistory.forEach((s, i) => add(s.at, 'status', i === 0 ? `Referred by ${state.referral.source}: ${state.referral.reason}` : `Case ${s.status}`));
  for (const a of state.assessments) {
    add(a.startedAt, 'assessment', `Assessment ${a.id} started (${a.methods.join(', ') || 'no methods named'})`, a.id);
    add(a.completedAt, 'assessment', `Assessment ${a.id} completed: ${a.needs.length} needs, ${a.strengths.length} strengths, risk ${a.riskScreen?.level ?? 'not screened'}`, a.id);
  }
  for (const g of Object.values(state.goals)) {
    add(g.proposedAt, 'goal', `Goal proposed: ${g.description}`, g.id);
    if (g.outcome) add(g.outcome.at, 'goal', `Goal ${g.outcome.status}: ${g.description}`, g.id);
  }
  for (const s of Object.values(state.strategies)) {
    add(s.startedAt, 'strategy', `${s.modality} started: ${s.description}`, s.id);
    add(s.endedAt, 'strategy', `${s.modality} ${s.status}${s.statusReason ? ` (${s.statusReason})` : ''}`, s.id);
  }
  // Who was on the care team, and when: the story of a case includes who was caring for the client.
  for (const m of Object.values(state.team)) {
    add(m.joinedAt, 'team', `${m.personId} joined the care team as ${m.role}`, m.id);
    add(m.leftAt, 'team', `${m.personId} left the care team`, m.id);
  }
  for (const s of state.sessions) add(s.recordedAt, 'session', `Session ${s.status} (${state.strategies[s.strategyId]?.modality ?? s.strategyId})`, s.id);
  for (const m of state.measurements) {
    const what = m.instrumentId ?? m.indicator ?? '';
    const note = m.status === 'entered-in-error' ? ' — entered in error' : m.status === 'amended' ? ' (amended)' : '';
    add(m.takenAt, 'measurement', `${what} ${m.score ?? 'unscored (too many items missing)'}${m.band ? ` (${m.band})` : ''}${note}`, m.id);
  }
  for (const e of Object.values(state.evaluations)) add(e.at, 'evaluation', `Evaluation (${e.status}): decision ${e.decision}`, e.id);
  for (const c of Object.values(state.consents)) {
    add(c.grantedAt, 'consent', `Consent to ${c.scope} given by ${c.grantedBy}`, c.id);
    add(c.withdrawnAt, 'consent', `Consent to ${c.scope} withdrawn`, c.id);
  }
  for (const n of state.notes) if (mayRead(viewer, n)) add(n.at, 'note', `Note (${n.kind}): ${n.text}`, n.id);
  for (const r of state.riskHistory) add(r.at, 'risk', `Risk level ${r.level}${r.factors.length ? `: ${r.factors.join(', ')}` : ''}`);
  for (const p of state.safetyPlans) add(p.agreedAt, 'safety-plan', 'Safety plan agreed', p.id);
  // A stable sort keeps lifecycle order among entries at the same instant.
  return out.map((e, i) => [e, i] as const).sort((a, b) => (a[0].at < b[0].at ? -1 : a[0].at > b[0].at ? 1 : a[1] - b[1])).map(([e]) => e);
}
