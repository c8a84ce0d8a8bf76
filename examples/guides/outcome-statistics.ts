// The outcome-statistics guide's example: two PHQ-9s scored, the change classified (Jacobson–Truax),
// and a goal's attainment on the GAS scale. Runs in CI (npm run examples).
import { gasTScore, getInstrument, reliableChange, scoreInstrument } from 'intervention-lifecycle/measures';

const intake = scoreInstrument('phq9', [3, 2, 2, 3, 1, 2, 1, 2, 1]);
const followUp = scoreInstrument('phq9', [1, 1, 0, 1, 1, 0, null, 1, 0]);
if (!intake.complete || !followUp.complete) throw new Error('both questionnaires are scorable');
console.log(`intake ${intake.total} (${intake.band}, flags ${intake.flags.map((f) => f.code).join(', ')}); follow-up ${followUp.total} (${followUp.band}, prorated ${followUp.prorated})`);

const phq9 = getInstrument('phq9');
const change = reliableChange(intake.total, followUp.total, { betterIs: 'lower', reliability: phq9?.reliability?.value ?? 0.89, pre: { sd: 5.5 } });
console.log(`change ${change.change}, index ${change.index.toFixed(2)} against ±${change.critical.toFixed(2)}: ${change.category}`);

// Two goals on Goal Attainment Scaling: one met as expected (0), one exceeded (+1), equally weighted.
console.log(`GAS T-score ${gasTScore([0, 1]).toFixed(1)}`);
