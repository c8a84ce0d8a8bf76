import { z } from 'zod';
import { textSchema } from './model/primitives.js';
import { accept, type Decider, type Evolvers } from './rules/decision.js';
import { moveTo } from './store/lookup.js';

export const markEnteredInErrorSchema = z.object({ type: z.literal('markEnteredInError'), reason: textSchema }).strict();

/** Marks the whole case as entered in error (FHIR entered-in-error): it then reports nothing as current. */
export type MarkEnteredInError = z.infer<typeof markEnteredInErrorSchema>;

/** Events of corrections. */
export interface CorrectionEvents {
  caseMarkedEnteredInError: Record<string, never>;
}

export const correctionDeciders = {
  markEnteredInError: ((_state, c) => accept({ type: 'caseMarkedEnteredInError', data: {}, reason: c.reason })) as Decider<MarkEnteredInError>,
};

export const correctionEvolvers: Evolvers<keyof CorrectionEvents> = {
  // The log keeps everything; only the status says the case should never have existed.
  caseMarkedEnteredInError: (d, e) => {
    d.heldFrom = null;
    d.review = null;
    moveTo(d, 'entered-in-error', e.at);
  },
};
