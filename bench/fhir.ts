/**
 * FHIR export and import of a long weekly-monitored case (a PHQ-9 with items, a GAD-7 and a session
 * every week for 316 weeks: 1,306 events, the size issue 14 names, 5,454 resources) against its 50 ms
 * limit, on distinct copies of the record and of the Bundle so neither is cache-hot.
 */
import { fromFhir, toFhirBundle } from '../src/fhir/index.js';
import { richCase } from '../test/fhir/rich-case.js';
import { measure, printTable } from './harness.js';

const LIMIT_MS = 50;

export function benchFhir(): void {
  const { record } = richCase(316);
  const copies = Array.from({ length: 16 }, () => JSON.parse(JSON.stringify(record)) as unknown);
  const bundle = toFhirBundle(record);
  const bundles = Array.from({ length: 16 }, () => JSON.parse(JSON.stringify(bundle)) as unknown);
  let i = 0;
  let j = 0;
  const results = [
    measure({ name: `toFhirBundle (${record.events.length} events → ${bundle.entry.length} resources, record validated first)`, run: () => (toFhirBundle(copies[i++ % copies.length]).entry.length > 0 ? 1 : 1) }),
    measure({ name: `fromFhir (that Bundle → record, measurements, goals)`, run: () => (fromFhir(bundles[j++ % bundles.length]).measurements.length > 0 ? 1 : 1) }),
  ];
  printTable('FHIR R4: a weekly-monitored case of ~1,300 events', 'cases', results, results[0]?.name ?? '');
  for (const r of results) {
    const ms = 1000 / r.opsPerSecond;
    console.log(`  ${r.name.split(' (')[0] ?? r.name}: ${ms.toFixed(1)} ms per case (limit ${LIMIT_MS} ms: ${(LIMIT_MS / ms).toFixed(2)}× under it)`);
  }
}
