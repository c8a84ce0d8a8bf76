import type { Measurement } from '../case/model/measurement.js';
import type { CaseState } from '../case/model/state.js';
import { getInstrument } from '../measures/instruments/registry.js';
import { seriesOf } from '../case/store/series.js';
import { latestMeasurements } from '../case/store/series-tallies.js';
import type { RiskItem } from '../measures/instruments/types.js';

/** Where a registered risk item stands in a case: answered above its threshold, or never answered. */
export interface RiskItemStatus {
  readonly instrumentId: string;
  readonly item: RiskItem;
  /**
   * `raised`: the latest answer is above the threshold and no risk review followed it; `implied`: the
   * same, the latest answer being a total entered alone that needs the item above its threshold (a
   * PHQ-9 of 25 or more); `unanswered`: the latest measurement left it blank.
   */
  readonly status: 'raised' | 'implied' | 'unanswered';
  readonly measurement: Measurement;
}

/**
 * The risk items (PHQ-9 item 9 and any an app registers) that need a clinician's attention. Unknown
 * is not zero: a later measurement that does not answer the item (a total entered alone, or the item
 * left blank) never clears an earlier answer above the threshold. A raised item stays raised until a
 * later measurement answers it at or below the threshold, or a clinician records a risk review
 * (`recordRiskLevel`, any level) after the answer was recorded. A total entered alone that the other
 * items cannot reach (a PHQ-9 of 25 to 27) stands for such an answer: the item was above its
 * threshold, or blank with the total prorated, and neither is a known 0.
 */
export function riskItemStatuses(state: CaseState): RiskItemStatus[] {
  const out: RiskItemStatus[] = [];
  // Kept beside the series (series-tallies.ts): the latest valid measurement of each instrument, and
  // the latest that answered each item, by time taken; no scan or sort of the series here.
  const latest = latestMeasurements(seriesOf<Measurement>(state, 'measurements'));
  const lastReview = state.riskHistory.length === 0 ? '' : (state.riskHistory[state.riskHistory.length - 1] as { at: string }).at;
  for (const [instrumentId, newest] of latest.byInstrument) {
    const instrument = getInstrument(instrumentId);
    if (instrument === undefined || instrument.riskItems.length === 0) continue;
    const answering = latest.answering.get(instrumentId);
    for (const item of instrument.riskItems) {
      const answered = answering?.[item.item - 1];
      const response = answered?.responses?.[item.item - 1];
      // A total alone stands in the answers only where it implies the item above its threshold.
      if (answered !== undefined && (answered.responses === null || (typeof response === 'number' && response > item.above)) && !(lastReview > answered.recordedAt)) {
        out.push({ instrumentId, item, status: answered.responses === null ? 'implied' : 'raised', measurement: answered });
      } else if (newest.responses !== null && (newest.responses[item.item - 1] ?? null) === null) {
        out.push({ instrumentId, item, status: 'unanswered', measurement: newest });
      }
    }
  }
  return out;
}
