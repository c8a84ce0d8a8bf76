import type { Actor } from './primitives.js';

/**
 * A recorded fact of an event map `M` (event type → data): what happened (`type`, `data`), to which
 * case, as its `seq`-th event (the case version after it), when, by whom, and why where a reason was
 * given. Each entity types its evolvers with its own map; the engine's `CaseEventOf` is this over
 * every entity's events.
 */
export interface EventOf<M, K extends keyof M & string> {
  readonly type: K;
  readonly caseId: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: Actor;
  readonly data: M[K];
  readonly reason?: string;
}

/** What a decider produces from map `M`: an event before the engine stamps case, seq, time and actor on it. */
export type DraftOf<M> = { [K in keyof M & string]: { readonly type: K; readonly data: M[K]; readonly reason?: string } }[keyof M & string];

/** An event draft of any type, as the engine handles it before knowing which. */
export interface AnyEventDraft {
  readonly type: string;
  readonly data: unknown;
  readonly reason?: string;
}
