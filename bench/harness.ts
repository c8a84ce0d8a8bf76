/**
 * A tiny benchmark harness: each case runs for a warm-up, then for several timed rounds; the median
 * round counts (the best round flatters whichever case was lucky once). Results are rates, printed
 * as a table with ratios against a named baseline. Never used to fail CI.
 */
import { performance } from 'node:perf_hooks';

export interface BenchCase {
  readonly name: string;
  /** Runs one batch and returns how many operations it did. */
  readonly run: () => number;
}

export interface BenchResult {
  readonly name: string;
  readonly opsPerSecond: number;
}

export function measure(bench: BenchCase, rounds = 7, minMs = 300): BenchResult {
  return measureInterleaved([bench], rounds, minMs)[0] as BenchResult;
}

/**
 * Measures several cases in interleaved rounds (A, B, C, A, B, C, …) after warming each up, so a
 * machine that speeds up or slows down during the run affects every case alike and the ratios
 * between them stay meaningful; the median round of each case counts.
 */
export function measureInterleaved(cases: readonly BenchCase[], rounds = 7, minMs = 300): BenchResult[] {
  for (const bench of cases) {
    const deadline = performance.now() + 1000;
    while (performance.now() < deadline) bench.run();
  }
  const rates: number[][] = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    cases.forEach((bench, i) => {
      let ops = 0;
      const start = performance.now();
      let elapsed: number;
      do {
        ops += bench.run();
        elapsed = performance.now() - start;
      } while (elapsed < minMs);
      (rates[i] as number[]).push((ops / elapsed) * 1000);
    });
  }
  return cases.map((bench, i) => ({ name: bench.name, opsPerSecond: median(rates[i] as number[]) }));
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1);
}

export function printTable(title: string, unit: string, results: readonly BenchResult[], baseline: string): void {
  const base = results.find((r) => r.name === baseline)?.opsPerSecond ?? Number.NaN;
  console.log(`\n${title}`);
  const width = Math.max(...results.map((r) => r.name.length), 10);
  console.log(`  ${'case'.padEnd(width)}  ${(unit + '/s').padStart(12)}  ${('× ' + baseline).padStart(14)}`);
  for (const r of results) {
    console.log(`  ${r.name.padEnd(width)}  ${fmt(r.opsPerSecond).padStart(12)}  ${(r.opsPerSecond / base).toFixed(2).padStart(14)}`);
  }
}
