import type { InstrumentChange, CaseTalkingTherapies } from '../model/evaluation.js';
import { jacobsonTruax } from '../../measures/jacobson-truax.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { referenceNorm } from '../../measures/instruments/reference-norm.js';
import { talkingTherapiesOutcome } from '../../measures/nhs-talking-therapies.js';
import type { Measurement } from '../model/measurement.js';
import type { CaseState } from '../model/state.js';
import type { Session } from '../model/session.js';
import { seriesOf } from '../store/series.js';
import { attendedCount, instrumentEnds, type InstrumentEnd } from '../store/series-tallies.js';


/** A measurement with a total. */
export type ScoredMeasurement = Measurement & { readonly score: number };

/**
 * First versus latest valid score of every instrument with a published reliability and a reference
 * SD (the clinical norm where the catalogue has one): the Jacobson–Truax index with the exact
 * critical value. Instruments without them are left out rather than given a made-up SD. Read from
 * the series' kept ends (series-tallies.ts), not by sorting the series: evaluations record these.
 * `ends`: the case's {@link endsOf}, when the caller has them already.
 */
export function instrumentChanges(state: CaseState, ends: ReadonlyMap<string, InstrumentEnd> = endsOf(state)): InstrumentChange[] {
  const out: InstrumentChange[] = [];
  for (const [instrumentId, end] of ends) {
    if (end.count < 2) continue;
    const instrument = getInstrument(instrumentId);
    const norm = instrument && referenceNorm(instrument);
    if (!instrument?.reliability || !norm) continue;
    const rc = jacobsonTruax(end.first.score, end.last.score, instrument.betterIs, instrument.reliability.value, norm.sd);
    out.push({ instrumentId, pre: end.first.score, post: end.last.score, rci: rc.index, minimumReliableChange: rc.minimumReliableChange, category: rc.category });
  }
  return out;
}

/** Each instrument's first and latest valid, scored measurement in a case (by time taken), and how many. */
export function endsOf(state: CaseState): ReadonlyMap<string, InstrumentEnd> {
  return instrumentEnds(seriesOf<Measurement>(state, 'measurements'));
}


/** Attended sessions that make a finished course (NHS Talking Therapies). */
export const FINISHED_COURSE_SESSIONS = 2;

/**
 * The NHS Talking Therapies outcome when both PHQ-9 and GAD-7 have a first and a latest score
 * (`ends`: the case's {@link endsOf}, when the caller has them already).
 */
export function talkingTherapiesOf(state: CaseState, ends: ReadonlyMap<string, InstrumentEnd> = endsOf(state)): CaseTalkingTherapies | null {
  const phq = ends.get('phq9');
  const gad = ends.get('gad7');
  if (!phq || !gad || phq.count < 2 || gad.count < 2) return null;
  const pick = (e: InstrumentEnd) => ({ first: e.first.score, last: e.last.score });
  const o = talkingTherapiesOutcome({ phq9: pick(phq), gad7: pick(gad) });
  const attendedSessions = attendedCount(seriesOf<Session>(state, 'sessions'));
  const finishedCourse = attendedSessions >= FINISHED_COURSE_SESSIONS;
  const applicable = finishedCourse && o.casenessAtStart;
  return {
    casenessAtStart: o.casenessAtStart,
    casenessAtEnd: o.casenessAtEnd,
    reliableImprovement: o.reliableImprovement,
    reliableDeterioration: o.reliableDeterioration,
    attendedSessions,
    finishedCourse,
    recovery: applicable ? o.recovery : 'not-applicable',
    reliableRecovery: applicable ? o.reliableRecovery : 'not-applicable',
  };
}
