import { InputCheck } from './input.js';

/** A client's first and last scores of one measure in a course of treatment. */
export interface FirstLast {
  readonly first: number;
  readonly last: number;
}

/** One client's paired PHQ-9 and GAD-7 scores, and how many treatment sessions they attended. */
export interface TalkingTherapiesClient {
  readonly id?: string | number;
  readonly phq9: FirstLast;
  readonly gad7: FirstLast;
  /** Attended treatment sessions; at least two make a finished course. Needed by the cohort rates. */
  readonly attendedSessions?: number;
}

/**
 * How the two measures combine into reliable improvement or deterioration.
 * - `'no-opposite'` (default): one measure reliably better and the other not reliably worse (and the
 *   mirror for deterioration); a mixed pair — one better, one worse — is neither.
 * - `'both'`: both measures must reliably change the same way.
 *
 * The default follows the published NHS Talking Therapies description as far as it was found; the
 * national wording of the combination rule was not found in full, hence the option.
 */
export type CombinationRule = 'no-opposite' | 'both';

/** Options of the NHS Talking Therapies functions; the thresholds are the national ones. */
export interface TalkingTherapiesOptions {
  readonly combination?: CombinationRule;
}

/** One client's NHS Talking Therapies outcome. */
export interface TalkingTherapiesOutcome {
  /** PHQ-9 ≥ 10 or GAD-7 ≥ 8 at the first score. */
  readonly casenessAtStart: boolean;
  readonly casenessAtEnd: boolean;
  readonly reliableImprovement: boolean;
  readonly reliableDeterioration: boolean;
  /** At caseness at the first score and not at the last. */
  readonly recovery: boolean;
  /** Recovery and reliable improvement. */
  readonly reliableRecovery: boolean;
}

const PHQ9 = { caseness: 10, reliable: 6, max: 27 } as const;
const GAD7 = { caseness: 8, reliable: 4, max: 21 } as const;

function checkScore(check: InputCheck, path: (string | number)[], value: unknown, max: number): void {
  if (!check.finite(path, value)) return;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    check.add(path, 'out-of-range', `${path.join('.')} must be a whole number from 0 to ${max}, not ${value}`);
  }
}

function checkClient(check: InputCheck, client: TalkingTherapiesClient, at: (string | number)[]): void {
  if (typeof client !== 'object' || client === null || typeof client.phq9 !== 'object' || typeof client.gad7 !== 'object') {
    check.add(at, 'missing', 'a client needs phq9 and gad7 first and last scores');
    return;
  }
  checkScore(check, [...at, 'phq9', 'first'], client.phq9.first, PHQ9.max);
  checkScore(check, [...at, 'phq9', 'last'], client.phq9.last, PHQ9.max);
  checkScore(check, [...at, 'gad7', 'first'], client.gad7.first, GAD7.max);
  checkScore(check, [...at, 'gad7', 'last'], client.gad7.last, GAD7.max);
}

const COMBINATIONS: readonly CombinationRule[] = ['no-opposite', 'both'];

function checkOptions(check: InputCheck, options: TalkingTherapiesOptions): CombinationRule {
  if (typeof options !== 'object' || options === null) {
    check.object(['options'], options);
    return 'no-opposite';
  }
  const combination: unknown = options.combination ?? 'no-opposite';
  return check.oneOf(['combination'], combination, COMBINATIONS) ? combination : 'no-opposite';
}

function classify(client: TalkingTherapiesClient, combination: CombinationRule): TalkingTherapiesOutcome {
  const phqDrop = client.phq9.first - client.phq9.last;
  const gadDrop = client.gad7.first - client.gad7.last;
  // National thresholds are inclusive: a change of 6 or more (PHQ-9), 4 or more (GAD-7).
  const phqBetter = phqDrop >= PHQ9.reliable;
  const phqWorse = -phqDrop >= PHQ9.reliable;
  const gadBetter = gadDrop >= GAD7.reliable;
  const gadWorse = -gadDrop >= GAD7.reliable;
  const reliableImprovement =
    combination === 'both' ? phqBetter && gadBetter : (phqBetter || gadBetter) && !phqWorse && !gadWorse;
  const reliableDeterioration =
    combination === 'both' ? phqWorse && gadWorse : (phqWorse || gadWorse) && !phqBetter && !gadBetter;
  const casenessAtStart = client.phq9.first >= PHQ9.caseness || client.gad7.first >= GAD7.caseness;
  const casenessAtEnd = client.phq9.last >= PHQ9.caseness || client.gad7.last >= GAD7.caseness;
  const recovery = casenessAtStart && !casenessAtEnd;
  return { casenessAtStart, casenessAtEnd, reliableImprovement, reliableDeterioration, recovery, reliableRecovery: recovery && reliableImprovement };
}

/**
 * NHS Talking Therapies outcome of one client from first and last PHQ-9 and GAD-7 scores: caseness
 * (PHQ-9 ≥ 10 or GAD-7 ≥ 8), reliable improvement and deterioration (a change of ≥ 6 on PHQ-9 or
 * ≥ 4 on GAD-7, combined by {@link CombinationRule}), recovery and reliable recovery.
 *
 * @throws {LifecycleError} `INVALID_INPUT` for scores that are not whole numbers in range.
 * @example
 * ```ts
 * talkingTherapiesOutcome({ phq9: { first: 16, last: 7 }, gad7: { first: 12, last: 6 } });
 * // { casenessAtStart: true, casenessAtEnd: false, reliableImprovement: true,
 * //   reliableDeterioration: false, recovery: true, reliableRecovery: true }
 * ```
 */
export function talkingTherapiesOutcome(client: TalkingTherapiesClient, options: TalkingTherapiesOptions = {}): TalkingTherapiesOutcome {
  const check = new InputCheck('NHS Talking Therapies outcome');
  checkClient(check, client, []);
  const combination = checkOptions(check, options);
  check.done();
  return classify(client, combination);
}

/** Cohort counts and rates of {@link talkingTherapiesRates}. */
export interface TalkingTherapiesRates {
  /** Clients given. */
  readonly referrals: number;
  /** Clients with at least two attended treatment sessions: the national denominator. */
  readonly finishedTreatment: number;
  readonly notAtCasenessAtStart: number;
  readonly recovered: number;
  readonly reliablyImproved: number;
  readonly reliablyDeteriorated: number;
  readonly reliablyRecovered: number;
  /** recovered / (finished treatment − not at caseness at start) × 100; absent when that is 0. */
  readonly recoveryRate?: number;
  /** reliably recovered / (finished treatment − not at caseness at start) × 100. */
  readonly reliableRecoveryRate?: number;
  /** reliably improved / finished treatment × 100. */
  readonly reliableImprovementRate?: number;
  /** reliably deteriorated / finished treatment × 100. */
  readonly reliableDeteriorationRate?: number;
}

/**
 * NHS Talking Therapies cohort rates with the national denominators. A finished course is one with
 * at least two attended treatment sessions; the others are counted as referrals only.
 *
 * @throws {LifecycleError} `INVALID_INPUT` for bad scores or a missing or negative `attendedSessions`.
 * @example
 * ```ts
 * talkingTherapiesRates([
 *   { phq9: { first: 16, last: 7 }, gad7: { first: 12, last: 6 }, attendedSessions: 8 },
 *   { phq9: { first: 12, last: 11 }, gad7: { first: 9, last: 10 }, attendedSessions: 6 },
 *   { phq9: { first: 14, last: 14 }, gad7: { first: 10, last: 10 }, attendedSessions: 1 },
 * ]).recoveryRate; // 50
 * ```
 */
export function talkingTherapiesRates(clients: readonly TalkingTherapiesClient[], options: TalkingTherapiesOptions = {}): TalkingTherapiesRates {
  const check = new InputCheck('NHS Talking Therapies rates');
  if (!Array.isArray(clients)) {
    check.add(['clients'], 'not-array', 'clients must be an array');
    check.done();
  }
  clients.forEach((client, i) => {
    checkClient(check, client, [i]);
    const sessions = client?.attendedSessions;
    if (check.finite([i, 'attendedSessions'], sessions) && (!Number.isInteger(sessions) || sessions < 0)) {
      check.add([i, 'attendedSessions'], 'out-of-range', `attendedSessions must be a whole number ≥ 0, not ${sessions}`);
    }
  });
  const combination = checkOptions(check, options);
  check.done();
  let finished = 0;
  let notAtCaseness = 0;
  let recovered = 0;
  let improved = 0;
  let deteriorated = 0;
  let reliablyRecovered = 0;
  for (const client of clients) {
    if ((client.attendedSessions ?? 0) < 2) continue;
    finished += 1;
    const o = classify(client, combination);
    if (!o.casenessAtStart) notAtCaseness += 1;
    if (o.recovery) recovered += 1;
    if (o.reliableRecovery) reliablyRecovered += 1;
    if (o.reliableImprovement) improved += 1;
    if (o.reliableDeterioration) deteriorated += 1;
  }
  const atCaseness = finished - notAtCaseness;
  const rate = (n: number, d: number): number | undefined => (d > 0 ? (n / d) * 100 : undefined);
  const rates = {
    recoveryRate: rate(recovered, atCaseness),
    reliableRecoveryRate: rate(reliablyRecovered, atCaseness),
    reliableImprovementRate: rate(improved, finished),
    reliableDeteriorationRate: rate(deteriorated, finished),
  };
  return {
    referrals: clients.length,
    finishedTreatment: finished,
    notAtCasenessAtStart: notAtCaseness,
    recovered,
    reliablyImproved: improved,
    reliablyDeteriorated: deteriorated,
    reliablyRecovered,
    ...Object.fromEntries(Object.entries(rates).filter(([, v]) => v !== undefined)),
  };
}
