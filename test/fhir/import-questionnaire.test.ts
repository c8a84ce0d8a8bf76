import { describe, expect, it } from 'vitest';
import { fromFhir } from '../../src/fhir/index.js';

// A QuestionnaireResponse names its form by canonical URL (`questionnaire`, optionally `|version`):
// the Questionnaire with that `url`, which need not be its id. Read by url, a bundled form's item
// codes, answer weights and LOINC form code are found, as the MII PRO module's GAD-7 bundle needs.

const LOINC = 'http://loinc.org';
const ITEMS = ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'];
const ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const URL = 'https://forms.example.org/Questionnaire/anxiety-screen';
const RESPONSES = [2, 3, 2, 1, 2, 1, 2];

const form = (over: Record<string, unknown> = {}) => ({
  resourceType: 'Questionnaire',
  id: 'q-17',
  url: URL,
  version: '2026.3.0',
  status: 'active',
  item: [
    { linkId: 'intro', type: 'display', text: 'Over the last two weeks…' },
    ...ITEMS.map((code, i) => ({ linkId: `q0${i + 1}`, code: [{ system: LOINC, code }], type: 'choice' })),
    { linkId: 'sum', type: 'integer', code: [{ system: LOINC, code: '70274-6' }] },
  ],
  ...over,
});
const response = (questionnaire: string, total = 13, linkIds = ITEMS.map((_, i) => `q0${i + 1}`)) => ({
  resourceType: 'QuestionnaireResponse',
  id: 'qr-1',
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  authored: '2024-03-15T10:30:00Z',
  questionnaire,
  item: [...RESPONSES.map((v, i) => ({ linkId: linkIds[i], answer: [{ valueCoding: { system: LOINC, code: ANSWERS[v] } }] })), { linkId: 'sum', answer: [{ valueInteger: total }] }],
});
const bundle = (...resources: object[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });
const codes = (r: ReturnType<typeof fromFhir>) => r.issues.map((i) => i.code).filter((c) => c !== 'NO_CASE');

describe('fromFhir finds the Questionnaire a response names by its canonical url', () => {
  it('reads the items by the bundled form\'s codes, with or without a version, though the url is not the form\'s id', () => {
    for (const canonical of [URL, `${URL}|2026.3.0`, `${URL}|1.0`]) {
      const r = fromFhir(bundle(form(), response(canonical)));
      expect(r.measurements).toEqual([expect.objectContaining({ instrumentId: 'gad7', responses: RESPONSES, score: 13, takenAt: '2024-03-15T10:30:00.000Z' })]);
      expect(codes(r)).toEqual([]);
    }
  });

  it('reads the total by the form\'s code for it, so a total that disagrees with the items is said', () => {
    expect(codes(fromFhir(bundle(form(), response(URL, 14))))).toEqual(['TOTAL_MISMATCH']);
  });

  it('takes the instrument from the form\'s own LOINC code when its items carry none', () => {
    const plain = form({ code: [{ system: LOINC, code: '69737-5' }], item: ITEMS.map((_, i) => ({ linkId: `item-${i + 1}`, type: 'choice' })) });
    const r = fromFhir(bundle(plain, response(URL, 13, ITEMS.map((_, i) => `item-${i + 1}`))));
    expect(r.measurements).toEqual([expect.objectContaining({ instrumentId: 'gad7', responses: RESPONSES, score: 13 })]);
  });

  it('picks the version the canonical names when the bundle holds two', () => {
    // Version 1.0 coded its items as the PHQ-9's first seven: read by it, this would be no GAD-7.
    const old = form({ id: 'q-16', version: '1.0', item: ITEMS.map((_, i) => ({ linkId: `q0${i + 1}`, code: [{ system: LOINC, code: ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5'][i] }] })) });
    const r = fromFhir(bundle(old, form(), response(`${URL}|2026.3.0`)));
    expect(r.measurements).toEqual([expect.objectContaining({ instrumentId: 'gad7', responses: RESPONSES })]);
  });

  it('still reads a reference put where the canonical belongs', () => {
    const r = fromFhir(bundle(form({ url: undefined }), response('Questionnaire/q-17')));
    expect(r.measurements).toEqual([expect.objectContaining({ instrumentId: 'gad7', score: 13 })]);
  });
});

describe('fromFhir reads items nested under an answer', () => {
  // FHIR nests a question's follow-ups under its answer (answer.item) as well as under a group (item.item).
  const PHQ9 = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
  const items = PHQ9.map((code, i) => ({ linkId: code, answer: [{ valueCoding: { system: LOINC, code: ANSWERS[i === 8 ? 2 : 1] } }] }));
  const nested = (item: unknown[]) => ({ resourceType: 'QuestionnaireResponse', id: 'qr-n', status: 'completed', questionnaire: 'http://loinc.org/q/44249-1', subject: { reference: 'Patient/p1' }, authored: '2026-03-02T09:00:00Z', item });

  it('a PHQ-9 asked after a screening question is scored, item 9 included', () => {
    const r = fromFhir(nested([{ linkId: 'screen', answer: [{ valueBoolean: true, item: items }] }]), { now: '2026-12-01T00:00:00Z' });
    expect(r.measurements.map((m) => [m.score, m.responses])).toEqual([[10, [1, 1, 1, 1, 1, 1, 1, 1, 2]]]);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('and reads them with their paths, so a bad answer is found where it is', () => {
    const bad = items.map((it, i) => (i === 8 ? { ...it, answer: [{ valueCoding: { system: LOINC, code: 'LA0000-0' } }] } : it));
    const r = fromFhir(nested([{ linkId: 'screen', answer: [{ valueBoolean: true, item: bad }] }]), { now: '2026-12-01T00:00:00Z' });
    expect(r.issues.find((i) => i.code === 'UNKNOWN_ANSWER')?.path).toBe('/item/0/answer/0/item/8/answer/0');
  });
});
