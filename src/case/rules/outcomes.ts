import type { InstrumentChange, CaseTalkingTherapies } from '../model/evaluation.js';
import { reliableChange } from '../../measures/reliable-change.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { talkingTherapiesOutcome } from '../../measures/nhs-talking-therapies.js';
import type { Measurement } from '../model/measurement.js';
import type { CaseState } from '../model/state.js';


/** A measurement with a total. */
export type ScoredMeasurement = Measurement & { readonly score: number };

/** Valid, scored instrument measurements of a case, grouped by instrument, oldest first. */
export function instrumentSeries(state: CaseState): Map<string, ScoredMeasurement[]> {
  const byInstrument = new Map<string, ScoredMeasurement[]>();
  for (const m of state.measurements) {
    if (m.status === 'entered-in-error' || m.instrumentId === null || m.score === null) continue;
    const list = byInstrument.get(m.instrumentId) ?? [];
    list.push(m as ScoredMeasurement);
    byInstrument.set(m.instrumentId, list);
  }
  for (const list of byInstrument.values()) list.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
  return byInstrument;
}

/**
 * First versus latest valid score of every instrument with a published reliability and a reference
 * SD (the clinical norm where the catalogue has one): the Jacobson–Truax index with the exact
 * critical value. Instruments without them are left out rather than given a made-up SD.
 */
export function instrumentChanges(state: CaseState, series: Map<string, ScoredMeasurement[]> = instrumentSeries(state)): InstrumentChange[] {
  const out: InstrumentChange[] = [];
  for (const [instrumentId, list] of series) {
    const first = list[0];
    const last = list[list.length - 1];
    if (first === undefined || last === undefined || list.length < 2) continue;
    const instrument = getInstrument(instrumentId);
    const norm = instrument?.norms?.find((n) => /caseness|clinical/i.test(n.population)) ?? instrument?.norms?.[0];
    if (!instrument?.reliability || !norm) continue;
    const rc = reliableChange(first.score, last.score, { betterIs: instrument.betterIs, reliability: instrument.reliability.value, pre: { sd: norm.sd } });
    out.push({ instrumentId, pre: first.score, post: last.score, rci: rc.index, minimumReliableChange: rc.minimumReliableChange, category: rc.category });
  }
  return out;
}


/** Attended sessions that make a finished course (NHS Talking Therapies). */
export const FINISHED_COURSE_SESSIONS = 2;

/** The NHS Talking Therapies outcome when both PHQ-9 and GAD-7 have a first and a latest score. */
export function talkingTherapiesOf(state: CaseState): CaseTalkingTherapies | null {
  const series = instrumentSeries(state);
  const phq = series.get('phq9');
  const gad = series.get('gad7');
  if (!phq || !gad || phq.length < 2 || gad.length < 2) return null;
  const pick = (l: ScoredMeasurement[]) => ({ first: (l[0] as ScoredMeasurement).score, last: (l[l.length - 1] as ScoredMeasurement).score });
  const o = talkingTherapiesOutcome({ phq9: pick(phq), gad7: pick(gad) });
  let attendedSessions = 0;
  for (const s of state.sessions) if (s.status === 'attended') attendedSessions += 1;
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
