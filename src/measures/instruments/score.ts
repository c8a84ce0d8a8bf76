import { InputCheck } from '../input.js';
import { getInstrument } from './registry.js';
import type { Instrument, InstrumentScore, RiskFlag } from './types.js';

/** Options of {@link scoreInstrument}. */
export interface ScoreOptions {
  /**
   * Another caseness threshold (PCL-5: 31–33 are published). A band that starts at the default
   * threshold starts at this one instead, so band and caseness agree.
   */
  readonly casenessThreshold?: number;
}

function bandOf(instrument: Instrument, total: number, threshold: number | undefined): string {
  const bands = instrument.bands;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i];
    if (band === undefined) continue;
    let { min, max } = band;
    if (threshold !== undefined && instrument.caseness !== undefined) {
      if (min === instrument.caseness) min = threshold;
      if (max === instrument.caseness - 1) max = threshold - 1;
    }
    if (total >= min && total <= max) return band.label;
  }
  // Unreachable for a validated instrument: bands cover the range.
  throw new RangeError(`${instrument.id}: no band holds ${total}`);
}

function flagsOf(instrument: Instrument, responses: readonly (number | null | undefined)[]): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const risk of instrument.riskItems) {
    const response = responses[risk.item - 1];
    if (response === null || response === undefined) {
      flags.push({ code: 'risk-item-unanswered', item: risk.item, response: null, message: `Item ${risk.item} (${risk.code}) was not answered: ask it directly` });
    } else if (response > risk.above) {
      flags.push({ code: risk.code, item: risk.item, response, message: risk.message });
    }
  }
  return flags;
}

/**
 * Scores an instrument's item responses: total, band, caseness, risk flags (PHQ-9 item 9 > 0), and
 * whether the total was prorated. `null` or `undefined` marks a missing item; PHQ-9 and GAD-7 are
 * prorated when at most one item is missing (total × items / answered, rounded half up); with more
 * missing, or any missing on the other instruments, there is no total and `reason` says why.
 *
 * @throws {LifecycleError} `INVALID_INPUT` for an unknown instrument, the wrong number of responses
 *   or a response the item does not allow.
 * @example
 * ```ts
 * const s = scoreInstrument('phq9', [2, 2, 1, 2, 1, 1, 1, 1, 1]);
 * s.total; // 12
 * s.band; // 'moderate'
 * s.caseness; // true
 * s.flags[0]?.code; // 'self-harm-thoughts'
 * ```
 */
export function scoreInstrument(id: string, responses: readonly (number | null | undefined)[], options: ScoreOptions = {}): InstrumentScore {
  const check = new InputCheck(`Scoring ${String(id)}`);
  const instrument = typeof id === 'string' ? getInstrument(id) : undefined;
  if (instrument === undefined) {
    check.add(['instrumentId'], 'unknown-instrument', `there is no instrument ${String(id)}; register it first`);
    check.done();
    throw new Error('unreachable');
  }
  if (!Array.isArray(responses) || responses.length !== instrument.items.length) {
    const got = Array.isArray(responses) ? `${responses.length} responses` : typeof responses;
    check.add(['responses'], 'wrong-length', `${instrument.id} has ${instrument.items.length} items, got ${got}`);
    check.done();
  }
  const threshold = options.casenessThreshold;
  if (threshold !== undefined && check.finite(['casenessThreshold'], threshold)) {
    if (instrument.caseness === undefined) check.add(['casenessThreshold'], 'no-caseness', `${instrument.id} has no caseness threshold to replace`);
    else if (!Number.isInteger(threshold) || threshold <= instrument.range.min || threshold > instrument.range.max) {
      check.add(['casenessThreshold'], 'out-of-range', `casenessThreshold must be a whole number inside ${instrument.range.min + 1}–${instrument.range.max}`);
    }
  }
  let total = 0;
  let answered = 0;
  responses.forEach((response, i) => {
    if (response === null || response === undefined) return;
    const allowed = instrument.items[i] ?? [];
    if (typeof response !== 'number' || !allowed.includes(response)) {
      // A string "3" is named as one: "not 3" would read as a contradiction.
      check.add(['responses', i], 'out-of-range', `item ${i + 1} of ${instrument.id} allows ${allowed.join(', ')}, not ${typeof response === 'string' ? `the string ${JSON.stringify(response)}` : String(response)}`);
      return;
    }
    total += response;
    answered += 1;
  });
  check.done();

  const flags = flagsOf(instrument, responses);
  const items = instrument.items.length;
  const missing = items - answered;
  const allowedMissing = instrument.missing.rule === 'prorate' ? instrument.missing.maxMissing : 0;
  if (missing > allowedMissing) {
    const reason =
      allowedMissing === 0
        ? `${missing} of ${items} items are missing; ${instrument.id} needs every item`
        : `${missing} of ${items} items are missing; ${instrument.id} can be prorated with at most ${allowedMissing} missing`;
    return { instrumentId: instrument.id, complete: false, total: null, band: null, caseness: null, prorated: false, answered, flags, reason };
  }
  // total × items / answered, rounded half up, in integers so no floating error can tip the rounding.
  const final = missing === 0 ? total : Math.floor((2 * total * items + answered) / (2 * answered));
  const cut = threshold ?? instrument.caseness;
  return {
    instrumentId: instrument.id,
    complete: true,
    total: final,
    band: bandOf(instrument, final, threshold),
    caseness: cut === undefined ? null : final >= cut,
    prorated: missing > 0,
    answered,
    flags,
  };
}

/** A total placed in its instrument's bands. */
export interface TotalDescription {
  readonly instrumentId: string;
  readonly total: number;
  readonly band: string;
  readonly caseness: boolean | null;
}

/**
 * Places a total (entered directly, without item responses) in its instrument's bands and caseness.
 *
 * @throws {LifecycleError} `INVALID_INPUT` for an unknown instrument or a total outside its range.
 * @example
 * ```ts
 * describeTotal('phq9', 12); // { instrumentId: 'phq9', total: 12, band: 'moderate', caseness: true }
 * ```
 */
export function describeTotal(id: string, total: number, options: ScoreOptions = {}): TotalDescription {
  const check = new InputCheck(`Describing a ${String(id)} total`);
  const instrument = typeof id === 'string' ? getInstrument(id) : undefined;
  if (instrument === undefined) {
    check.add(['instrumentId'], 'unknown-instrument', `there is no instrument ${String(id)}; register it first`);
    check.done();
    throw new Error('unreachable');
  }
  if (check.finite(['total'], total) && (!Number.isInteger(total) || total < instrument.range.min || total > instrument.range.max)) {
    check.add(['total'], 'out-of-range', `a ${instrument.id} total is a whole number from ${instrument.range.min} to ${instrument.range.max}, not ${total}`);
  }
  check.done();
  const cut = options.casenessThreshold ?? instrument.caseness;
  return { instrumentId: instrument.id, total, band: bandOf(instrument, total, options.casenessThreshold), caseness: cut === undefined ? null : total >= cut };
}
