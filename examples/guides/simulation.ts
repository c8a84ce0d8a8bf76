// The simulation guide's example: a small cohort of the shipped stepped-care scenario, its outcome
// table, and the recovery rate on the PHQ-9. Runs in CI (npm run examples).
import { readFileSync } from 'node:fs';
import { outcomeTable, parseScenario, simulateCohort, summarise } from 'intervention-lifecycle/simulate';

const parsed = parseScenario(JSON.parse(readFileSync('scenarios/stepped-care.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));

const states = [...simulateCohort(parsed.scenario, { seed: 7, clients: 200 })].map((c) => c.state);
const rows = outcomeTable(states);
const phq9 = summarise(rows, 'phq9', 10);
console.log(`${rows.length} cases with research consent; on the PHQ-9:`, phq9.counts);
const r = phq9.recoveryRate;
if (r) console.log(`recovery ${(r.value * 100).toFixed(1)}% of ${r.of} at caseness (95% CI ${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)}%)`);
