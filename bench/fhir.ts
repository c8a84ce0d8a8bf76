/**
 * FHIR export and import of a five-year weekly-monitored case (a PHQ-9 with items and a GAD-7 every
 * week, a session a week: about 1,100 events, 2,800 resources) against the 50 ms limit of issue 14,
 * on distinct copies of the record and of the Bundle so neither is cache-hot.
 */
import { fromFhir, toFhirBundle } from '../src/fhir/index.js';
import { richCase } from '../test/fhir/rich-case.js';
import { measure, printTable } from './harness.js';

const LIMIT_MS = 50;

export function benchFhir(): void {
  const { record } = richCase(260);
  const copies = Array.from({ length: 16 }, () => JSON.parse(JSON.stringify(record)) as unknown);
  const bundle = toFhirBundle(record);
  const bundles = Array.from({ length: 16 }, () => JSON.parse(JSON.stringify(bundle)) as unknown);
  let i = 0;
  let j = 0;
  const results = [
    measure({ name: `toFhirBundle (${record.events.length} events → ${bundle.entry.length} resources, record validated first)`, run: () => (toFhirBundle(copies[i++ % copies.length]).entry.length > 0 ? 1 : 1) }),
    measure({ name: `fromFhir (that Bundle → record, measurements, goals)`, run: () => (fromFhir(bundles[j++ % bundles.length]).measurements.length > 0 ? 1 : 1) }),
  ];
  printTable('FHIR R4: a five-year weekly case', 'cases', results, results[0]?.name ?? '');
  for (const r of results) {
    const ms = 1000 / r.opsPerSecond;
    console.log(`  ${r.name.split(' (')[0] ?? r.name}: ${ms.toFixed(1)} ms per case (limit ${LIMIT_MS} ms: ${(LIMIT_MS / ms).toFixed(2)}× under it)`);
  }
}
