import { describe, expect, it } from 'vitest';
import { overdueMeasurements, replay } from '../../src/index.js';
import { fromFhir } from '../../src/fhir/index.js';
import { validateRecord } from '../../src/validate/index.js';

// An EpisodeOfCare on hold, now or for a while, is a case on hold: the record built from it says
// so, in time with the measurements, so nothing is overdue for the time the client was away.

const total = (id: string, at: string) => ({ resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: at, valueInteger: 9 });
const episode = (status: string, statusHistory: unknown[]) => ({ resourceType: 'EpisodeOfCare', id: 'ep-1', status, patient: { reference: 'Patient/p1' }, period: { start: '2026-02-20T09:00:00Z' }, statusHistory });
const bundle = (...resources: unknown[]) => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });
const measured = [total('a', '2026-02-25T09:00:00Z'), total('b', '2026-03-05T09:00:00Z'), total('c', '2026-03-12T09:00:00Z')];
const active = { status: 'active', period: { start: '2026-02-20T09:00:00Z', end: '2026-03-01T09:00:00Z' } };
const options = { setting: 'clinic', now: '2026-04-01T00:00:00Z' } as const;
const story = (r: ReturnType<typeof fromFhir>) => r.record?.events.map((e) => `${e.type} ${e.at.slice(0, 10)}`);
const notes = (r: ReturnType<typeof fromFhir>) => r.issues.filter((i) => !['NO_REASON', 'NO_SOURCE'].includes(i.code)).map((i) => [i.path, i.code]);

describe('fromFhir carries an episode\'s holds into the record', () => {
  it('a hold that ended: held and resumed at its period\'s bounds, a measurement taken on hold recorded on hold', () => {
    const r = fromFhir(bundle(episode('active', [active, { status: 'onhold', period: { start: '2026-03-01T09:00:00Z', end: '2026-03-10T09:00:00Z' } }, { status: 'active', period: { start: '2026-03-10T09:00:00Z' } }]), ...measured), options);
    expect(story(r)).toEqual([
      'caseOpened 2026-02-20',
      'assessmentStarted 2026-02-20',
      'measurementRecorded 2026-02-25',
      'caseHeld 2026-03-01',
      'measurementRecorded 2026-03-05',
      'caseResumed 2026-03-10',
      'measurementRecorded 2026-03-12',
    ]);
    expect([validateRecord(r.record).valid, notes(r)]).toEqual([true, []]);
  });

  it('an episode on hold now is a case on hold now, and nothing falls overdue while it lasts', () => {
    const r = fromFhir(bundle(episode('onhold', [active, { status: 'onhold', period: { start: '2026-03-01T09:00:00Z' } }]), ...measured), options);
    const state = replay(r.record?.events ?? []);
    expect([state.status, validateRecord(r.record).valid, notes(r)]).toEqual(['on-hold', true, []]);
    expect(overdueMeasurements(state, '2026-06-01T00:00:00.000Z')).toEqual([]);
  });

  it('a hold the history does not date, or one from before the episode began, is said and not recorded', () => {
    const undated = fromFhir(bundle(episode('onhold', []), ...measured), options);
    expect([replay(undated.record?.events ?? []).status, notes(undated)]).toEqual(['assessing', [['/entry/0/resource/status', 'NOT_HELD']]]);
    const early = fromFhir(bundle(episode('active', [{ status: 'onhold', period: { start: '2026-02-01T09:00:00Z', end: '2026-02-10T09:00:00Z' } }, { status: 'active', period: { start: '2026-02-20T09:00:00Z' } }]), ...measured), options);
    expect(story(early)?.filter((e) => e.startsWith('case'))).toEqual(['caseOpened 2026-02-20']);
    expect(notes(early)).toEqual([['/entry/0/resource/statusHistory/0/period', 'NOT_HELD']]);
  });
});

describe('fromFhir builds one case, and says so of any other', () => {
  const second = { resourceType: 'EpisodeOfCare', id: 'ep-2', status: 'active', patient: { reference: 'Patient/p2' }, period: { start: '2026-02-21T09:00:00Z' } };
  const referral = (id: string) => ({ resourceType: 'ServiceRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, authoredOn: '2026-02-20T09:00:00Z' });

  it('a second EpisodeOfCare is reported at its path, not dropped unseen; the first is built', () => {
    const r = fromFhir(bundle(episode('active', []), second, ...measured), options);
    expect(r.record?.events[0]?.caseId).toBe('ep-1');
    expect(r.issues.filter((i) => i.code === 'OTHER_CASE')).toEqual([
      { path: '/entry/1/resource', code: 'OTHER_CASE', severity: 'warning', message: "another EpisodeOfCare (ep-2): one import builds one case, from ep-1; import this one's resources on their own" },
    ]);
  });

  it('with no episode, a second ServiceRequest likewise; with an episode, a request that is not its referral is not a case', () => {
    expect(fromFhir(bundle(referral('sr-1'), referral('sr-2')), options).issues.filter((i) => i.code === 'OTHER_CASE').map((i) => i.path)).toEqual(['/entry/1/resource']);
    expect(fromFhir(bundle(episode('active', []), referral('sr-1')), options).issues.filter((i) => i.code === 'OTHER_CASE')).toEqual([]);
    expect(fromFhir(bundle(episode('active', []), ...measured), options).issues.filter((i) => i.code === 'OTHER_CASE')).toEqual([]);
  });
});

describe('fromFhir follows a patient reference to the Patient it names', () => {
  // A transaction Bundle names resources by urn:uuid full URLs, the patient included.
  const PATIENT = 'urn:uuid:11111111-1111-1111-1111-111111111111';
  const transaction = (patient: Record<string, unknown>, subject: unknown = { reference: PATIENT }) => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: PATIENT, resource: { resourceType: 'Patient', ...patient }, request: { method: 'POST', url: 'Patient' } },
      { fullUrl: 'urn:uuid:22222222-2222-2222-2222-222222222222', resource: { ...episode('active', []), patient: { reference: PATIENT } }, request: { method: 'POST', url: 'EpisodeOfCare' } },
      { fullUrl: 'urn:uuid:33333333-3333-3333-3333-333333333333', resource: { ...total('a', '2026-02-25T09:00:00Z'), subject }, request: { method: 'POST', url: 'Observation' } },
    ],
  });

  it('a urn:uuid reference builds the case for that Patient (its id, else its identifier), and files its measurement', () => {
    const byId = fromFhir(transaction({ id: 'p-77' }), options);
    expect([byId.record?.events[0]?.data, story(byId)?.at(-1)]).toMatchObject([{ clientId: 'p-77' }, 'measurementRecorded 2026-02-25']);
    const byIdentifier = fromFhir(transaction({ identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000009' }] }), options);
    expect(byIdentifier.record?.events[0]?.data).toMatchObject({ clientId: '9000000009' });
    expect(byIdentifier.measurements.map((m) => m.clientId)).toEqual(['9000000009']);
    expect(notes(byIdentifier)).toEqual([]);
    // The identifier in the system asked for wins over the id.
    const asked = fromFhir(transaction({ id: 'p-77', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000009' }] }), { ...options, personSystem: 'https://fhir.nhs.uk/Id/nhs-number' });
    expect(asked.record?.events[0]?.data).toMatchObject({ clientId: '9000000009' });
  });

  it('a measurement about a Group or a Practitioner is no client\'s: said, and not filed', () => {
    for (const subject of [{ reference: 'Group/102' }, { reference: 'https://server.example/fhir/Practitioner/x' }, { type: 'Group', identifier: { system: 'https://registry.example', value: 'cohort-3' } }]) {
      const r = fromFhir(transaction({ id: 'p-77' }, subject), options);
      expect(r.measurements).toEqual([]);
      expect(r.issues.filter((i) => i.code === 'NOT_A_PATIENT').map((i) => [i.path, i.severity])).toEqual([['/entry/2/resource/subject', 'warning']]);
    }
  });
});

describe('fromFhir and an episode that is not what it was', () => {
  it('an episode entered in error at the source opens no case; one beside it that is not does', () => {
    const wrong = { ...episode('entered-in-error', []), id: 'ep-0' };
    const alone = fromFhir(bundle(wrong, ...measured), options);
    expect(alone.record).toBeUndefined();
    expect(alone.measurements).toHaveLength(3);
    expect(alone.issues.filter((i) => i.code === 'ENTERED_IN_ERROR').map((i) => [i.path, i.severity])).toEqual([['/entry/0/resource/status', 'warning']]);
    const beside = fromFhir(bundle(wrong, episode('active', []), ...measured), options);
    expect(beside.record?.events[0]?.caseId).toBe('ep-1');
    expect(beside.issues.filter((i) => i.code === 'ENTERED_IN_ERROR' || i.code === 'OTHER_CASE').map((i) => i.code)).toEqual(['ENTERED_IN_ERROR']);
  });

  it('a cancelled episode that never began says the record stays open, and at which status', () => {
    const r = fromFhir(bundle(episode('cancelled', []), ...measured), options);
    expect(r.issues.find((i) => i.code === 'NOT_CLOSED')?.message).toBe('the episode is cancelled; the record stays open at "referred": closing needs the plan FHIR does not carry');
  });
});
