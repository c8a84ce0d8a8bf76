import { listInstruments } from '../../measures/instruments/registry.js';
import type { Instrument } from '../../measures/instruments/types.js';
import { OWN, SNOMED_CT, SNOMED_TOTALS } from '../codes.js';
import { codings } from './values.js';

/** The instruments as the import looks them up: by LOINC total, form and item code, by SNOMED CT total, and by our own id. */
export interface InstrumentIndex {
  byTotal(code: string): Instrument | undefined;
  byForm(code: string): Instrument | undefined;
  /** The instruments with this item code, and the item's 1-based number in each. */
  byItem(code: string): readonly { instrument: Instrument; item: number }[];
  /** The instrument a CodeableConcept names with our own system, or whose total it names in SNOMED CT. */
  byOwn(concept: unknown): Instrument | undefined;
  /** The one instrument whose items include every code given (the smallest, where several do). */
  forItems(codes: readonly string[]): Instrument | undefined;
}

/** Indexes the registered instruments (an app's own included) for one import. */
export function indexInstruments(): InstrumentIndex {
  const all = listInstruments();
  const totals = new Map<string, Instrument>();
  const forms = new Map<string, Instrument>();
  const items = new Map<string, { instrument: Instrument; item: number }[]>();
  const ids = new Map<string, Instrument>();
  for (const instrument of all) {
    ids.set(instrument.id, instrument);
    const loinc = instrument.loinc;
    if (loinc?.total !== undefined) totals.set(loinc.total, instrument);
    if (loinc?.form !== undefined) forms.set(loinc.form, instrument);
    for (const [n, code] of Object.entries(loinc?.items ?? {})) {
      const list = items.get(code) ?? [];
      list.push({ instrument, item: Number(n) });
      items.set(code, list);
    }
  }
  return {
    byTotal: (code) => totals.get(code),
    byForm: (code) => forms.get(code),
    byItem: (code) => items.get(code) ?? [],
    byOwn: (concept) => {
      for (const c of codings(concept)) {
        const id = c.code === undefined ? undefined : c.system === OWN.instrument ? c.code : c.system === SNOMED_CT && Object.hasOwn(SNOMED_TOTALS, c.code) ? SNOMED_TOTALS[c.code] : undefined;
        const instrument = id === undefined ? undefined : ids.get(id);
        if (instrument !== undefined) return instrument;
      }
      return undefined;
    },
    forItems: (codes) => {
      const candidates = all.filter((i) => codes.length > 0 && codes.every((code) => Object.values(i.loinc?.items ?? {}).includes(code)));
      return candidates.sort((a, b) => a.items.length - b.items.length)[0];
    },
  };
}
