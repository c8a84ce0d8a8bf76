import { z } from 'zod';
import { OPEN_CASE_STATUSES } from './model/case.js';
import { textSchema } from './model/primitives.js';
import { accept } from './rules/decision.js';
import { defineEntity, type CommandOfMap } from './rules/entity.js';
import { moveTo } from './store/lookup.js';

export const markEnteredInErrorSchema = z.object({ type: z.literal('markEnteredInError'), reason: textSchema }).strict();

/** Marks the whole case as entered in error (FHIR entered-in-error): it then reports nothing as current. */
export interface MarkEnteredInError {
  type: 'markEnteredInError';
  reason: string;
}

/** Commands that correct the record. */
export type CorrectionCommand = MarkEnteredInError;

/** Events of corrections. */
export interface CorrectionEvents {
  caseMarkedEnteredInError: Record<string, never>;
}

/** Corrections: a case that should never have existed is marked entered in error. */
export const correction = defineEntity<CorrectionCommand, CorrectionEvents>()({
  name: 'correction',
  machine: null,
  statuses: null,
  commands: {
    markEnteredInError: { schema: markEnteredInErrorSchema, roles: ['admin', 'supervisor'], case: { from: [...OPEN_CASE_STATUSES, 'closed'], to: 'entered-in-error' } },
  },
  deciders: {
    markEnteredInError: (_state, c) => accept({ type: 'caseMarkedEnteredInError', data: {}, reason: c.reason }),
  },
  evolvers: {
    // The log keeps everything; only the status says the case should never have existed.
    caseMarkedEnteredInError: (d, e) => {
      d.heldFrom = null;
      d.review = null;
      moveTo(d, 'entered-in-error', e.at);
    },
  },
});

/** For each correction event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const correctionCommandOf: CommandOfMap<CorrectionEvents> = {
  caseMarkedEnteredInError: (e) => ({ type: 'markEnteredInError', reason: e.reason }),
};
