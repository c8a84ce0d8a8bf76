/**
 * When each client is referred: client i arrives once i clients have arrived before, at the
 * scenario's weekly rate — one rate throughout, or a rate for each week in turn (demand that grows,
 * falls or follows the seasons), the last carrying on.
 */
import type { Scenario } from './scenario.js';

const WEEK = 7 * 86_400_000;

interface Schedule {
  readonly rates: readonly number[];
  /** cumulative[w]: the clients referred before week w (length rates.length + 1). */
  readonly cumulative: readonly number[];
}

// One schedule per scenario's rates (a run asks for it once a client).
const SCHEDULES = new WeakMap<readonly number[], Schedule>();

function scheduleOf(rates: readonly number[]): Schedule {
  let s = SCHEDULES.get(rates);
  if (s === undefined) {
    const cumulative = [0];
    for (const r of rates) cumulative.push((cumulative[cumulative.length - 1] as number) + r);
    s = { rates, cumulative };
    SCHEDULES.set(rates, s);
  }
  return s;
}

/**
 * The week (from the start, fractional) in which client `index` is referred, and that week's rate:
 * the clients of a week arrive evenly spread through it.
 */
export function arrivalWeek(arrivalsPerWeek: Scenario['arrivalsPerWeek'], index: number): { readonly week: number; readonly rate: number } {
  if (typeof arrivalsPerWeek === 'number') return { week: index / arrivalsPerWeek, rate: arrivalsPerWeek };
  const { rates, cumulative } = scheduleOf(arrivalsPerWeek);
  const n = rates.length;
  const total = cumulative[n] as number;
  if (index >= total) {
    // Past the listed weeks, the last rate carries on (the schema makes it positive).
    const last = rates[n - 1] as number;
    const w = Math.floor((index - total) / last);
    return { week: n + w + (index - total - w * last) / last, rate: last };
  }
  // The week w with cumulative[w] ≤ index < cumulative[w + 1] (weeks with no arrivals are passed over).
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((cumulative[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  const rate = rates[lo] as number;
  return { week: lo + (index - (cumulative[lo] as number)) / rate, rate };
}

/** The instant client `index` is referred: its arrival week, jittered by up to half a client's interval. */
export function referralTime(scenario: Scenario, index: number, jitter: number): number {
  const { week, rate } = arrivalWeek(scenario.arrivalsPerWeek, index);
  return Date.parse(`${scenario.startDate}T09:00:00.000Z`) + week * WEEK + jitter * (WEEK / rate) * 0.5;
}

// Instants are written with four-digit years (as the engine and FHIR take them).
const LATEST = Date.UTC(9999, 0, 1);

/**
 * Refuses a run whose last client would be followed past the year 9998 (too many clients for a low
 * rate, or a start too late): better said before the first record than as a refusal half-way.
 *
 * @throws {RangeError} naming the client and what to change.
 */
export function checkArrivals(scenario: Scenario, clients: number): void {
  if (clients <= 0) return;
  const followedTo = referralTime(scenario, clients - 1, 1) + (scenario.weeks + 2) * WEEK;
  if (!(followedTo < LATEST)) {
    throw new RangeError(`client ${clients} would be followed past the year 9998 (startDate ${scenario.startDate}, arrivalsPerWeek ${JSON.stringify(scenario.arrivalsPerWeek)}): simulate fewer clients, or give a higher rate or an earlier start`);
  }
}
