import { simulateClient, type SimulatedCase } from './client.js';
import { scenarioOf, type Scenario } from './scenario.js';
import { checkArrivals } from './arrivals.js';
import { policyFor } from './policy.js';

/** Options of {@link simulateCohort}. */
export interface CohortOptions {
  /** The run's seed (a non-negative integer): the same seed gives the same cohort, byte for byte. */
  readonly seed: number;
  /** How many clients the run has (default 1,000). */
  readonly clients?: number;
  /** Only the clients `index ≡ shard.index (mod shard.count)` (default: all). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Called after each client with the number done and the number this call will simulate. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Simulates a cohort, one client at a time, every command through `dispatch` (so every record
 * validates by construction). Yields each client's events and final state as it goes: memory stays
 * constant however many clients there are. Each client draws from a random stream of its own, so a
 * shard yields exactly the clients of the full run that fall in it, identical byte for byte. A
 * scenario that `parseScenario` did not return is parsed first (a scenario as written works).
 *
 * @throws {TypeError} for a scenario `parseScenario` refuses, listing its problems.
 * @throws {RangeError} for a bad seed, count or shard, or clients referred after the year 9998.
 * @example
 * ```ts
 * const parsed = parseScenario({}); // every field has a default
 * if (parsed.ok) for (const c of simulateCohort(parsed.scenario, { seed: 1, clients: 100 })) store(c.events);
 * ```
 */
export function* simulateCohort(input: Scenario, options: CohortOptions): Generator<SimulatedCase> {
  const scenario = scenarioOf(input, 'simulateCohort');
  // A JavaScript caller may leave the options out: the seed is then said to be missing, not a TypeError.
  options ??= {} as CohortOptions;
  const clients = options.clients ?? 1000;
  const shard = options.shard ?? { index: 0, count: 1 };
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new RangeError(`seed must be a non-negative integer, not ${String(options.seed)}`);
  if (!Number.isSafeInteger(clients) || clients < 0) throw new RangeError(`clients must be a non-negative integer, not ${String(clients)}`);
  if (!Number.isSafeInteger(shard.count) || shard.count < 1 || !Number.isSafeInteger(shard.index) || shard.index < 0 || shard.index >= shard.count) {
    throw new RangeError(`shard must be i/n with 0 ≤ i < n, not ${String(shard.index)}/${String(shard.count)}`);
  }
  checkArrivals(scenario, clients);
  const policy = policyFor(scenario);
  const total = shard.index < clients ? Math.ceil((clients - shard.index) / shard.count) : 0;
  let done = 0;
  for (let i = shard.index; i < clients; i += shard.count) {
    yield simulateClient(scenario, options.seed, i, policy);
    options.onProgress?.(++done, total);
  }
}
