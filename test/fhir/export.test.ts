import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch, isLifecycleError, replay } from '../../src/index.js';
import { toRecord } from '../../src/validate/index.js';
import { policyFor, parseScenario, simulateCohort } from '../../src/simulate/index.js';
import { toFhirBundle, type FhirBundle, type FhirResource } from '../../src/fhir/index.js';
import { r4Errors } from './r4-schema.js';
import { richCase } from './rich-case.js';

const rich = richCase(3);

/** Every reference in a value, with its JSON path. */
function references(value: unknown, path = ''): { path: string; reference: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => references(v, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'reference' && typeof v === 'string' ? [{ path, reference: v }] : references(v, `${path}/${k}`)));
}

const ofType = <T extends FhirResource['resourceType']>(b: FhirBundle, type: T) => b.entry.map((e) => e.resource).filter((r): r is Extract<FhirResource, { resourceType: T }> => r.resourceType === type);

/** The invariants R4 states in FHIRPath, which its JSON Schema cannot check. */
function invariantErrors(r: FhirResource): string[] {
  const out: string[] = [];
  if (r.resourceType === 'Goal') for (const t of r.target ?? []) if (t.detailQuantity !== undefined && t.measure === undefined) out.push('gol-1: a target detail needs a measure');
  if (r.resourceType === 'CarePlan') for (const a of r.activity ?? []) if (a.detail !== undefined && a.reference !== undefined) out.push('cpl-3: an activity has a reference or a detail, not both');
  if (r.resourceType === 'Consent') {
    if (r.policyRule === undefined) out.push('ppc-1 (con-3): a policy or a policy rule');
    const scope = r.scope.coding?.[0]?.code;
    if (['patient-privacy', 'research', 'adr', 'treatment'].includes(scope ?? '') && r.patient === undefined) out.push(`ppc-2..5 (con-4/5): a ${scope ?? ''} consent names its patient`);
  }
  return out;
}

function checkBundle(b: FhirBundle): string[] {
  const problems = [...r4Errors(b)];
  const urls = new Set<string>();
  for (const [i, e] of b.entry.entries()) {
    problems.push(...r4Errors(e.resource).map((m) => `entry ${i}: ${m}`), ...invariantErrors(e.resource).map((m) => `entry ${i}: ${m}`));
    if (e.fullUrl !== undefined) {
      if (urls.has(e.fullUrl)) problems.push(`entry ${i}: duplicate fullUrl ${e.fullUrl}`);
      urls.add(e.fullUrl);
    }
  }
  // Every urn:uuid reference resolves to an entry of the bundle.
  for (const ref of references(b.entry)) if (ref.reference.startsWith('urn:uuid:') && !urls.has(ref.reference)) problems.push(`${ref.path}: ${ref.reference} resolves to nothing`);
  return problems;
}

// Schema validation with ajv is slow on a loaded machine (two test runs share CI's two cores).
describe('toFhirBundle', { timeout: 30_000 }, () => {
  it('writes every resource type, each valid against the official R4 JSON Schema and its invariants', () => {
    const b = toFhirBundle(rich.record);
    expect(new Set(b.entry.map((e) => e.resource.resourceType))).toEqual(
      new Set(['EpisodeOfCare', 'ServiceRequest', 'CareTeam', 'CarePlan', 'Goal', 'Encounter', 'QuestionnaireResponse', 'Observation', 'Consent', 'RiskAssessment', 'Flag', 'Provenance']),
    );
    expect(checkBundle(b)).toEqual([]);
  });

  it('transactions (plain and conditional) and base-URL collections are valid R4 too', () => {
    for (const options of [{ type: 'transaction' }, { type: 'transaction', conditionalReferences: true }, { fullUrls: { base: 'https://fhir.example.org/r4/' } }] as const) {
      const b = toFhirBundle(rich.record, options);
      expect(checkBundle(b), JSON.stringify(options)).toEqual([]);
    }
  });

  it('simulated records export valid R4 bundles (15 clients of the example scenario)', { timeout: 60_000 }, () => {
    const parsed = parseScenario(JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')));
    if (!parsed.ok) throw new Error('example scenario');
    const problems: string[] = [];
    for (const c of simulateCohort(parsed.scenario, { seed: 11, clients: 15 })) problems.push(...checkBundle(toFhirBundle(c.record, { policy: policyFor(parsed.scenario) })).map((p) => `client ${c.index}: ${p}`));
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('a transaction creates each entry once: POST with ifNoneExist by identifier, the patient found by search', () => {
    const b = toFhirBundle(rich.record, { type: 'transaction', conditionalReferences: true });
    expect(b.type).toBe('transaction');
    const episode = b.entry[0];
    expect(episode?.request).toEqual({ method: 'POST', url: 'EpisodeOfCare', ifNoneExist: 'identifier=urn%3Aintervention-lifecycle%3Aid|case%3A2021_001' });
    // Ids stay (a server ignores them on POST): the same resource has the same id in every form.
    expect(episode?.resource.id).toBe(toFhirBundle(rich.record).entry[0]?.resource.id);
    expect(ofType(b, 'Goal')[0]?.subject.reference).toBe('Patient?identifier=urn%3Aintervention-lifecycle%3Aperson|client-1');
    // Provenance has no identifier in R4: it is created without a condition.
    expect(b.entry.find((e) => e.resource.resourceType === 'Provenance')?.request).toEqual({ method: 'POST', url: 'Provenance' });
  });

  it('ids that are not FHIR ids are hashed; the same record gives the same bundle, byte for byte', () => {
    const b = toFhirBundle(rich.record);
    const episode = ofType(b, 'EpisodeOfCare')[0];
    expect(episode?.id).toMatch(/^h-[0-9a-f]{32}$/); // 'case:2021_001' has a colon and an underscore
    expect(episode?.identifier).toEqual([{ system: 'urn:intervention-lifecycle:id', value: 'case:2021_001' }]);
    expect(JSON.stringify(toFhirBundle(JSON.parse(JSON.stringify(rich.record))))).toBe(JSON.stringify(b));
    const ids = b.entry.map((e) => `${e.resource.resourceType}/${e.resource.id ?? ''}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an invalid record is refused with its issues, never exported', () => {
    const record = JSON.parse(JSON.stringify(rich.record)) as { events: { type: string }[] };
    record.events.splice(3, 1);
    try {
      toFhirBundle(record);
      expect.unreachable();
    } catch (e) {
      expect(isLifecycleError(e) && e.code).toBe('INVALID_INPUT');
      expect(isLifecycleError(e) && e.issues.length).toBeGreaterThan(0);
    }
    expect(() => toFhirBundle(null)).toThrow(/does not validate/);
  });

  it('measurements: LOINC totals and items with LOINC answers, the unanswered item left out, amended and voided statuses, an indicator by text', () => {
    const b = toFhirBundle(rich.record);
    const obs = ofType(b, 'Observation');
    const total = obs.find((o) => o.identifier?.[0]?.value?.endsWith('/phq-0'));
    expect(total?.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '44261-6' });
    expect(total?.valueQuantity).toEqual({ value: 15, unit: 'score', system: 'http://unitsofmeasure.org', code: '{score}' });
    expect(total?.hasMember).toHaveLength(9);
    const item1 = obs.find((o) => o.code.coding?.[0]?.code === '44250-9');
    expect(item1?.valueCodeableConcept?.coding?.[0]).toEqual({ system: 'http://loinc.org', code: 'LA6570-1', display: 'More than half the days' });
    const gad0 = obs.find((o) => o.identifier?.[0]?.value?.endsWith('/gad-0'));
    expect(gad0?.hasMember).toHaveLength(6); // item 5 unanswered
    expect(obs.find((o) => o.identifier?.[0]?.value?.endsWith('/phq-1'))?.status).toBe('amended');
    expect(obs.find((o) => o.identifier?.[0]?.value?.endsWith('/gad-1'))?.status).toBe('entered-in-error');
    const sleep = obs.find((o) => o.identifier?.[0]?.value?.endsWith('/sleep-0'));
    expect(sleep).toMatchObject({ code: { text: 'hours of sleep a night' }, valueQuantity: { value: 4.5 }, effectiveDateTime: '2021-01-04T10:30:00.000Z' });
    const qr = ofType(b, 'QuestionnaireResponse').find((q) => q.identifier?.value?.endsWith('/gad-0'));
    expect(qr?.questionnaire).toBe('http://loinc.org/q/69737-5');
    expect(qr?.item?.map((i) => i.linkId)).toEqual(['69725-0', '68509-9', '69733-4', '69734-2', '69689-8', '69736-7']);
  });

  it('sessions, consents, crises and provenance carry what the case recorded', () => {
    const b = toFhirBundle(rich.record);
    const enc = ofType(b, 'Encounter');
    expect(enc.map((e) => e.status).slice(0, 3)).toEqual(['finished', 'cancelled', 'cancelled']);
    expect(enc[1]?.extension?.[0]).toMatchObject({ url: 'http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled', valueCodeableConcept: { text: 'did not attend' } });
    expect(enc[2]?.extension).toBeUndefined();
    expect(enc.at(-1)?.status).toBe('planned');
    expect(enc[0]?.length).toEqual({ value: 50, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' });
    const consents = ofType(b, 'Consent');
    expect(consents.map((c) => [c.scope.coding?.[0]?.code, c.status])).toEqual([
      ['treatment', 'active'],
      ['research', 'active'], // expires on 1 March, after the case's last event
      ['patient-privacy', 'inactive'], // withdrawn
    ]);
    expect(ofType(toFhirBundle(rich.record, { asOf: '2021-06-01T00:00:00.000Z' }), 'Consent')[1]?.status).toBe('inactive');
    expect(consents[2]?.provision?.actor?.[0]?.reference).toEqual({ display: 'gp-practice-7' });
    expect(ofType(b, 'Flag').map((f) => [f.status, f.period?.end === undefined])).toEqual([
      ['inactive', false],
      ['active', true],
    ]);
    expect(ofType(b, 'RiskAssessment').map((r) => r.prediction?.[0]?.qualitativeRisk?.coding?.[0]?.code)).toEqual(['high', 'moderate', 'certain']);
    const prov = ofType(b, 'Provenance');
    expect(prov).toHaveLength(rich.events.length);
    const amended = prov.find((p) => p.activity?.text === 'measurementAmended');
    expect(amended?.reason).toEqual([{ text: 'Transcription error' }]);
    expect(amended?.target).toHaveLength(2);
    expect(amended?.agent[0]?.who.reference).toBe('Practitioner/p-ther');
  });

  it('shareWith: refused (CONSENT_REQUIRED) unless the client\'s information-sharing consent covers the recipient at asOf', () => {
    const refusal = (record: unknown, options: Parameters<typeof toFhirBundle>[1]) => {
      try {
        toFhirBundle(record, options);
        return 'ok';
      } catch (e) {
        if (!isLifecycleError(e)) throw e;
        return `${e.code} ${JSON.stringify(e.issues.map((i) => i.path))}`;
      }
    };
    // The rich case's sharing consent (gp-practice-7) was withdrawn: nothing may go there.
    expect(refusal(rich.record, { shareWith: 'gp-practice-7' })).toBe('CONSENT_REQUIRED [["shareWith"]]');
    expect(refusal(rich.record, {})).toBe('ok'); // the service's own systems
    // A renewed consent naming the GP, then one for sharing in general.
    const last = Date.parse(rich.state.updatedAt);
    const renew = (sharingWith: string[], at: number) => {
      const r = dispatch(replay(rich.events), { type: 'recordConsent', consentId: 'k-share-2', scope: 'information-sharing', grantedBy: 'client-1', sharingWith }, { actor: { id: 'client-1', role: 'client' }, now: () => new Date(at).toISOString() });
      if (!r.ok) throw r.error;
      return toRecord([...rich.events, ...r.events]);
    };
    const gp = renew(['gp-practice-7'], last + 60_000);
    expect(refusal(gp, { shareWith: 'gp-practice-7' })).toBe('ok');
    expect(refusal(gp, { shareWith: 'insurer-1' })).toBe('CONSENT_REQUIRED [["shareWith"]]');
    expect(refusal(gp, { shareWith: 'gp-practice-7', asOf: rich.state.updatedAt })).toBe('CONSENT_REQUIRED [["shareWith"]]'); // before it was given
    expect(refusal(renew([], last + 60_000), { shareWith: 'insurer-1' })).toBe('ok');
  });
});
