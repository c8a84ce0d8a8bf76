/**
 * A cohort analysis end to end with `intervention-lifecycle/measures`: score questionnaires, compute
 * reliable and clinically significant change, NHS Talking Therapies rates and a GAS T-score.
 * Run with `npx tsx examples/outcome-statistics.ts`.
 */
import { cohortChange, gasTScore, getInstrument, reliableChange, scoreInstrument, talkingTherapiesRates } from 'intervention-lifecycle/measures';

// 1. Score item responses. PHQ-9 allows one missing item (prorated); item 9 > 0 raises a flag.
const intake = scoreInstrument('phq9', [3, 2, 2, 3, 1, 2, 1, 2, 1]);
const followUp = scoreInstrument('phq9', [1, 1, 0, 1, 1, 0, null, 1, 0]);
console.log('intake  :', intake.total, intake.band, intake.flags.map((f) => f.code));
console.log('week 12 :', followUp.total, followUp.band, followUp.prorated ? '(prorated)' : '');

// 2. Reliable change for this client, with the published PHQ-9 reliability and clinical SD.
const phq9 = getInstrument('phq9');
const norm = phq9?.norms?.[0];
if (!phq9?.reliability || !norm || !intake.complete || !followUp.complete) throw new Error('unexpected');
const rc = reliableChange(intake.total, followUp.total, { betterIs: 'lower', reliability: phq9.reliability.value, pre: { sd: norm.sd } });
console.log(`reliable change: index ${rc.index.toFixed(2)}, needs ≥ ${rc.minimumReliableChange.toFixed(2)} points → ${rc.category}`);

// 3. A cohort: reliable and clinically significant change (Jacobson–Truax, cut-off c).
const cohort = [
  { id: 'p01', pre: 19, post: 6 }, { id: 'p02', pre: 15, post: 12 }, { id: 'p03', pre: 22, post: 9 },
  { id: 'p04', pre: 12, post: 11 }, { id: 'p05', pre: 17, post: 18 }, { id: 'p06', pre: 14, post: 4 },
  { id: 'p07', pre: 21, post: 20 }, { id: 'p08', pre: 16, post: null }, { id: 'p09', pre: 11, post: 19 },
  { id: 'p10', pre: 18, post: 8 },
];
const result = cohortChange(cohort, {
  approach: 'combined',
  method: 'JT',
  betterIs: 'lower',
  reliability: 0.89,
  cutoff: { type: 'c', functional: { mean: 3.2, sd: 3.5 } },
});
console.log(`cohort: ${result.n.used} of ${result.n.total} complete pairs, cut-off c = ${result.cutoff?.value.toFixed(2)}`);
console.log('categories:', result.counts);

// 4. NHS Talking Therapies rates from first and last PHQ-9 and GAD-7 scores.
const rates = talkingTherapiesRates([
  { phq9: { first: 19, last: 6 }, gad7: { first: 14, last: 5 }, attendedSessions: 10 },
  { phq9: { first: 15, last: 12 }, gad7: { first: 11, last: 9 }, attendedSessions: 8 },
  { phq9: { first: 9, last: 5 }, gad7: { first: 6, last: 4 }, attendedSessions: 6 },
  { phq9: { first: 17, last: 18 }, gad7: { first: 12, last: 16 }, attendedSessions: 7 },
  { phq9: { first: 20, last: 20 }, gad7: { first: 15, last: 15 }, attendedSessions: 1 },
]);
console.log(`recovery rate ${rates.recoveryRate?.toFixed(1)}%, reliable improvement ${rates.reliableImprovementRate?.toFixed(1)}%`);

// 5. Goal Attainment Scaling: three goals, the second weighted double.
console.log('GAS T-score:', gasTScore([1, 1, -1], [1, 2, 1]).toFixed(2));
