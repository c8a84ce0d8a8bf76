import { describe, expect, it } from 'vitest';
import { talkingTherapiesOutcome, talkingTherapiesRates } from '../../src/measures/index.js';

const client = (phq: [number, number], gad: [number, number], attendedSessions = 6) => ({
  phq9: { first: phq[0], last: phq[1] },
  gad7: { first: gad[0], last: gad[1] },
  attendedSessions,
});

describe('talkingTherapiesOutcome', () => {
  it('caseness is PHQ-9 ≥ 10 or GAD-7 ≥ 8', () => {
    expect(talkingTherapiesOutcome(client([10, 0], [0, 0])).casenessAtStart).toBe(true);
    expect(talkingTherapiesOutcome(client([9, 0], [7, 0])).casenessAtStart).toBe(false);
    expect(talkingTherapiesOutcome(client([9, 0], [8, 0])).casenessAtStart).toBe(true);
  });

  it('thresholds are inclusive: a drop of exactly 6 (PHQ-9) or 4 (GAD-7) is reliable (pitfall 5)', () => {
    expect(talkingTherapiesOutcome(client([16, 10], [5, 5])).reliableImprovement).toBe(true);
    expect(talkingTherapiesOutcome(client([16, 11], [5, 5])).reliableImprovement).toBe(false);
    expect(talkingTherapiesOutcome(client([5, 5], [12, 8])).reliableImprovement).toBe(true);
    expect(talkingTherapiesOutcome(client([5, 5], [12, 9])).reliableImprovement).toBe(false);
    expect(talkingTherapiesOutcome(client([5, 11], [5, 5])).reliableDeterioration).toBe(true);
  });

  it('a mixed pair is neither improvement nor deterioration by default', () => {
    const mixed = talkingTherapiesOutcome(client([20, 10], [4, 12]));
    expect([mixed.reliableImprovement, mixed.reliableDeterioration]).toEqual([false, false]);
  });

  it('the "both" rule needs both measures', () => {
    expect(talkingTherapiesOutcome(client([20, 10], [10, 9]), { combination: 'both' }).reliableImprovement).toBe(false);
    expect(talkingTherapiesOutcome(client([20, 10], [10, 5]), { combination: 'both' }).reliableImprovement).toBe(true);
  });

  it('recovery and reliable recovery', () => {
    const o = talkingTherapiesOutcome(client([16, 7], [12, 6]));
    expect(o).toEqual({ casenessAtStart: true, casenessAtEnd: false, reliableImprovement: true, reliableDeterioration: false, recovery: true, reliableRecovery: true });
    const small = talkingTherapiesOutcome(client([11, 9], [8, 7]));
    expect([small.recovery, small.reliableRecovery]).toEqual([true, false]);
  });

  it('refuses scores outside the instruments', () => {
    expect(() => talkingTherapiesOutcome(client([28, 1], [3, -1]))).toThrow(/and 1 more issue/);
    expect(() => talkingTherapiesOutcome(client([2.5, 1], [3, 1]))).toThrow(/whole number/);
  });
});

describe('talkingTherapiesRates', () => {
  it('uses the national denominators', () => {
    const rates = talkingTherapiesRates([
      client([16, 7], [12, 6]), // recovered, reliably improved
      client([12, 11], [9, 10]), // at caseness, not recovered
      client([5, 4], [4, 3]), // not at caseness at start
      client([8, 15], [3, 9]), // reliably deteriorated
      client([14, 14], [10, 10], 1), // did not finish treatment
    ]);
    expect(rates).toEqual({
      referrals: 5,
      finishedTreatment: 4,
      notAtCasenessAtStart: 2,
      recovered: 1,
      reliablyImproved: 1,
      reliablyDeteriorated: 1,
      reliablyRecovered: 1,
      recoveryRate: 50,
      reliableRecoveryRate: 50,
      reliableImprovementRate: 25,
      reliableDeteriorationRate: 25,
    });
  });

  it('leaves out rates whose denominator is zero', () => {
    const rates = talkingTherapiesRates([client([5, 4], [4, 3])]);
    expect(rates.recoveryRate).toBeUndefined();
    expect(rates.reliableImprovementRate).toBe(0);
  });

  it('needs attended sessions', () => {
    expect(() => talkingTherapiesRates([{ phq9: { first: 1, last: 1 }, gad7: { first: 1, last: 1 } }])).toThrow(/attendedSessions/);
  });
});
