import type { BetterIs } from '../direction.js';

/** A severity band: an inclusive range of totals and its label. */
export interface Band {
  readonly min: number;
  readonly max: number;
  readonly label: string;
}

/** An item whose response above `above` raises a flag (PHQ-9 item 9: thoughts of self-harm). */
export interface RiskItem {
  /** 1-based item number. */
  readonly item: number;
  /** A response greater than this raises the flag. */
  readonly above: number;
  readonly code: string;
  readonly message: string;
}

/** How missing items are handled. */
export interface MissingRule {
  /** `'prorate'`: total × items / answered, rounded half up; `'none'`: every item is needed. */
  readonly rule: 'prorate' | 'none';
  /** With `'prorate'`: how many items may be missing. */
  readonly maxMissing: number;
}

/** A published reliability or norm, with its source. */
export interface Reference {
  readonly source: string;
}

/** A standard instrument as data. */
export interface Instrument {
  readonly id: string;
  readonly name: string;
  /** The allowed responses of each item, in order (item 1 first). */
  readonly items: readonly (readonly number[])[];
  readonly range: { readonly min: number; readonly max: number };
  /** Labels of the responses, lowest first, where every item shares one response scale. */
  readonly responseLabels?: readonly string[];
  readonly betterIs: BetterIs;
  /** Bands covering the whole range without overlap. */
  readonly bands: readonly Band[];
  /** Totals at or above this are a case (screen positive); absent where no threshold is standard. */
  readonly caseness?: number;
  readonly riskItems: readonly RiskItem[];
  readonly missing: MissingRule;
  /**
   * LOINC codes where known: the total score, the form (panel), each item by its 1-based number, and
   * the answer codes of a shared response scale by response value (`answers[0]` answers 0).
   */
  readonly loinc?: {
    readonly total?: string;
    readonly form?: string;
    readonly items?: Readonly<Record<number, string>>;
    readonly answers?: readonly string[];
  };
  /** Default reliability (internal consistency) for reliable change, with its source. */
  readonly reliability?: { readonly value: number } & Reference;
  /** Published means and SDs, usable as functional or clinical populations. */
  readonly norms?: readonly ({ readonly population: string; readonly mean: number; readonly sd: number } & Reference)[];
  /** Notes for users (for example how a configurable threshold is chosen). */
  readonly notes?: string;
}

/** A risk flag raised by a response. */
export interface RiskFlag {
  readonly code: string;
  readonly item: number;
  readonly response: number | null;
  readonly message: string;
}

/** The outcome of `scoreInstrument`: either a total, or why there is none. */
export type InstrumentScore =
  | {
      readonly instrumentId: string;
      readonly complete: true;
      readonly total: number;
      readonly band: string;
      /** `null` where the instrument has no caseness threshold. */
      readonly caseness: boolean | null;
      readonly prorated: boolean;
      readonly answered: number;
      readonly flags: readonly RiskFlag[];
    }
  | {
      readonly instrumentId: string;
      readonly complete: false;
      readonly total: null;
      readonly band: null;
      readonly caseness: null;
      readonly prorated: false;
      readonly answered: number;
      readonly flags: readonly RiskFlag[];
      /** Why no total could be given (too many missing items). */
      readonly reason: string;
    };
