import type { Instrument } from '../../measures/instruments/types.js';
import type { IssueLog } from './issues.js';
import { codings, isLoincSystem, isObject, numberOf, objects, str } from './values.js';

/**
 * The response value of one answer: a LOINC answer code of the instrument's scale (with or without
 * the LOINC system), or a number however written (valueInteger, valueDecimal, valueQuantity,
 * valueString "2"). Undefined, with an issue, when it is none of these or not a response the item allows.
 */
export function responseOf(instrument: Instrument, item: number, answer: Record<string, unknown>, path: string, log: IssueLog, weights?: AnswerWeights): number | undefined {
  let value: number | undefined;
  const concept = isObject(answer.valueCoding) ? { coding: [answer.valueCoding] } : answer.valueCodeableConcept;
  if (concept !== undefined) {
    const answers = instrument.loinc?.answers ?? [];
    for (const c of codings(concept)) {
      const i = c.code === undefined ? -1 : answers.indexOf(c.code);
      if (i !== -1 && (c.system === undefined || isLoincSystem(c.system))) value = i;
    }
    // A form with its own answer codes may say each one's score: the SDC ordinalValue (R4) or
    // itemWeight (R5) extension, on the coding or on its Questionnaire's answer option. It is read
    // only where no LOINC answer is given.
    value ??= weightOf(concept, weights);
    if (value === undefined) {
      log.add(path, 'UNKNOWN_ANSWER', `no answer code of the ${instrument.name} scale (${answers.join(', ') || 'none known'}), nor an ordinalValue or itemWeight, in ${JSON.stringify(concept)}`);
      return undefined;
    }
  } else {
    if (inexact(answer, path, 'an answer', log)) return undefined;
    value = numberOf(answer.valueInteger) ?? numberOf(answer.valueDecimal) ?? numberOf(isObject(answer.valueQuantity) ? answer.valueQuantity.value : undefined) ?? numberOf(answer.valueString);
    if (value === undefined) {
      log.add(path, 'NOT_A_NUMBER', 'the answer is neither a LOINC answer code nor a number');
      return undefined;
    }
  }
  if (!(instrument.items[item - 1] ?? []).includes(value)) {
    log.add(path, 'INVALID_RESPONSE', `${value} is not a response item ${item} of the ${instrument.name} allows`);
    return undefined;
  }
  return value;
}

const WEIGHTS = new Set(['http://hl7.org/fhir/StructureDefinition/ordinalValue', 'http://hl7.org/fhir/StructureDefinition/itemWeight']);

/** An answer code's score as its Questionnaire defines it, keyed `system|code` (and `|code`). */
export type AnswerWeights = ReadonlyMap<string, number>;

/** The score an ordinalValue or itemWeight extension gives, on a coding or an answer option. */
export function weightIn(extensions: unknown): number | undefined {
  const weight = objects(extensions).find((e) => typeof e.url === 'string' && WEIGHTS.has(e.url));
  return weight === undefined ? undefined : (numberOf(weight.valueDecimal) ?? numberOf(weight.valueInteger));
}

/** The score of a coding: its own extension, else its item's answer options in the Questionnaire. */
function weightOf(concept: unknown, weights: AnswerWeights | undefined): number | undefined {
  if (!isObject(concept)) return undefined;
  for (const c of objects(concept.coding)) {
    const value = weightIn(c.extension) ?? weights?.get(`${str(c.system) ?? ''}|${str(c.code) ?? ''}`) ?? weights?.get(`|${str(c.code) ?? ''}`);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Whether a value is a quantity with a comparator (`<`, `<=`, `>=`, `>`, `ad`): a bound, not a score.
 * Read as the number it states, a PHQ-9 of "≥ 20" would be filed as exactly 20; it is reported
 * (`NOT_EXACT`, when given a log) and left out instead.
 */
export function inexact(holder: Record<string, unknown>, path: string, what: string, log?: IssueLog): boolean {
  const comparator = isObject(holder.valueQuantity) ? str(holder.valueQuantity.comparator) : undefined;
  if (comparator === undefined || log === undefined) return comparator !== undefined;
  log.add(`${path}/valueQuantity/comparator`, 'NOT_EXACT', `${what} given as ${comparator} ${String((holder.valueQuantity as Record<string, unknown>).value)} is a bound, not a score: not filed`);
  return true;
}

/** The value of an Observation that carries a response or a score, however written. */
export function observationValue(obs: Record<string, unknown>): number | undefined {
  return (
    numberOf(isObject(obs.valueQuantity) ? obs.valueQuantity.value : undefined) ?? numberOf(obs.valueInteger) ?? numberOf(obs.valueDecimal) ?? numberOf(obs.valueString)
  );
}

/** Whether an Observation carries any value[x] at all. */
export const hasValue = (obs: Record<string, unknown>): boolean => Object.keys(obs).some((k) => k.startsWith('value'));
