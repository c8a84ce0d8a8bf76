import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cohortChange, type ChangeMethod, type ScorePair } from '../../src/measures/index.js';

// The R package clinicalsignificance's claus_2020 data and the counts it prints. Read from
// ../shared beside the checkout; never copied into the project (it is the peer's data).
const folder = fileURLToPath(new URL('../../../shared/conformance/clinicalsignificance/', import.meta.url));
const present = existsSync(`${folder}expected.csv`) && existsSync(`${folder}claus_2020_long.csv`);

function readCsv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i] ?? `col${i}`, v])));
}

function pairs(data: Record<string, string>[], outcome: string, preTime: string, postTime: string): ScorePair[] {
  const byId = new Map<string, { pre?: number | undefined; post?: number | undefined }>();
  for (const row of data) {
    const id = row['id'] ?? '';
    const entry = byId.get(id) ?? {};
    const raw = row[outcome];
    const value = raw === undefined || raw === '' || raw === 'NA' ? undefined : Number(raw);
    if (row['time'] === preTime) entry.pre = value;
    if (row['time'] === postTime) entry.post = value;
    byId.set(id, entry);
  }
  return [...byId].map(([id, e]) => ({ id, pre: e.pre, post: e.post }));
}

const num = (s: string | undefined): number | undefined => (s === undefined || s === '' ? undefined : Number(s));

describe.skipIf(!present)('conformance with the R package clinicalsignificance (claus_2020)', () => {
  const data = present ? readCsv(`${folder}claus_2020_long.csv`) : [];
  const expected = present ? readCsv(`${folder}expected.csv`) : [];

  it('has expected rows to check', () => {
    expect(expected.length).toBeGreaterThan(10);
  });

  for (const row of expected) {
    const title = `${row['outcome']} ${row['approach']} ${row['method']}`;
    it(title, () => {
      const approach = row['approach'] as 'distribution' | 'combined' | 'statistical';
      const functionalMean = num(row['m_functional']);
      const functionalSd = num(row['sd_functional']);
      const reliability = num(row['reliability']);
      const reliabilityPost = num(row['reliability_post']);
      const result = cohortChange(pairs(data, row['outcome'] ?? '', row['pre_time'] ?? '', row['post_time'] ?? ''), {
        approach,
        method: row['method'] as ChangeMethod,
        betterIs: row['better_is'] as 'lower' | 'higher',
        ...(reliability === undefined ? {} : { reliability }),
        ...(reliabilityPost === undefined ? {} : { reliabilityPost }),
        ...(row['cutoff']
          ? {
              cutoff: {
                type: row['cutoff'] as 'a' | 'b' | 'c',
                ...(functionalMean !== undefined && functionalSd !== undefined ? { functional: { mean: functionalMean, sd: functionalSd } } : {}),
              },
            }
          : {}),
      });
      const want: Record<string, number> = {};
      const got: Record<string, number> = {};
      for (const category of ['recovered', 'improved', 'unchanged', 'deteriorated', 'harmed'] as const) {
        const n = num(row[category]);
        if (n === undefined) continue;
        want[category] = n;
        got[category] = result.counts[category];
      }
      expect(got).toEqual(want);
    });
  }

  it('reproduces the statistical cut-off c for BDI and its clinical descriptives', () => {
    const result = cohortChange(pairs(data, 'bdi', '1', '4'), {
      approach: 'statistical',
      betterIs: 'lower',
      cutoff: { type: 'c', functional: { mean: 7, sd: 7 } },
    });
    expect(result.cutoff?.value.toFixed(2)).toBe('20.15');
    expect(result.reference.pre.mean.toFixed(2)).toBe('35.48');
    expect(result.reference.pre.sd.toFixed(2)).toBe('8.16');
  });

  it('reproduces the HA group-level proportions for HAM-D', () => {
    const result = cohortChange(pairs(data, 'hamd', '1', '4'), {
      approach: 'combined',
      method: 'HA',
      betterIs: 'lower',
      reliability: 0.8,
      cutoff: { type: 'c', functional: { mean: 8, sd: 8 } },
    });
    expect(result.n).toEqual({ total: 43, used: 40, excluded: 3 });
    expect(result.groupLevel?.changed.toFixed(2)).toBe('0.90');
    expect(result.groupLevel?.functional.toFixed(2)).toBe('0.76');
  });
});

if (!present) {
  describe('conformance with the R package clinicalsignificance', () => {
    it.skip(`skipped: ${folder} is absent (it sits beside the checkout on development and CI machines)`, () => {});
  });
}
