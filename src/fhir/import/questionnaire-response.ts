import type { Instrument } from '../../measures/instruments/types.js';
import { OWN, UNSCORED_ITEMS } from '../codes.js';
import { observationValue, responseOf, weightIn } from './answers.js';
import type { InstrumentIndex } from './instruments.js';
import type { IssueLog } from './issues.js';
import type { Found, Resources } from './read.js';
import { Responses, riskAnswerUnfiled } from './responses.js';
import { isObject, loincCodes, objects, str } from './values.js';

/** The item number of a QuestionnaireResponse item: by a LOINC code in its linkId or definition, by our `item-<n>`, or by the Questionnaire's item code. */
function itemNumber(instrument: Instrument, item: Record<string, unknown>, questionnaireCodes: Map<string, string>): number | undefined {
  const linkId = str(item.linkId) ?? '';
  const candidates = [linkId, str(item.definition) ?? '', questionnaireCodes.get(linkId) ?? ''];
  for (const text of candidates) {
    for (const code of text.match(/\d{1,7}-\d/g) ?? []) {
      const hit = Object.entries(instrument.loinc?.items ?? {}).find(([, c]) => c === code);
      if (hit !== undefined) return Number(hit[0]);
    }
  }
  const own = /^item-(\d+)$/.exec(linkId);
  return own === null ? undefined : Number(own[1]);
}

/** An item's LOINC codes: those in its linkId, and those its Questionnaire item carries (the total's, say). */
function itemCodes(item: Record<string, unknown>, questionnaireCodes: Map<string, string>): string[] {
  const linkId = str(item.linkId) ?? '';
  return `${linkId} ${questionnaireCodes.get(linkId) ?? ''}`.match(/\d{1,7}-\d/g) ?? [];
}

/**
 * Items of a QuestionnaireResponse, with their paths, nesting flattened: items in a group's `item`,
 * and items nested under an answer (`answer[].item`, a question's follow-ups), which FHIR also allows.
 */
function flatItems(items: unknown, path: string): { item: Record<string, unknown>; path: string }[] {
  return objects(items).flatMap((item, i) => [
    { item, path: `${path}/item/${i}` },
    ...flatItems(item.item, `${path}/item/${i}`),
    ...objects(item.answer).flatMap((answer, k) => flatItems(answer.item, `${path}/item/${i}/answer/${k}`)),
  ]);
}

/** The scores a Questionnaire item's answer options carry (ordinalValue or itemWeight), by `system|code` and `|code`. */
function answerWeights(item: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const option of objects(item.answerOption)) {
    const coding = isObject(option.valueCoding) ? option.valueCoding : undefined;
    const weight = weightIn(option.extension) ?? weightIn(coding?.extension);
    if (coding === undefined || weight === undefined || str(coding.code) === undefined) continue;
    out.set(`${str(coding.system) ?? ''}|${str(coding.code) ?? ''}`, weight);
    out.set(`|${str(coding.code) ?? ''}`, weight);
  }
  return out;
}

/**
 * The Questionnaire a response names. `questionnaire` is a canonical URL, matched against the
 * Questionnaires' own `url` (with its `|version` when one is given and a Questionnaire has it); a
 * system that puts a reference there instead (`Questionnaire/12`, `#contained`) is still read as one.
 */
function questionnaireOf(canonical: string | undefined, f: Found, resources: Resources): Found | undefined {
  if (canonical === undefined) return undefined;
  const [url, version] = canonical.split('|');
  const named = resources.withUrl('Questionnaire', url ?? '');
  return named.find((q) => version !== undefined && q.resource.version === version) ?? named[0] ?? resources.resolve({ reference: canonical }, f);
}

/** What a QuestionnaireResponse answers: its instrument, item responses and the total it states, if any. */
export interface ReadResponse {
  readonly instrument: Instrument;
  readonly responses: Responses;
  readonly reportedTotal: number | undefined;
}

/**
 * Reads a QuestionnaireResponse's items: the instrument from its questionnaire (our own, or a LOINC
 * form code) or else its items' codes, then each answer by item number. Undefined, with an issue,
 * when no registered instrument matches.
 */
export function readResponse(f: Found, resources: Resources, index: InstrumentIndex, log: IssueLog): ReadResponse | undefined {
  const r = f.resource;
  const linked = questionnaireOf(str(r.questionnaire), f, resources);
  const questionnaireCodes = new Map<string, string>();
  const weights = new Map<string, Map<string, number>>();
  if (linked !== undefined) {
    for (const { item } of flatItems(linked.resource.item, '')) {
      questionnaireCodes.set(str(item.linkId) ?? '', loincCodes({ coding: item.code }).join(' '));
      weights.set(str(item.linkId) ?? '', answerWeights(item));
    }
  }
  const items = flatItems(r.item, f.path).filter(({ item }) => Array.isArray(item.answer));
  const canonical = str(r.questionnaire) ?? '';
  const own = /^urn:intervention-lifecycle:instrument:(.+)$/.exec(canonical);
  const codes = items.flatMap(({ item }) => itemCodes(item, questionnaireCodes));
  // The form's LOINC code: in the canonical, or on the Questionnaire it names.
  const formCodes = [...(canonical.match(/\d{1,7}-\d/g) ?? []), ...loincCodes({ coding: linked?.resource.code })];
  const instrument =
    (own === null ? undefined : index.byOwn({ coding: [{ system: OWN.instrument, code: own[1] }] })) ??
    formCodes.map((c) => index.byForm(c)).find((i) => i !== undefined) ??
    index.forItems(codes.filter((c) => index.byItem(c).length > 0));
  if (instrument === undefined) {
    log.add(f.path, 'UNKNOWN_INSTRUMENT', `no registered instrument matches questionnaire ${JSON.stringify(canonical)} or its items`, 'warning');
    return undefined;
  }
  const responses = new Responses(instrument, log);
  let reportedTotal: number | undefined;
  for (const { item, path } of items) {
    const answers = objects(item.answer);
    const answer = answers[0];
    if (answer === undefined) continue;
    const linkCodes = itemCodes(item, questionnaireCodes);
    if (instrument.loinc?.total !== undefined && linkCodes.includes(instrument.loinc.total)) {
      reportedTotal = observationValue(answer);
      continue;
    }
    const n = itemNumber(instrument, item, questionnaireCodes);
    if (n === undefined || n < 1 || n > instrument.items.length) {
      if (!linkCodes.some((c) => c in UNSCORED_ITEMS)) log.add(`${path}/linkId`, 'UNMAPPED_ITEM', `item ${JSON.stringify(item.linkId)} is not an item of the ${instrument.name}`, 'info');
      continue;
    }
    // A single-choice item answered more than once: every answer is read, and they must agree.
    const itemWeights = weights.get(str(item.linkId) ?? '');
    answers.forEach((a, k) => responses.set(n, responseOf(instrument, n, a, `${path}/answer/${k}`, log, itemWeights), `${path}/answer/${k}`));
  }
  return { instrument, responses, reportedTotal };
}

/** Reports each risk item answered above its threshold in a response not filed because it is unfinished. */
export function reportUnfinishedRisks(read: ReadResponse | undefined, path: string, status: string, log: IssueLog): void {
  if (read === undefined) return;
  for (const risk of read.instrument.riskItems) {
    const response = read.responses.values[risk.item - 1];
    if (response !== null && response !== undefined) riskAnswerUnfiled(log, path, read.instrument, risk, response, status, 'response');
  }
}
