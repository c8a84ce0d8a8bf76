import { describe, expect, it } from 'vitest';
import { alerts, replay } from '../../src/index.js';
import { fromFhir } from '../../src/fhir/index.js';
import { validateRecord } from '../../src/validate/index.js';

// Some systems send a form's answers as `component`s of one Observation (the panel, or the total)
// rather than as `hasMember` Observations. Read as items, so a PHQ-9's item 9 is not lost behind
// its total; until now they were skipped without a word.

const LOINC = 'http://loinc.org';
const ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const PHQ9_ITEMS = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
const RESPONSES = [1, 2, 1, 0, 1, 2, 0, 1, 2]; // item 9: "more than half the days"
const coded = (code: string) => ({ coding: [{ system: LOINC, code }] });
const components = (responses: readonly number[]) => PHQ9_ITEMS.map((code, i) => ({ code: coded(code), valueCodeableConcept: coded(ANSWERS[responses[i] as number] as string) }));
const observation = (code: string, extra: Record<string, unknown>) => ({
  resourceType: 'Observation',
  id: 'phq-1',
  status: 'final',
  code: coded(code),
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-02T09:00:00+01:00',
  ...extra,
});
const problems = <I extends { readonly code: string }>(issues: readonly I[]): I[] => issues.filter((i) => i.code !== 'NO_CASE');

describe('fromFhir reads the answers a panel or total Observation carries as components', () => {
  it('a PHQ-9 panel whose nine answers are components is one PHQ-9, scored from them', () => {
    const r = fromFhir(observation('44249-1', { component: components(RESPONSES) }));
    expect(r.measurements).toEqual([expect.objectContaining({ id: 'phq-1', instrumentId: 'phq9', responses: RESPONSES, score: 10, takenAt: '2026-03-02T08:00:00.000Z', path: '/component/0' })]);
    expect(problems(r.issues)).toEqual([]);
  });

  it('a total with its answers as components keeps them, and item 9 raises its alert in the record built', () => {
    const episode = { resourceType: 'EpisodeOfCare', id: 'ep-1', status: 'active', patient: { reference: 'Patient/p1' }, period: { start: '2026-02-20T09:00:00Z' } };
    const total = observation('44261-6', { valueInteger: 10, component: components(RESPONSES) });
    const r = fromFhir({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: episode }, { resource: total }] }, { setting: 'clinic' });
    expect(r.measurements).toEqual([expect.objectContaining({ instrumentId: 'phq9', responses: RESPONSES, score: 10 })]);
    expect(validateRecord(r.record).valid).toBe(true);
    const raised = alerts(replay(r.record?.events ?? []), '2026-03-03T00:00:00.000Z').map((a) => a.code);
    expect(raised).toContain('risk-item');
    // The former reading: the total alone, item 9 unknown, no alert of its risk.
    const alone = fromFhir(observation('44261-6', { valueInteger: 10 }));
    expect(alone.measurements[0]?.responses).toBeNull();
  });

  it('a total that disagrees with its components is reported, and the items\' total kept', () => {
    const r = fromFhir(observation('44261-6', { valueInteger: 14, component: components(RESPONSES) }));
    expect(r.measurements.map((m) => m.score)).toEqual([10]);
    expect(problems(r.issues)).toEqual([expect.objectContaining({ code: 'TOTAL_MISMATCH', path: '', severity: 'warning' })]);
  });

  it('an answer that is not on the scale is reported at its component; components of other observations are left alone', () => {
    const wrong = components(RESPONSES).map((c, i) => (i === 8 ? { code: c.code, valueInteger: 7 } : c));
    const r = fromFhir(observation('44249-1', { component: wrong }));
    expect(problems(r.issues)).toContainEqual(expect.objectContaining({ code: 'INVALID_RESPONSE', path: '/component/8' }));
    const pressure = observation('85354-9', { component: [{ code: coded('8480-6'), valueQuantity: { value: 120 } }, { code: coded('8462-4'), valueQuantity: { value: 80 } }] });
    expect(problems(fromFhir(pressure).issues)).toEqual([expect.objectContaining({ code: 'UNMAPPED_OBSERVATION', path: '/code', severity: 'info' })]);
  });

  it('a total the client declined to give (dataAbsentReason) is said, as info, and nothing is filed', () => {
    const r = fromFhir(observation('44261-6', { dataAbsentReason: { coding: [{ code: 'asked-declined' }] } }));
    expect(r.measurements).toEqual([]);
    expect(problems(r.issues)).toEqual([expect.objectContaining({ code: 'NO_VALUE', severity: 'info', message: expect.stringContaining('asked-declined') })]);
  });
});

describe('fromFhir leaves an item answered two ways unanswered, and says so', () => {
  const response = (items: { linkId: string; answer: unknown[] }[]) => ({
    resourceType: 'QuestionnaireResponse',
    id: 'qr-1',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    authored: '2026-03-02T09:00:00Z',
    item: items,
  });
  const zeroes = PHQ9_ITEMS.slice(0, 8).map((linkId) => ({ linkId, answer: [{ valueInteger: 0 }] }));

  it('item 9 given twice in a questionnaire response, 0 then 3: neither is kept, so it reads as not answered (and is asked again), never as 0', () => {
    const r = fromFhir(response([...zeroes, { linkId: '44260-8', answer: [{ valueInteger: 0 }] }, { linkId: '44260-8', answer: [{ valueInteger: 3 }] }]));
    expect(r.measurements.map((m) => m.responses?.[8])).toEqual([null]);
    expect(problems(r.issues)).toEqual([expect.objectContaining({ code: 'AMBIGUOUS_ANSWER', path: '/item/9/answer/0', severity: 'warning', message: expect.stringContaining('item 9 of the Patient Health Questionnaire-9 is answered both 0 and 3') })]);
    // Two answers to the one item, likewise; the same answer twice is no contradiction.
    const two = fromFhir(response([...zeroes, { linkId: '44260-8', answer: [{ valueInteger: 3 }, { valueInteger: 0 }] }]));
    expect([two.measurements[0]?.responses?.[8], problems(two.issues).map((i) => i.path)]).toEqual([null, ['/item/8/answer/1']]);
    const same = fromFhir(response([...zeroes, { linkId: '44260-8', answer: [{ valueInteger: 2 }, { valueCoding: { system: LOINC, code: 'LA6570-1' } }] }]));
    expect([same.measurements[0]?.responses?.[8], problems(same.issues)]).toEqual([2, []]);
  });

  it('two item Observations of one form that disagree, likewise', () => {
    const item = (code: string, value: number, id: string) => observation(code, { id, valueInteger: value });
    const obs = [...PHQ9_ITEMS.slice(0, 8).map((c, i) => item(c, 1, `i-${i}`)), item('44260-8', 2, 'i-8'), item('44260-8', 0, 'i-9')];
    const r = fromFhir({ resourceType: 'Bundle', type: 'collection', entry: obs.map((resource) => ({ resource })) });
    expect(r.measurements.map((m) => m.responses)).toEqual([[1, 1, 1, 1, 1, 1, 1, 1, null]]);
    expect(problems(r.issues)).toEqual([expect.objectContaining({ code: 'AMBIGUOUS_ANSWER', path: '/entry/9/resource' })]);
  });
});

describe('fromFhir does not let an unfinished response hide a risk answer', () => {
  const unfinished = (status: string, item9: number | null) => ({
    resourceType: 'QuestionnaireResponse',
    id: 'qr-2',
    status,
    subject: { reference: 'Patient/p1' },
    authored: '2026-03-02T09:00:00Z',
    item: PHQ9_ITEMS.slice(0, item9 === null ? 4 : 9).map((linkId, i) => ({ linkId, answer: [{ valueInteger: i === 8 ? item9 : 1 }] })),
  });

  it('a stopped or in-progress PHQ-9 answering item 9 above 0 is not filed, and an error says who must see it', () => {
    for (const status of ['stopped', 'in-progress']) {
      const r = fromFhir(unfinished(status, 2));
      expect(r.measurements).toEqual([]);
      expect(problems(r.issues)).toEqual([
        expect.objectContaining({ code: 'NOT_FINISHED', path: '/status', severity: 'warning' }),
        expect.objectContaining({ code: 'RISK_ANSWER_UNFILED', path: '', severity: 'error', message: `item 9 (self-harm-thoughts) of this ${status} Patient Health Questionnaire-9 is answered 2: the response is not filed as a measurement, so see that a clinician acts on it` }),
      ]);
    }
  });

  it('so is a preliminary item 9 Observation, alone or as a component of a preliminary panel', () => {
    const alone = fromFhir(observation('44260-8', { status: 'preliminary', valueCodeableConcept: coded('LA6571-9') }));
    expect(problems(alone.issues)).toEqual([
      expect.objectContaining({ code: 'NOT_FINAL', path: '/status' }),
      expect.objectContaining({ code: 'RISK_ANSWER_UNFILED', path: '', severity: 'error', message: 'item 9 (self-harm-thoughts) of this preliminary Patient Health Questionnaire-9 is answered 3: the observation is not filed as a measurement, so see that a clinician acts on it' }),
    ]);
    const panel = fromFhir(observation('44249-1', { status: 'preliminary', component: components(RESPONSES) }));
    // The form's status is said once, not once for each of its nine answers.
    expect(problems(panel.issues).map((i) => [i.path, i.code])).toEqual([
      ['/status', 'NOT_FINAL'],
      ['/component/8', 'RISK_ANSWER_UNFILED'],
    ]);
    expect(problems(fromFhir(observation('44260-8', { status: 'preliminary', valueInteger: 0 })).issues).map((i) => i.code)).toEqual(['NOT_FINAL']);
  });

  it('one answering item 9 with 0, or not reaching it, gives only the warning it gave', () => {
    for (const item9 of [0, null]) expect(problems(fromFhir(unfinished('stopped', item9)).issues).map((i) => i.code)).toEqual(['NOT_FINISHED']);
  });
});

describe('fromFhir reads a form\'s own answer codes by the score they carry', () => {
  const weighted = (url: string, weights: readonly number[]) => ({
    resourceType: 'QuestionnaireResponse',
    id: 'qr-3',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    authored: '2026-03-02T09:00:00Z',
    item: PHQ9_ITEMS.map((linkId, i) => ({
      linkId,
      answer: [{ valueCoding: { system: 'https://forms.example.org/answers', code: `opt-${weights[i] as number}`, extension: [{ url, valueDecimal: weights[i] }] } }],
    })),
  });

  it('an ordinalValue (R4) or itemWeight (R5) on a coding that is not LOINC is its response; without one it is an issue', () => {
    for (const url of ['http://hl7.org/fhir/StructureDefinition/ordinalValue', 'http://hl7.org/fhir/StructureDefinition/itemWeight']) {
      const r = fromFhir(weighted(url, RESPONSES));
      expect([r.measurements[0]?.responses, r.measurements[0]?.score, problems(r.issues)]).toEqual([RESPONSES, 10, []]);
    }
    const none = fromFhir(weighted('https://example.org/other-extension', RESPONSES));
    expect(problems(none.issues).filter((i) => i.code === 'UNKNOWN_ANSWER')).toHaveLength(9);
    // A weight the item does not allow is refused like any response.
    const odd = fromFhir(weighted('http://hl7.org/fhir/StructureDefinition/ordinalValue', [...RESPONSES.slice(0, 8), 7]));
    expect(problems(odd.issues)).toContainEqual(expect.objectContaining({ code: 'INVALID_RESPONSE', path: '/item/8/answer/0' }));
  });

  it('or by the score its Questionnaire gives the answer option, as SDC forms define them', () => {
    const system = 'https://forms.example.org/answers';
    const options = [0, 1, 2, 3].map((w) => ({ valueCoding: { system, code: `opt-${w}`, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: w }] } }));
    const questionnaire = { resourceType: 'Questionnaire', id: 'phq', status: 'active', item: PHQ9_ITEMS.map((code) => ({ linkId: `q-${code}`, code: [coded(code).coding[0]], type: 'choice', answerOption: options })) };
    const response = {
      resourceType: 'QuestionnaireResponse',
      id: 'qr-4',
      status: 'completed',
      questionnaire: '#phq',
      contained: [questionnaire],
      subject: { reference: 'Patient/p1' },
      authored: '2026-03-02T09:00:00Z',
      item: PHQ9_ITEMS.map((code, i) => ({ linkId: `q-${code}`, answer: [{ valueCoding: { system, code: `opt-${RESPONSES[i] as number}` } }] })),
    };
    const r = fromFhir(response);
    expect([r.measurements[0]?.responses, problems(r.issues)]).toEqual([RESPONSES, []]);
  });
});

describe('fromFhir and a total that a risk item must be part of', () => {
  // The MII PRO module's published PHQ-9 example is such a total: 27, no items.
  const episode = { resourceType: 'EpisodeOfCare', id: 'ep-1', status: 'active', patient: { reference: 'Patient/p1' }, period: { start: '2026-02-20T09:00:00Z' } };
  const bundle = (score: number) => ({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: episode }, { resource: observation('44261-6', { valueQuantity: { value: score, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' } }) }] });

  it('files a PHQ-9 total of 25 or more without items, says so, and the record built raises the risk alert', () => {
    const r = fromFhir(bundle(27), { setting: 'clinic' });
    expect(r.measurements).toEqual([expect.objectContaining({ instrumentId: 'phq9', responses: null, score: 27 })]);
    expect(r.issues.filter((i) => i.code === 'RISK_IMPLIED')).toEqual([
      { path: '/entry/1/resource', code: 'RISK_IMPLIED', severity: 'warning', message: 'a Patient Health Questionnaire-9 total of 27 came without its items: item 9 (self-harm-thoughts) was above 0, or left blank and the total prorated; filed, and its case raises the risk alert until a clinician asks it' },
    ]);
    expect(validateRecord(r.record).valid).toBe(true);
    expect(alerts(replay(r.record?.events ?? []), '2026-03-03T00:00:00.000Z').filter((a) => a.code === 'risk-item')).toHaveLength(1);
  });

  it('says nothing of a total of 24, or of a total whose items came with it', () => {
    const implied = (input: unknown) => fromFhir(input, { setting: 'clinic' }).issues.filter((i) => i.code === 'RISK_IMPLIED');
    expect(implied(bundle(24))).toEqual([]);
    expect(implied(observation('44261-6', { valueInteger: 25, component: components([3, 3, 3, 3, 3, 3, 3, 3, 1]) }))).toEqual([]);
  });
});

describe('fromFhir does not read a bound as a score', () => {
  // valueQuantity.comparator (<, <=, >=, >, ad) says the real value lies beyond the number given.
  it('a total given as ">= 20" is reported, not filed as 20', () => {
    const r = fromFhir(observation('44261-6', { valueQuantity: { value: 20, comparator: '>=', unit: '{score}' } }));
    expect(r.measurements).toEqual([]);
    expect(problems(r.issues)).toEqual([{ path: '/valueQuantity/comparator', code: 'NOT_EXACT', severity: 'error', message: 'a Patient Health Questionnaire-9 total given as >= 20 is a bound, not a score: not filed' }]);
  });

  it('nor is an item answer, whose form is then scored without it', () => {
    const items = PHQ9_ITEMS.map((code, i) => ({ ...observation(code, i === 8 ? { valueQuantity: { value: 1, comparator: '<' } } : { valueInteger: 1 }), id: `i${i}` }));
    const r = fromFhir(items);
    expect(problems(r.issues).map((i) => [i.path, i.code])).toEqual([['/8/valueQuantity/comparator', 'NOT_EXACT']]);
    // Eight items answered, item 9 not: prorated, and item 9 stays unanswered rather than read as 1.
    expect(r.measurements.map((m) => [m.score, m.responses?.[8]])).toEqual([[9, null]]);
  });
});
