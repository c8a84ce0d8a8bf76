import type { Instrument } from '../../measures/instruments/types.js';
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
