import { afterEach, describe, expect, it } from 'vitest';
import { getInstrument, listInstruments, registerInstrument, scoreInstrument, unregisterInstrument, type Instrument } from '../../src/measures/index.js';

const phq9 = (total: number): number[] => {
  // Spread a total over nine items of 0–3, item 9 last so it stays 0 for totals ≤ 24.
  const items = Array.from({ length: 9 }, () => 0);
  let left = total;
  for (let i = 0; i < 9 && left > 0; i++) {
    items[i] = Math.min(3, left);
    left -= items[i] ?? 0;
  }
  return items;
};

describe('built-in instruments', () => {
  it('lists the eight instruments', () => {
    expect(listInstruments().map((i) => i.id)).toEqual(['phq9', 'phq2', 'gad7', 'gad2', 'k10', 'audit', 'pcl5', 'wsas']);
  });

  it('have bands that cover their range without overlap (pitfall 3)', () => {
    for (const instrument of listInstruments()) {
      let next = instrument.range.min;
      for (const band of instrument.bands) {
        expect(band.min, `${instrument.id} ${band.label}`).toBe(next);
        next = band.max + 1;
      }
      expect(next - 1).toBe(instrument.range.max);
    }
  });

  it('GAD-7 first response label is "Not at all" (pitfall 7)', () => {
    expect(getInstrument('gad7')?.responseLabels?.[0]).toBe('Not at all');
  });

  it('carries LOINC codes and reliability with sources', () => {
    // The PHQ-9's items in questionnaire order, as LOINC codes them (US Core's PHQ-9 examples use these).
    expect(getInstrument('phq9')?.loinc).toEqual({
      total: '44261-6',
      form: '44249-1',
      items: { 1: '44250-9', 2: '44255-8', 3: '44259-0', 4: '44254-1', 5: '44251-7', 6: '44258-2', 7: '44252-5', 8: '44253-3', 9: '44260-8' },
      answers: ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'],
    });
    expect(getInstrument('gad7')?.loinc).toMatchObject({ total: '70274-6', form: '69737-5', items: { 1: '69725-0', 7: '69736-7' } });
    expect(getInstrument('phq2')?.loinc).toMatchObject({ total: '55758-7', items: { 1: '44250-9', 2: '44255-8' } });
    expect(getInstrument('phq9')?.reliability?.value).toBe(0.89);
  });
});

describe('scoreInstrument', () => {
  it.each([
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately severe', true],
    [19, 'moderately severe', true],
    [20, 'severe', true],
  ])('PHQ-9 total %i is %s (caseness %s)', (total, band, caseness) => {
    const s = scoreInstrument('phq9', phq9(total));
    expect([s.total, s.band, s.caseness]).toEqual([total, band, caseness]);
  });

  it('GAD-7 caseness is 8', () => {
    expect(scoreInstrument('gad7', [1, 1, 1, 1, 1, 1, 1]).caseness).toBe(false);
    expect(scoreInstrument('gad7', [2, 1, 1, 1, 1, 1, 1]).caseness).toBe(true);
  });

  it('flags PHQ-9 item 9 above 0, and an unanswered item 9', () => {
    expect(scoreInstrument('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]).flags.map((f) => f.code)).toEqual(['self-harm-thoughts']);
    expect(scoreInstrument('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]).flags).toEqual([]);
    expect(scoreInstrument('phq9', [1, 1, 1, 1, 1, 1, 1, 1, null]).flags.map((f) => f.code)).toEqual(['risk-item-unanswered']);
  });

  it('prorates PHQ-9 with one missing item, rounding half up', () => {
    // 13 over 8 answered → 13 × 9 / 8 = 14.625 → 15
    const s = scoreInstrument('phq9', [3, 2, 2, 2, 1, 1, 1, 1, null]);
    expect([s.total, s.prorated, s.answered, s.band]).toEqual([15, true, 8, 'moderately severe']);
    // 4 over 8 → 4.5 → 5 (half up)
    expect(scoreInstrument('phq9', [1, 1, 1, 1, 0, 0, 0, 0, null]).total).toBe(5);
    // GAD-7: 6 over 6 answered → 7
    expect(scoreInstrument('gad7', [1, 1, 1, 1, 1, 1, undefined]).total).toBe(7);
  });

  it('gives no total with too many missing items, and says why', () => {
    const s = scoreInstrument('phq9', [1, 1, 1, 1, 1, 1, 1, null, null]);
    expect(s.complete).toBe(false);
    expect(s.total).toBeNull();
    if (!s.complete) expect(s.reason).toMatch(/2 of 9 items are missing/);
    expect(scoreInstrument('k10', [1, 1, 1, 1, 1, 1, 1, 1, 1, null]).complete).toBe(false);
  });

  it('scores K10 from 10, AUDIT items 9–10 as 0/2/4, WSAS bands, PCL-5 with a chosen threshold', () => {
    expect(scoreInstrument('k10', Array.from({ length: 10 }, () => 1))).toMatchObject({ total: 10, band: 'low' });
    expect(scoreInstrument('audit', [1, 1, 1, 1, 1, 1, 1, 1, 2, 4])).toMatchObject({ total: 14, band: 'zone II' });
    expect(() => scoreInstrument('audit', [1, 1, 1, 1, 1, 1, 1, 1, 1, 4])).toThrow(/item 9 of audit allows 0, 2, 4/);
    expect(scoreInstrument('wsas', [2, 2, 2, 2, 2])).toMatchObject({ total: 10, band: 'significant impairment' });
    const pcl = Array.from({ length: 20 }, (_, i) => (i < 16 ? 2 : 0)); // 32
    expect(scoreInstrument('pcl5', pcl)).toMatchObject({ total: 32, band: 'below threshold', caseness: false });
    expect(scoreInstrument('pcl5', pcl, { casenessThreshold: 31 })).toMatchObject({ total: 32, band: 'probable PTSD', caseness: true });
  });

  it('refuses an unknown instrument, the wrong length and out-of-range responses', () => {
    expect(() => scoreInstrument('phq10', [])).toThrow(/no instrument phq10/);
    expect(() => scoreInstrument('phq9', [1, 2, 3])).toThrow(/9 items, got 3/);
    expect(() => scoreInstrument('phq9', [4, 0, 0, 0, 0, 0, 0, 0, -1])).toThrow(/and 1 more issue/);
    expect(() => scoreInstrument('phq9', ['1', 0, 0, 0, 0, 0, 0, 0, 0] as never)).toThrow('item 1 of phq9 allows 0, 1, 2, 3, not the string "1"');
    expect(() => scoreInstrument('phq9', [0.5, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(/item 1/);
    expect(() => scoreInstrument('k10', Array.from({ length: 10 }, () => 1), { casenessThreshold: 20 })).toThrow(/no caseness/);
  });
});

describe('registerInstrument', () => {
  const sleep: Instrument = {
    id: 'sleep-3',
    name: 'Three-item sleep check',
    items: [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ],
    range: { min: 0, max: 6 },
    betterIs: 'lower',
    bands: [
      { min: 0, max: 2, label: 'good' },
      { min: 3, max: 6, label: 'poor' },
    ],
    caseness: 3,
    riskItems: [],
    missing: { rule: 'none', maxMissing: 0 },
  };
  afterEach(() => {
    unregisterInstrument('sleep-3');
  });

  it('registers and scores an app instrument', () => {
    registerInstrument(sleep);
    expect(scoreInstrument('sleep-3', [1, 1, 2])).toMatchObject({ total: 4, band: 'poor', caseness: true });
    expect(listInstruments().at(-1)?.id).toBe('sleep-3');
  });

  it('refuses duplicates and inconsistent definitions with every finding', () => {
    registerInstrument(sleep);
    expect(() => registerInstrument(sleep)).toThrow(/already registered/);
    expect(() => registerInstrument({ ...sleep, id: 'phq9' })).toThrow(/already registered/);
    try {
      registerInstrument({ ...sleep, id: 'bad-1', range: { min: 0, max: 9 }, bands: [{ min: 0, max: 3, label: 'x' }, { min: 3, max: 9, label: 'y' }] });
      expect.unreachable();
    } catch (e) {
      const paths = (e as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['range', 'bands.1']));
    }
    expect(() => registerInstrument({ ...sleep, id: 'bad-2', extra: 1 } as Instrument)).toThrow(LifecycleErrorLike);
  });
});

const LifecycleErrorLike = /refused/;
