import { NOTE_KINDS, VISIBILITIES, type Note } from './model/note.js';
import { append } from './store/draft.js';
import { z } from 'zod';
import { idSchema, textSchema } from './model/primitives.js';
import { accept, idTaken, notFound, refuse, type Decider, type Evolvers } from './rules/decision.js';
import { byId, own } from './store/lookup.js';
import { seriesOf } from './store/series.js';

export const addNoteSchema = z
  .object({
    type: z.literal('addNote'),
    noteId: idSchema.optional(),
    kind: z.enum(NOTE_KINDS),
    text: textSchema,
    authorMemberId: idSchema,
    visibility: z.enum(VISIBILITIES),
  })
  .strict();

/** Adds a collaboration or education note. */
export type AddNote = z.infer<typeof addNoteSchema>;

/** Events of notes. */
export interface NoteEvents {
  noteAdded: { readonly note: Omit<Note, 'at'> };
}

export const noteDeciders = {
  addNote: ((state, c, env) => {
    const id = c.noteId ?? env.newId();
    if (byId(seriesOf<Note>(state, 'notes'), id) !== undefined) return idTaken('note', id, state.id, 'noteId');
    const author = own(state.team, c.authorMemberId);
    if (author === undefined) return notFound('team member', c.authorMemberId, state.id, 'authorMemberId');
    if (author.status !== 'active') {
      return refuse('GUARD_FAILED', `Cannot addNote for case ${state.id}: author ${c.authorMemberId} is not an active team member`, 'authorOnTeam');
    }
    return accept({ type: 'noteAdded', data: { note: { id, kind: c.kind, text: c.text, authorMemberId: c.authorMemberId, visibility: c.visibility } } });
  }) as Decider<AddNote>,
};

export const noteEvolvers: Evolvers<keyof NoteEvents> = {
  noteAdded: (d, e) => {
    // Spread then extended, an object takes V8's slow path (Node 20): Object.assign does not.
    append(d, 'notes', Object.assign({}, e.data.note, { at: e.at }));
  },
};
