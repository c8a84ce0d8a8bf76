import type { Measurement } from '../../case/model/measurement.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import type { Instrument } from '../../measures/instruments/types.js';
import { DATA_ABSENT_REASON, LOINC, OBSERVATION_CATEGORY, OWN, UCUM } from '../codes.js';
import type { FhirCodeableConcept, FhirObservation } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Measurement status → Observation.status: the same three codes.
 *
 * @example
 * ```ts
 * OBSERVATION_STATUS.amended; // 'amended'
 * ```
 */
export const OBSERVATION_STATUS: Readonly<Record<Measurement['status'], FhirObservation['status']>> = {
  final: 'final',
  amended: 'amended',
  'entered-in-error': 'entered-in-error',
};

const SURVEY = [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }];
const SCORE = { unit: 'score', system: UCUM, code: '{score}' };

/** The key of an item's Observation: `#` never occurs in our ids, so it cannot clash with a measurement's. */
export const itemKey = (measurementId: string, item: number): string => `${measurementId}#item-${item}`;

/** What a measurement measured: the instrument's LOINC total code where it has one, with our instrument id beside it. */
export function totalCode(m: Measurement, instrument: Instrument | undefined): FhirCodeableConcept {
  if (m.instrumentId === null) return { text: m.indicator ?? 'indicator' };
  const own = { system: OWN.instrument, code: m.instrumentId };
  const total = instrument?.loinc?.total;
  return { coding: total === undefined ? [own] : [{ system: LOINC, code: total, display: `${instrument?.name ?? m.instrumentId} total score` }, own], text: instrument?.name ?? m.instrumentId };
}

/** The LOINC answer of a response, where the instrument's response scale has LOINC answer codes. */
export function answerCoding(instrument: Instrument, response: number): { system: string; code: string; display?: string } | undefined {
  const code = instrument.loinc?.answers?.[response];
  if (code === undefined) return undefined;
  const display = instrument.responseLabels?.[response];
  return display === undefined ? { system: LOINC, code } : { system: LOINC, code, display };
}

/**
 * Each measurement as an Observation of its total (or indicator value), and each answered item with
 * a LOINC code as an Observation of its own, listed as the total's members; itemised measurements
 * also derive from their QuestionnaireResponse.
 */
export function toObservations(ctx: ExportContext): Mapped[] {
  const out: Mapped[] = [];
  const voided = ctx.state.status === 'entered-in-error';
  for (const m of ctx.state.measurements) {
    const instrument = m.instrumentId === null ? undefined : getInstrument(m.instrumentId);
    const status = voided ? 'entered-in-error' : OBSERVATION_STATUS[m.status];
    const qr = m.responses === null ? undefined : [ctx.ref('QuestionnaireResponse', m.id)];
    const items: Mapped[] = [];
    const codes = instrument?.loinc?.items;
    if (instrument !== undefined && m.responses !== null && codes !== undefined) {
      m.responses.forEach((response, i) => {
        const code = codes[i + 1];
        if (response === null || code === undefined) return;
        const answer = answerCoding(instrument, response);
        const item: FhirObservation = {
          resourceType: 'Observation',
          id: fhirId(itemKey(m.id, i + 1)),
          identifier: ctx.identifier('Observation', itemKey(m.id, i + 1)),
          status,
          category: SURVEY,
          code: { coding: [{ system: LOINC, code }], text: `${instrument.name} item ${i + 1}` },
          subject: ctx.patient,
          effectiveDateTime: m.takenAt,
          issued: m.recordedAt,
          ...(answer === undefined ? { valueInteger: response } : { valueCodeableConcept: { coding: [answer], ...(answer.display === undefined ? {} : { text: answer.display }) } }),
          ...(qr === undefined ? {} : { derivedFrom: qr }),
        };
        items.push({ key: itemKey(m.id, i + 1), resource: item });
      });
    }
    const total: FhirObservation = {
      resourceType: 'Observation',
      id: fhirId(m.id),
      identifier: ctx.identifier('Observation', m.id),
      status,
      category: SURVEY,
      code: totalCode(m, instrument),
      subject: ctx.patient,
      effectiveDateTime: m.takenAt,
      issued: m.recordedAt,
      method: { coding: [{ system: OWN.measurementSource, code: m.source }], text: m.source },
      ...(m.score === null
        ? { dataAbsentReason: { coding: [{ system: DATA_ABSENT_REASON, code: 'unknown' }], text: 'too many items unanswered to score' } }
        : { valueQuantity: m.instrumentId === null ? { value: m.score } : { value: m.score, ...SCORE } }),
      ...(m.band === null ? {} : { interpretation: [{ text: m.band }] }),
      ...(m.flags.length === 0 ? {} : { note: m.flags.map((flag) => ({ text: `flag: ${flag}` })) }),
      ...(items.length === 0 ? {} : { hasMember: items.map((i) => ctx.ref('Observation', i.key)) }),
      ...(qr === undefined ? {} : { derivedFrom: qr }),
    };
    out.push({ key: m.id, resource: total }, ...items);
  }
  return out;
}
