import { describe, expect, it } from 'vitest';
import { alerts, dispatch, goalProgress, type CaseState } from '../../src/index.js';
import { toRecord, validateRecord } from '../../src/validate/index.js';
import { registerInstrument, unregisterInstrument } from '../../src/measures/index.js';
import { caseAt, must, people, world } from '../case/fixtures.js';

// Risk answers (PHQ-9 item 9 and any registered risk item): unknown is not zero.

const ctx = world('2026-02-15T09:00:00.000Z');
const asOf = '2026-02-20T09:00:00.000Z';
const phq = (takenAt: string, answer: { responses: (number | null)[] } | { score: number }, source = 'client-report') => ({ type: 'recordMeasurement', instrumentId: 'phq9', takenAt, source, ...answer });
const riskAlerts = (s: CaseState) => alerts(s, asOf).filter((a) => a.code === 'risk-item');

describe('a risk item answered above its threshold', () => {
  const flagged = () => must(caseAt('active'), phq('2026-02-01T08:00:00.000Z', { responses: [2, 2, 2, 2, 2, 2, 1, 1, 2] }), ctx(people.client));

  it('is not silenced by a later PHQ-9 entered as a total only', () => {
    const s = must(flagged(), phq('2026-02-08T08:00:00.000Z', { score: 6 }), ctx(people.lead));
    expect(riskAlerts(s)).toHaveLength(1);
    expect(riskAlerts(s)[0]).toMatchObject({ severity: 'urgent', since: '2026-02-01T08:00:00.000Z' });
  });

  it('is not silenced by a later PHQ-9 that leaves item 9 blank (and that one asks for it)', () => {
    const s = must(flagged(), phq('2026-02-08T08:00:00.000Z', { responses: [1, 1, 1, 1, 1, 1, 1, 1, null] }), ctx(people.client));
    expect(riskAlerts(s)).toHaveLength(1);
    expect(alerts(s, asOf).some((a) => a.code === 'risk-item-unanswered')).toBe(false);
  });

  it('is cleared by a later itemised PHQ-9 answering item 9 with 0', () => {
    const s = must(flagged(), phq('2026-02-08T08:00:00.000Z', { responses: [1, 1, 1, 1, 1, 1, 1, 1, 0] }), ctx(people.client));
    expect(riskAlerts(s)).toEqual([]);
  });

  it('is cleared by a risk review recorded after it (recordRiskLevel), and raised again by a new answer above 0', () => {
    let s = must(flagged(), { type: 'recordRiskLevel', level: 'low', factors: ['passive thoughts, no plan'] }, ctx(people.lead));
    expect(riskAlerts(s)).toEqual([]);
    s = must(s, phq('2026-02-10T08:00:00.000Z', { responses: [1, 1, 1, 1, 1, 1, 1, 1, 1] }), ctx(people.client));
    expect(riskAlerts(s)).toHaveLength(1);
  });
});

describe('a PHQ-9 total entered alone that item 9 must be part of', () => {
  // The other eight items reach 24 at most: a total of 25 to 27 needs item 9 above 0 (or item 9
  // blank and the total prorated). Either way it is not a known 0.
  const total = (score: number, takenAt = '2026-02-01T08:00:00.000Z') => must(caseAt('active'), phq(takenAt, { score }), ctx(people.lead));

  it('raises the risk alert at 25 and above, saying why; not at 24', () => {
    const s = total(25);
    expect(riskAlerts(s)).toEqual([
      {
        code: 'risk-item',
        severity: 'urgent',
        message: expect.stringContaining('PHQ-9 item 9 was above 0 or blank (a total of 25 without items) on 2026-02-01'),
        entity: { type: 'measurement', id: s.measurements.at(-1)?.id },
        since: '2026-02-01T08:00:00.000Z',
      },
    ]);
    expect(riskAlerts(total(27))).toHaveLength(1);
    expect(riskAlerts(total(24))).toEqual([]);
  });

  it('is cleared as an answer is: by a later itemised item 9 of 0, or a risk review; not by a later total', () => {
    const raised = total(26);
    expect(riskAlerts(must(raised, phq('2026-02-08T08:00:00.000Z', { score: 8 }), ctx(people.lead)))).toHaveLength(1);
    expect(riskAlerts(must(raised, phq('2026-02-08T08:00:00.000Z', { responses: [3, 3, 3, 3, 3, 3, 3, 3, 0] }), ctx(people.client)))).toEqual([]);
    expect(riskAlerts(must(raised, { type: 'recordRiskLevel', level: 'moderate', factors: [] }, ctx(people.lead)))).toEqual([]);
    // An itemised answer of 0 taken before the total does not clear it.
    const earlier = must(caseAt('active'), phq('2026-01-25T08:00:00.000Z', { responses: [1, 1, 1, 1, 1, 1, 1, 1, 0] }), ctx(people.client));
    expect(riskAlerts(must(earlier, phq('2026-02-01T08:00:00.000Z', { score: 25 }), ctx(people.lead)))).toHaveLength(1);
  });
});

describe("a registered instrument's risk item, implied by a total", () => {
  // Four items of 0–3, the fourth flagged above 1: the first three reach 9, so a total of 11 needs item 4 at 2 or more.
  const scale = {
    id: 'risk-4',
    name: 'Four-item check',
    betterIs: 'lower' as const,
    items: [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]],
    range: { min: 0, max: 12 },
    bands: [{ min: 0, max: 12, label: 'any' }],
    riskItems: [{ item: 4, above: 1, code: 'harm-plan', message: 'Item 4 above 1' }],
    missing: { rule: 'none' as const, maxMissing: 0 },
  };

  it('raises it from the total above which the other items cannot reach, naming the threshold', () => {
    registerInstrument(scale);
    try {
      const total = (score: number) => must(caseAt('active'), { type: 'recordMeasurement', instrumentId: 'risk-4', score, takenAt: '2026-02-01T08:00:00.000Z', source: 'clinician-rated' }, ctx(people.lead));
      expect(riskAlerts(total(10))).toEqual([]);
      expect(riskAlerts(total(11))).toEqual([expect.objectContaining({ severity: 'urgent', message: expect.stringContaining('risk-4 item 4 was above 1 or blank (a total of 11 without items)') })]);
    } finally {
      unregisterInstrument('risk-4');
    }
  });
});

describe('an incomplete PHQ-9 whose item 9 is answered', () => {
  const incomplete = [null, null, 1, 1, 1, 1, 1, 1, 3];

  it('is recorded unscored, raises the alert, and counts in no score', () => {
    const s = must(caseAt('active'), { ...phq('2026-02-01T08:00:00.000Z', { responses: incomplete }), goalIds: ['g-1'] }, ctx(people.client));
    const m = s.measurements.at(-1);
    expect(m).toMatchObject({ score: null, band: null, flags: ['self-harm-thoughts', 'unscored'] });
    expect(riskAlerts(s)).toHaveLength(1);
    expect(goalProgress(s, 'g-1').series).toEqual([]);
    expect(s.goals['g-1']?.achievement).toBe('in-progress');
  });

  it('answering item 9 with 0 is kept too, unscored, and answers an earlier alert as a complete form would', () => {
    let s = must(caseAt('active'), phq('2026-02-01T08:00:00.000Z', { responses: [2, 2, 2, 2, 2, 2, 1, 1, 2] }), ctx(people.client));
    expect(riskAlerts(s)).toHaveLength(1);
    s = must(s, phq('2026-02-08T08:00:00.000Z', { responses: [null, null, null, null, null, null, null, null, 0] }), ctx(people.client));
    expect(s.measurements.at(-1)).toMatchObject({ score: null, band: null, flags: ['unscored'] });
    expect(riskAlerts(s)).toEqual([]);
  });

  it('is still refused when no risk item is answered (nothing to keep)', () => {
    const r = dispatch(caseAt('active'), phq('2026-02-01T08:00:00.000Z', { responses: [null, null, 1, 1, 1, 1, 1, 1, null] }), ctx(people.client));
    expect(r.ok || r.error.rule).toBe('scorable');
  });

  it('with one item missing is prorated, as the instrument allows', () => {
    const s = must(caseAt('active'), phq('2026-02-01T08:00:00.000Z', { responses: [null, 2, 1, 1, 1, 1, 1, 1, 1] }), ctx(people.client));
    expect(s.measurements.at(-1)?.score).toBe(10);
  });

  it('makes a record the validator accepts', () => {
    const c = world('2026-01-05T09:00:00.000Z');
    const events = [];
    let r = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood for months', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' }, c(people.lead));
    if (!r.ok) throw r.error;
    events.push(...r.events);
    r = dispatch(r.state, { type: 'startAssessment', assessmentId: 'a-1', methods: ['standardized-instrument'] }, c(people.lead));
    if (!r.ok) throw r.error;
    events.push(...r.events);
    r = dispatch(r.state, phq('2026-01-05T09:30:00.000Z', { responses: incomplete }, 'clinician-rated'), c(people.lead));
    if (!r.ok) throw r.error;
    events.push(...r.events);
    expect(validateRecord(toRecord(events, r.state)).issues).toEqual([]);
  });
});

describe('who may record which source', () => {
  it('a client may self-report, not record a clinician-rated measurement or observe themselves', () => {
    const s = caseAt('active');
    const as = (source: string, actor: { id: string; role: string }) => {
      const r = dispatch(s, phq('2026-02-01T08:00:00.000Z', { score: 5 }, source), ctx(actor as never));
      return r.ok ? 'ok' : `${r.error.code}:${r.error.rule ?? ''}`;
    };
    expect(as('client-report', people.client)).toBe('ok');
    expect(as('clinician-rated', people.client)).toBe('FORBIDDEN:sourceMatchesActor');
    expect(as('observer', people.client)).toBe('FORBIDDEN:sourceMatchesActor');
    expect(as('clinician-rated', people.lead)).toBe('ok');
  });
});
