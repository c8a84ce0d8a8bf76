import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFhir, toFhirBundle, type FhirImport } from '../../src/fhir/index.js';
import { validateRecord } from '../../src/validate/index.js';
import { parseScenario, policyFor, simulateClient } from '../../src/simulate/index.js';
import { richCase } from './rich-case.js';

const DIR = '../shared/conformance/fhir';
const present = existsSync(DIR);
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${DIR}/${name}`, 'utf8')) as Record<string, unknown>;
const bundle = (resources: unknown[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });
const codes = (r: FhirImport) => r.issues.map((i) => i.code);
const US_CORE_RESPONSES = [2, 2, 2, 2, 1, 1, 2, 0, 0];

if (!present) it.skip(`skipped: ${DIR} (the real FHIR examples) is absent; it sits beside the checkout on development and CI machines`, () => {});

describe.runIf(present)('fromFhir over the US Core PHQ-9 examples and R4 core examples', () => {
  const files = present ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
  const items = files.filter((f) => /PHQ9-item-example-44(25|26)/.test(f) && !f.includes('44261-6')).map(load);

  it('the whole set is one PHQ-9 of 12: the questionnaire response, its item and total Observations and the panel counted once', () => {
    const r = fromFhir(bundle(files.map(load)));
    expect(r.measurements).toEqual([
      expect.objectContaining({ id: 'phq-9-example', instrumentId: 'phq9', responses: US_CORE_RESPONSES, score: 12, takenAt: '2022-11-29T20:50:32.718Z', status: 'final', clientId: 'example' }),
    ]);
    expect(codes(r)).not.toContain('TOTAL_MISMATCH'); // the total "12" (valueString) agrees with the items
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('item Observations without their questionnaire response (linkIds never read: LOINC codes and LOINC answers) and the total as the text "12"', () => {
    const r = fromFhir([...items, load('uscore__Observation-PHQ9-item-example-44261-6.json')]);
    expect(r.measurements).toHaveLength(1);
    expect(r.measurements[0]).toMatchObject({ instrumentId: 'phq9', responses: US_CORE_RESPONSES, score: 12, takenAt: '2022-11-29T20:50:32.718Z' });
  });

  it('the total alone, as valueString "12", is a score without responses; one item alone cannot be scored and says so', () => {
    expect(fromFhir(load('uscore__Observation-PHQ9-item-example-44261-6.json')).measurements[0]).toMatchObject({ score: 12, responses: null });
    const one = fromFhir(load('uscore__Observation-PHQ9-item-example-44250-9.json'));
    expect(one.measurements).toEqual([]);
    expect(one.issues[0]).toMatchObject({ code: 'UNSCORABLE', path: '', severity: 'error' });
  });

  it('a total placed on the panel code 44249-1 is flagged, not filed', () => {
    const panel = { ...load('uscore__Observation-PHQ9-panel-example-44249-1.json'), valueInteger: 12 };
    const r = fromFhir(panel);
    expect(r.measurements).toEqual([]);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'TOTAL_ON_PANEL', path: '/code', severity: 'warning' }));
    // The real panel (no value of its own) is no issue.
    expect(codes(fromFhir(load('uscore__Observation-PHQ9-panel-example-44249-1.json')))).not.toContain('TOTAL_ON_PANEL');
  });

  it('the R4 core examples: an EpisodeOfCare becomes a valid record (offsets and date-only bounds normalised); the Goal is read', () => {
    const r = fromFhir(load('r4core__EpisodeOfCare-example.json'), { setting: 'clinic' });
    expect(r.record).toBeDefined();
    expect(validateRecord(r.record).valid).toBe(true);
    // Its status history has an onhold period (22 to 24 September 2014): the case is held and resumed then.
    expect(r.record?.events.map((e) => `${e.type} ${e.at.slice(0, 10)}`)).toEqual(['caseOpened 2014-09-01', 'assessmentStarted 2014-09-15', 'caseHeld 2014-09-22', 'caseResumed 2014-09-24']);
    expect(codes(r)).toContain('DATE_ONLY');
    const goal = fromFhir(load('r4core__Goal-example.json')).goals[0];
    expect(goal).toMatchObject({ id: 'example', lifecycleStatus: 'on-hold', startDate: '2015-04-05', targetDate: '2016-04-05' });
    expect(fromFhir(load('uscore__goal-1.json')).goals[0]).toMatchObject({ id: 'goal-1', lifecycleStatus: 'active', targetDate: '2016-04-05', measure: null });
    for (const f of ['r4core__CarePlan-example.json', 'r4core__CareTeam-example.json', 'r4core__Consent-consent-example-basic.json', 'r4core__Encounter-home.json', 'r4core__Group-102.json']) {
      const x = fromFhir(load(f));
      expect(x.issues.filter((i) => i.severity === 'error'), f).toEqual([]);
    }
    // A referral whose subject is only a display names no patient: no record, and the reason why.
    expect(fromFhir(load('r4core__ServiceRequest-education.json')).issues).toContainEqual(expect.objectContaining({ code: 'NO_PATIENT', path: '/subject' }));
  });
});

const phqTotal = (value: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-02T09:00:00+01:00',
  ...value,
  ...extra,
});

describe('fromFhir: what other systems send', { timeout: 30_000 }, () => {
  it('totals as valueQuantity, valueInteger, valueDecimal or valueString; anything else is an issue', () => {
    for (const v of [{ valueQuantity: { value: 14 } }, { valueInteger: 14 }, { valueDecimal: 14 }, { valueString: '14' }]) {
      expect(fromFhir(phqTotal(v)).measurements[0], JSON.stringify(v)).toMatchObject({ score: 14, takenAt: '2026-03-02T08:00:00.000Z' });
    }
    const bad = fromFhir(phqTotal({ valueString: 'fourteen' }));
    expect(bad.measurements).toEqual([]);
    expect(bad.issues[0]).toMatchObject({ code: 'NO_VALUE' });
    expect(codes(fromFhir(phqTotal({ valueInteger: 40 })))).toContain('OUT_OF_RANGE');
  });

  it('a time without an offset is an issue and nothing is filed; a date alone is midnight UTC with a warning', () => {
    const noOffset = fromFhir(phqTotal({ valueInteger: 9 }, { effectiveDateTime: '2026-03-02T09:00:00' }));
    expect(noOffset.measurements).toEqual([]);
    expect(noOffset.issues[0]).toMatchObject({ code: 'NO_OFFSET', path: '/effectiveDateTime', severity: 'error' });
    const dateOnly = fromFhir(phqTotal({ valueInteger: 9 }, { effectiveDateTime: '2026-03-02' }));
    expect(dateOnly.measurements[0]?.takenAt).toBe('2026-03-02T00:00:00.000Z');
    expect(dateOnly.issues[0]).toMatchObject({ code: 'DATE_ONLY', severity: 'warning' });
  });

  it('a questionnaire response with non-standard linkIds is read through its contained Questionnaire\'s item codes; answer codings without a system count', () => {
    const qr = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: '#q',
      contained: [{ resourceType: 'Questionnaire', id: 'q', status: 'active', item: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ linkId: `q${n}`, type: 'choice', code: [{ system: 'http://loinc.org', code: ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'][n - 1] }] })) }],
      authored: '2026-03-02T10:00:00-05:00',
      item: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ linkId: `q${n}`, answer: [{ valueCoding: { code: n % 2 === 0 ? 'LA6569-3' : 'LA6568-5' } }] })),
    };
    const r = fromFhir(qr);
    expect(r.measurements[0]).toMatchObject({ instrumentId: 'gad7', responses: [0, 1, 0, 1, 0, 1, 0], score: 3, takenAt: '2026-03-02T15:00:00.000Z' });
  });

  it('a total derived from its questionnaire response is one measurement, whatever the reference form', () => {
    const qr = { resourceType: 'QuestionnaireResponse', id: 'qr1', status: 'completed', questionnaire: 'http://loinc.org/q/44249-1', authored: '2026-03-02T09:00:00Z', item: US_CORE_RESPONSES.map((v, i) => ({ linkId: `item-${i + 1}`, answer: [{ valueInteger: v }] })) };
    const withRef = (reference: string, fullUrl?: string) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: fullUrl ?? 'https://ehr.example.org/fhir/QuestionnaireResponse/qr1', resource: { ...qr, identifier: { system: 'urn:x', value: 'QR-1' } } }, { resource: phqTotal({ valueInteger: 12 }, { derivedFrom: [{ reference }] }) }],
    });
    for (const [reference, fullUrl] of [
      ['QuestionnaireResponse/qr1'],
      ['https://ehr.example.org/fhir/QuestionnaireResponse/qr1'],
      ['urn:uuid:6b1a1c2e-0000-4000-8000-000000000001', 'urn:uuid:6b1a1c2e-0000-4000-8000-000000000001'],
      ['QuestionnaireResponse?identifier=urn:x|QR-1'],
    ] as const) {
      const r = fromFhir(withRef(reference, fullUrl));
      expect(r.measurements, reference).toHaveLength(1);
      expect(r.measurements[0]).toMatchObject({ responses: US_CORE_RESPONSES, score: 12 });
    }
    // A total that disagrees with its items is reported, and the items' total kept.
    const r = fromFhir({ ...withRef('QuestionnaireResponse/qr1'), entry: [withRef('QuestionnaireResponse/qr1').entry[0], { resource: phqTotal({ valueInteger: 15 }, { derivedFrom: [{ reference: 'QuestionnaireResponse/qr1' }] }) }] });
    expect(codes(r)).toContain('TOTAL_MISMATCH');
    expect(r.measurements[0]?.score).toBe(12);
  });

  it('never throws: any JSON value, JSON text, and bundles with parts replaced by junk', () => {
    const good = toFhirBundle(richCase(1).record) as unknown as { entry: unknown[] };
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), fc.tuple(fc.nat(200), fc.anything()).map(([i, junk]) => ({ ...good, entry: good.entry.map((e, j) => (j === i % good.entry.length ? junk : e)) }))), (input) => {
        const r = fromFhir(input);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // As a history Bundle with DELETE entries anywhere, naming its resources or anything else.
    const typeIds = good.entry.map((e) => (e as { resource: { resourceType: string; id?: string } }).resource).map((r) => `${r.resourceType}/${r.id ?? ''}`);
    const deletion = fc.oneof(fc.constantFrom(...typeIds), fc.string(), fc.anything()).map((url) => ({ request: { method: 'DELETE', url } }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.entry.length), deletion), { maxLength: 6 }), (deletes) => {
        const entry: unknown[] = [...good.entry];
        for (const [at, d] of deletes) entry.splice(at % (entry.length + 1), 0, d);
        const r = fromFhir({ ...good, type: 'history', entry });
        const named = deletes.filter(([, d]) => typeof d.request.url === 'string' && /(?:^|\/)[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(d.request.url)).length;
        expect(r.issues.filter((i) => i.code === 'DELETED')).toHaveLength(named);
      }),
      { numRuns: 100 },
    );
    expect(fromFhir('{not json').issues[0]).toMatchObject({ code: 'INVALID_JSON', path: '' });
    expect(fromFhir([1, null]).issues.map((i) => i.path)).toEqual(['/0', '/1', '']);
  });
});

describe('round trip: export then import', { timeout: 60_000 }, () => {
  const project = (state: ReturnType<typeof richCase>['state']) => ({
    measurements: state.measurements.map((m) => ({ id: m.id, instrumentId: m.instrumentId, indicator: m.indicator, responses: m.responses, score: m.score, takenAt: m.takenAt, status: m.status, source: m.source })),
    goals: Object.values(state.goals).map((g) => ({
      id: g.id,
      description: g.description,
      status: g.status,
      achievement: g.achievement,
      measure: { instrumentId: g.measure.instrumentId ?? null, indicator: g.measure.indicator ?? null, baseline: g.measure.baseline, target: g.measure.target, direction: g.measure.direction },
      startDate: g.startDate,
      targetDate: g.targetDate,
      addressesNeedIds: g.addressesNeedIds,
    })),
  });

  it('for any simulated case (fast-check over seeds of the example scenario), the same measurements and goals come back', () => {
    const parsed = parseScenario(JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')));
    if (!parsed.ok) throw new Error('example scenario');
    const scenario = parsed.scenario;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat(50), (seed, index) => {
        const c = simulateClient(scenario, seed, index, policyFor(scenario));
        const back = fromFhir(toFhirBundle(c.record, { policy: policyFor(scenario) }));
        const byId = new Map(back.measurements.map((m) => [m.id, m]));
        expect(back.measurements).toHaveLength(c.state.measurements.length);
        for (const m of c.state.measurements) expect(byId.get(m.id)).toMatchObject({ instrumentId: m.instrumentId, score: m.score, responses: m.responses, takenAt: m.takenAt, status: m.status });
        expect(back.goals.map((g) => [g.id, g.status, g.measure?.target, g.targetDate])).toEqual(Object.values(c.state.goals).map((g) => [g.id, g.status, g.measure.target, g.targetDate]));
      }),
      { numRuns: 25 },
    );
  });

  it('gives back the same measurements and goals, and a record that validates, for every export form', () => {
    const rich = richCase(4);
    for (const options of [{}, { type: 'transaction' }, { type: 'transaction', conditionalReferences: true }, { fullUrls: { base: 'https://fhir.example.org' } }] as const) {
      const back = fromFhir(toFhirBundle(rich.record, options));
      const got = {
        measurements: [...back.measurements].sort((a, b) => rich.state.measurements.findIndex((m) => m.id === a.id) - rich.state.measurements.findIndex((m) => m.id === b.id)).map(({ path: _p, clientId: _c, ...m }) => m),
        goals: back.goals.map(({ path: _p, lifecycleStatus: _l, clientId: _c, ...g }) => g),
      };
      expect(got, JSON.stringify(options)).toEqual(project(rich.state));
      expect(new Set([...back.goals, ...back.measurements].map((x) => x.clientId)), JSON.stringify(options)).toEqual(new Set([rich.state.clientId]));
      expect(back.issues.filter((i) => i.severity !== 'info'), JSON.stringify(options)).toEqual([]);
      const filed = validateRecord(back.record);
      expect(filed.valid).toBe(true);
      // Every measurement is filed in the record; one entered in error at the source is voided there.
      expect(filed.state?.measurements.map((m) => [m.id, m.status === 'entered-in-error'])).toEqual(
        [...rich.state.measurements].sort((a, b) => a.takenAt.localeCompare(b.takenAt)).map((m) => [m.id, m.status === 'entered-in-error']),
      );
    }
  });
});
