import { LifecycleError } from '../kernel/errors.js';
import type { CaseEvent } from './events.js';
import { openedState, type CaseState, type Draft } from '../case/model/state.js';
import { EVOLVERS } from './registry.js';

/**
 * Applies one event to a mutable state in place (an immer draft, or replay's private copy). Every
 * event moves the version to its `seq` and stamps `updatedAt`.
 */
export function applyEvent(draft: Draft, event: CaseEvent): void {
  const evolver = EVOLVERS.get(event.type);
  if (evolver === undefined) {
    throw new LifecycleError('INVALID_LOG', `Unknown event type ${String(event.type)} at seq ${event.seq}`, {
      issues: [{ path: ['type'], code: 'INVALID_LOG', message: `unknown event type ${String(event.type)}` }],
    });
  }
  evolver(draft, event as never);
  draft.version = event.seq;
  draft.updatedAt = event.at;
}

/** The state a `caseOpened` event creates, at version 1. */
export function createFrom(event: Extract<CaseEvent, { type: 'caseOpened' }>): Draft {
  const state = openedState(event);
  state.version = event.seq;
  return state;
}

export type { CaseState };
