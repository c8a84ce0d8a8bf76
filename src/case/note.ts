import { ruleMessages as say } from './model/messages.js';
import type { NoteAddedData } from './model/note.js';
import { NOTE_KINDS, VISIBILITIES, type Note } from './model/note.js';
import { append } from './store/draft.js';
import { z } from 'zod';
import { idSchema, textSchema, CLINICAL_ROLES } from './model/primitives.js';
import { accept, idTaken, notFound, refuse } from './rules/decision.js';
import { dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, type CommandOfMap } from './rules/entity.js';
import { OPEN_CASE_STATUSES } from './model/case.js';
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
export interface AddNote {
  type: 'addNote';
  kind: 'case-conference' | 'handoff' | 'communication' | 'psychoeducation';
  text: string;
  authorMemberId: string;
  visibility: 'team' | 'clinical-only' | 'client-visible';
  noteId?: string | undefined;
}

/** Events of notes. */
export interface NoteEvents {
  noteAdded: NoteAddedData;
}

/** Commands of notes. */
export type NoteCommand = AddNote;

/** Collaboration and education notes: a time series, written once. */
export const note = defineEntity<NoteCommand, NoteEvents>()({
  name: 'note',
  machine: null,
  statuses: null,
  commands: {
    addNote: { schema: addNoteSchema, roles: [...CLINICAL_ROLES, 'client', 'family-member'], case: { from: [...OPEN_CASE_STATUSES, 'closed'] } },
  },
  deciders: {
  addNote: (state, c, env) => {
    const id = c.noteId ?? env.newId();
    if (byId(seriesOf<Note>(state, 'notes'), id) !== undefined) return idTaken('note', id, state.id, 'noteId');
    const author = own(state.team, c.authorMemberId);
    if (author === undefined) return notFound('team member', c.authorMemberId, state.id, 'authorMemberId');
    if (author.status !== 'active') {
      return refuse('GUARD_FAILED', 'authorOnTeam', { command: c.type, entity: 'case', id: state.id }, say.authorOnTeam({ memberId: c.authorMemberId }));
    }
    return accept({ type: 'noteAdded', data: { note: { id, kind: c.kind, text: c.text, authorMemberId: c.authorMemberId, visibility: c.visibility } } });
  },
  },
  evolvers: {
  noteAdded: (d, e) => {
    // Spread then extended, an object takes V8's slow path (Node 20): Object.assign does not.
    append(d, 'notes', Object.assign({}, e.data.note, { at: e.at }));
  },
},
});

/** For each note event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const noteCommandOf: CommandOfMap<NoteEvents> = {
  noteAdded: (e) => {
    const n = nested(dataOf(e), 'note');
    return { type: 'addNote', noteId: n.id, ...pick(n, 'kind', 'text', 'authorMemberId', 'visibility') };
  },
};
