import type { Instrument, RiskItem } from './types.js';

/**
 * The total above which a total entered alone needs a risk item above its threshold: the other
 * items, all at their highest, reach the range's top less the item's highest response (an
 * instrument's range is its items' sum). A PHQ-9 above 24 needs item 9 above 0, or item 9 left
 * blank and the total prorated; either way it is not a known 0.
 */
export const impliedAbove = (instrument: Instrument, risk: RiskItem): number => instrument.range.max - Math.max(...(instrument.items[risk.item - 1] ?? [])) + risk.above;
