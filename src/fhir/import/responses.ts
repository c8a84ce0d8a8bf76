import type { Instrument, RiskItem } from '../../measures/instruments/types.js';
import type { IssueLog } from './issues.js';

/**
 * One form's item responses as they are read. An item answered twice with different values (two
 * answers to a single-choice item, or the item twice) is left unanswered and reported: neither
 * reading can be trusted, and for a risk item an unanswered one asks the clinician to ask again,
 * where keeping either could read "more than half the days" as "not at all".
 */
export class Responses {
  readonly values: (number | null)[];
  private readonly ambiguous = new Set<number>();
  private readonly answered = new Set<number>();
  constructor(
    private readonly instrument: Instrument,
    private readonly log: IssueLog,
  ) {
    this.values = instrument.items.map(() => null);
  }

  /** Item `n`'s response (undefined where it could not be read, already reported). */
  set(n: number, value: number | undefined, path: string): void {
    if (value === undefined || this.ambiguous.has(n)) return;
    const before = this.values[n - 1];
    if (this.answered.has(n) && before !== value) {
      this.ambiguous.add(n);
      this.values[n - 1] = null;
      this.log.add(path, 'AMBIGUOUS_ANSWER', `item ${n} of the ${this.instrument.name} is answered both ${String(before)} and ${value}: left unanswered`, 'warning');
      return;
    }
    this.answered.add(n);
    this.values[n - 1] = value;
  }
}

/**
 * Reports a risk item answered above its threshold (PHQ-9 item 9 above 0) in a resource not filed
 * because it is unfinished: a client who wrote it must not go unseen because the form was not completed.
 */
export function riskAnswerUnfiled(log: IssueLog, path: string, instrument: Instrument, risk: RiskItem, response: number, status: string, what: string): void {
  if (response <= risk.above) return;
  log.add(path, 'RISK_ANSWER_UNFILED', `item ${risk.item} (${risk.code}) of this ${status} ${instrument.name} is answered ${response}: the ${what} is not filed as a measurement, so see that a clinician acts on it`);
}
