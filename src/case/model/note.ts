export const NOTE_KINDS = ['case-conference', 'handoff', 'communication', 'psychoeducation'] as const;
export const VISIBILITIES = ['team', 'clinical-only', 'client-visible'] as const;

/** A recorded collaboration or education note. Notes are never edited. */
export interface Note {
  readonly id: string;
  readonly kind: (typeof NOTE_KINDS)[number];
  readonly text: string;
  readonly authorMemberId: string;
  readonly visibility: (typeof VISIBILITIES)[number];
  readonly at: string;
}

/** The data of a `noteAdded` event. */
export interface NoteAddedData {
  readonly note: Omit<Note, 'at'>;
}
