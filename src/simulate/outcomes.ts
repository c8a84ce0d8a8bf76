/**
 * Outcome datasets: one row per case, for simulated and real records alike, with research consent
 * honoured (a case whose client has no active research consent gives no row).
 */
import { asOfInstant } from '../kernel/clock.js';
import type { CaseState } from '../case/model/state.js';
import { mayShare } from '../case/rules/consent.js';
import { endsOf, instrumentChanges, talkingTherapiesOf } from '../case/rules/outcomes.js';
import { getInstrument } from '../measures/instruments/registry.js';

/** A client's change on one instrument, first versus last valid score. */
export interface InstrumentOutcome {
  readonly first: number;
  readonly last: number;
  /** Jacobson–Truax reliable change, or null where the instrument has no reliability and norm. */
  readonly change: 'improved' | 'unchanged' | 'deteriorated' | null;
  /** Reliable change combined with caseness: recovered and harmed cross the caseness threshold. */
  readonly category: 'recovered' | 'improved' | 'unchanged' | 'deteriorated' | 'harmed' | null;
}

/** One case's outcomes. */
export interface OutcomeRow {
  readonly caseId: string;
  readonly clientId: string;
  readonly referredAt: string;
  /** The first strategy's start, or null when treatment never began. */
  readonly firstTreatmentAt: string | null;
  /** Whole days from referral to first treatment, or null. */
  readonly waitDays: number | null;
  readonly sessionsAttended: number;
  readonly sessionsMissed: number;
  /** Missed / (attended + missed), or null without either. */
  readonly didNotAttendRate: number | null;
  /** Per monitored instrument with at least two valid scores. */
  readonly instruments: Readonly<Record<string, InstrumentOutcome>>;
  /** NHS Talking Therapies flags, when PHQ-9 and GAD-7 both have a first and a last score. */
  readonly talkingTherapies: {
    readonly finishedCourse: boolean;
    readonly caseness: boolean;
    readonly recovery: boolean | 'not-applicable';
    readonly reliableImprovement: boolean;
    readonly reliableDeterioration: boolean;
    readonly reliableRecovery: boolean | 'not-applicable';
  } | null;
  /** The GAS T-score of the last final evaluation that has one, or null. */
  readonly gasTScore: number | null;
  /** How the case closed, or null while open. */
  readonly closureReason: string | null;
}

/**
 * The outcome row of a case, from everything the state records: `[]` when the client has not
 * consented to research at `asOf` (default: the case's last change), so a dataset never holds a case
 * it may not, and `[]` for a case marked entered in error (opened by mistake: a duplicate, the wrong
 * client), which is no case. `asOf` judges the consent only; for the case as it stood at a census
 * date, replay its events up to that date and pass that state. A case is one episode of care, and
 * a reopened case is still that episode: its first score is the first one taken in the case, before
 * the closure that was reopened (a client referred again is a new case, with its own row).
 *
 * @example
 * ```ts
 * const [row] = outcomeRows(state, { asOf: '2026-12-31T00:00:00.000Z' });
 * row?.instruments.phq9?.category; // 'recovered'
 * ```
 */
export function outcomeRows(state: CaseState, options: { readonly asOf?: string } = {}): OutcomeRow[] {
  const asOf = options.asOf === undefined ? state.updatedAt : asOfInstant(options.asOf);
  if (state.status === 'entered-in-error' || !mayShare(state, 'research', asOf)) return [];
  let firstTreatmentAt: string | null = null;
  for (const id in state.strategies) {
    const at = state.strategies[id]?.startedAt ?? null;
    if (at !== null && (firstTreatmentAt === null || at < firstTreatmentAt)) firstTreatmentAt = at;
  }
  let attended = 0;
  let missed = 0;
  for (const s of state.sessions) {
    if (s.status === 'attended') attended++;
    else if (s.status === 'did-not-attend') missed++;
  }
  const instruments: Record<string, InstrumentOutcome> = {};
  // First and last by the time each score was taken (a score entered late is not the last), the
  // very pair the reliable-change category is computed from.
  const ends = endsOf(state);
  const changes = new Map(instrumentChanges(state, ends).map((c) => [c.instrumentId, c]));
  for (const [instrumentId, end] of ends) {
    if (end.count < 2) continue;
    const first = end.first.score;
    const last = end.last.score;
    const change = changes.get(instrumentId)?.category ?? null;
    instruments[instrumentId] = { first, last, change, category: categoryOf(instrumentId, first, last, change) };
  }
  const tt = talkingTherapiesOf(state, ends);
  let gasTScore: number | null = null;
  for (const e of Object.values(state.evaluations)) if (e.status === 'final' && e.gasTScore !== null) gasTScore = e.gasTScore;
  const referredAt = state.referral.receivedAt;
  return [
    {
      caseId: state.id,
      clientId: state.clientId,
      referredAt,
      firstTreatmentAt,
      waitDays: firstTreatmentAt === null ? null : Math.floor((Date.parse(firstTreatmentAt) - Date.parse(referredAt)) / 86_400_000),
      sessionsAttended: attended,
      sessionsMissed: missed,
      didNotAttendRate: attended + missed === 0 ? null : missed / (attended + missed),
      instruments,
      talkingTherapies:
        tt === null
          ? null
          : {
              finishedCourse: tt.finishedCourse,
              caseness: tt.casenessAtStart,
              recovery: tt.recovery,
              reliableImprovement: tt.reliableImprovement,
              reliableDeterioration: tt.reliableDeterioration,
              reliableRecovery: tt.reliableRecovery,
            },
      gasTScore,
      closureReason: state.closure?.reason ?? null,
    },
  ];
}

function categoryOf(instrumentId: string, first: number, last: number, change: InstrumentOutcome['change']): InstrumentOutcome['category'] {
  const caseness = getInstrument(instrumentId)?.caseness;
  if (change === null) return null;
  if (caseness === undefined) return change;
  if (change === 'improved' && first >= caseness && last < caseness) return 'recovered';
  if (change === 'deteriorated' && first < caseness && last >= caseness) return 'harmed';
  return change;
}

/**
 * The outcome rows of many cases (those without research consent left out).
 *
 * @example
 * ```ts
 * const rows = outcomeTable(states, { asOf: '2026-12-31T00:00:00.000Z' });
 * ```
 */
export function outcomeTable(states: Iterable<CaseState>, options: { readonly asOf?: string } = {}): OutcomeRow[] {
  const rows: OutcomeRow[] = [];
  for (const s of states) rows.push(...outcomeRows(s, options));
  return rows;
}
