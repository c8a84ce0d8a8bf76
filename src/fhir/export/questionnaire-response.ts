import type { Measurement } from '../../case/model/measurement.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { OWN } from '../codes.js';
import type { FhirIdentifier, FhirQuestionnaireResponse, FhirQuestionnaireResponseItem } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';
import { answerCoding } from './observation.js';

/**
 * Measurement status → QuestionnaireResponse.status.
 *
 * @example
 * ```ts
 * RESPONSE_STATUS.final; // 'completed'
 * ```
 */
export const RESPONSE_STATUS: Readonly<Record<Measurement['status'], FhirQuestionnaireResponse['status']>> = {
  final: 'completed',
  amended: 'amended',
  'entered-in-error': 'entered-in-error',
};

/**
 * Each itemised measurement as a QuestionnaireResponse: linkIds are the items' LOINC codes where
 * known (`item-<n>` otherwise), answers LOINC answer codings where the scale has them, otherwise
 * the integer response. Unanswered items are left out.
 */
export function toQuestionnaireResponses(ctx: ExportContext): Mapped[] {
  const out: Mapped[] = [];
  for (const m of ctx.state.measurements) {
    if (m.responses === null || m.instrumentId === null) continue;
    const instrument = getInstrument(m.instrumentId);
    const form = instrument?.loinc?.form;
    const item: FhirQuestionnaireResponseItem[] = [];
    m.responses.forEach((response, i) => {
      if (response === null) return;
      const coding = instrument === undefined ? undefined : answerCoding(instrument, response);
      item.push({ linkId: instrument?.loinc?.items?.[i + 1] ?? `item-${i + 1}`, answer: [coding === undefined ? { valueInteger: response } : { valueCoding: coding }] });
    });
    const resource: FhirQuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      id: fhirId(m.id),
      identifier: ctx.identifier('QuestionnaireResponse', m.id)[0] as FhirIdentifier,
      questionnaire: form === undefined ? `${OWN.instrument}:${m.instrumentId}` : `http://loinc.org/q/${form}`,
      status: ctx.state.status === 'entered-in-error' ? 'entered-in-error' : RESPONSE_STATUS[m.status],
      subject: ctx.patient,
      authored: m.takenAt,
      item,
    };
    out.push({ key: m.id, resource });
  }
  return out;
}
