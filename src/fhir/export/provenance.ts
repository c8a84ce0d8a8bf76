import type { CaseEvent } from '../../engine/events.js';
import { OWN, PROVENANCE_AGENT_TYPE } from '../codes.js';
import type { FhirProvenance, FhirReference } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, ExportedType, Mapped } from './context.js';

/** The entity an event's data names, by the field that names it, and the resource it became. */
const SUBJECTS: readonly (readonly [field: string, type: ExportedType])[] = [
  ['measurement', 'Observation'],
  ['goal', 'Goal'],
  ['session', 'Encounter'],
  ['consent', 'Consent'],
];

/** The resources an event touched: always the episode, and the goal, session, measurement or consent it names. */
export function targetsOf(ctx: ExportContext, event: CaseEvent): FhirReference[] {
  const targets = [ctx.ref('EpisodeOfCare', ctx.state.id)];
  const data = event.data as Record<string, unknown>;
  for (const [field, type] of SUBJECTS) {
    const nested = data[field] as { id?: unknown } | undefined;
    const id = typeof data[`${field}Id`] === 'string' ? data[`${field}Id`] : typeof nested === 'object' && nested !== null ? nested.id : undefined;
    if (typeof id === 'string') targets.push(ctx.ref(type, id));
  }
  return targets;
}


/** Each event as a Provenance: what happened (the event type), when, who did it in which role, and why. */
export function toProvenances(ctx: ExportContext): Mapped[] {
  return ctx.events.map((event) => {
    const key = `event-${event.seq}`;
    const resource: FhirProvenance = {
      resourceType: 'Provenance',
      id: fhirId(key),
      target: targetsOf(ctx, event),
      recorded: event.at,
      activity: { coding: [{ system: OWN.event, code: event.type }], text: event.type },
      ...(event.reason === undefined ? {} : { reason: [{ text: event.reason }] }),
      agent: [
        {
          type: { coding: [{ system: PROVENANCE_AGENT_TYPE, code: 'author', display: 'Author' }] },
          role: [{ coding: [{ system: OWN.role, code: event.actor.role }] }],
          who: ctx.person(event.actor.id, event.actor.role),
        },
      ],
    };
    return { key, resource };
  });
}
