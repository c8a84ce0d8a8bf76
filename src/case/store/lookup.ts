import { type Series, itemAt } from './series.js';
import { positionOf } from './series-index.js';
import type { Draft } from '../model/state.js';
import type { CaseStatus } from '../model/case.js';
import { append } from './draft.js';
/** The entry with this id in an array of entities (through the series' index: no scan). */
export function byId<T extends { readonly id: string }>(list: Series<T>, id: string): T | undefined {
  const at = positionOf(list, id);
  return at === -1 ? undefined : itemAt(list, at);
}

/** An own entry of a record by id; never an inherited member such as `constructor`. */
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, id) ? record[id] : undefined;
}

/** Moves the case to a status and records it in the history. */
export function moveTo(draft: Draft, status: CaseStatus, at: string): void {
  draft.status = status;
  append(draft, 'statusHistory', { status, at });
}
