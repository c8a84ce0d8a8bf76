import { LifecycleError } from '../kernel/errors.js';
import { assessmentEvolvers } from '../case/assessment.js';
import { consentEvolvers } from '../case/consent.js';
import { evaluationEvolvers } from '../case/evaluation.js';
import type { CaseEvent, EventType } from './events.js';
import { goalEvolvers } from '../case/goal.js';
import { lifecycleEvolvers, openedState } from '../case/case.js';
import { noteEvolvers } from '../case/note.js';
import { planEvolvers } from '../case/plan.js';
import { sessionEvolvers } from '../case/session.js';
import type { Evolver } from '../case/rules/decision.js';
import type { CaseState, Draft } from '../case/model/state.js';
import { strategyEvolvers } from '../case/strategy.js';
import { teamEvolvers } from '../case/team.js';
import { crisisEvolvers } from '../case/crisis.js';
import { correctionEvolvers } from '../case/correction.js';
import { measurementEvolvers } from '../case/measurement.js';

const evolvers: { readonly [K in Exclude<EventType, 'caseOpened'>]: Evolver<K> } = {
  ...lifecycleEvolvers,
  ...planEvolvers,
  ...assessmentEvolvers,
  ...goalEvolvers,
  ...strategyEvolvers,
  ...sessionEvolvers,
  ...teamEvolvers,
  ...noteEvolvers,
  ...consentEvolvers,
  ...evaluationEvolvers,
  ...crisisEvolvers,
  ...correctionEvolvers,
  ...measurementEvolvers,
};

// The evolvers in a Map, built on first use: faster than a keyed read of an object with this many
// keys, and never finds Object.prototype members for an event type such as "constructor".
let byType: ReadonlyMap<string, Evolver<EventType>> | undefined;
function evolversByType(): ReadonlyMap<string, Evolver<EventType>> {
  byType ??= new Map(Object.entries(evolvers) as [string, Evolver<EventType>][]);
  return byType;
}

/**
 * Applies one event to a mutable state in place (an immer draft, or replay's private copy). Every
 * event moves the version to its `seq` and stamps `updatedAt`.
 */
export function applyEvent(draft: Draft, event: CaseEvent): void {
  const evolver = evolversByType().get(event.type);
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
