import type { Setting } from '../../case/model/primitives.js';
import type { SessionStatus } from '../../case/model/session.js';
import { ACT_CODE, ENCOUNTER_REASON_CANCELLED, OWN, UCUM } from '../codes.js';
import type { FhirCoding, FhirEncounter } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Session status → Encounter.status; a did-not-attend is `cancelled` with R4's reasonCancelled extension.
 *
 * @example
 * ```ts
 * ENCOUNTER_STATUS['did-not-attend']; // 'cancelled' (with the reasonCancelled extension)
 * ```
 */
export const ENCOUNTER_STATUS: Readonly<Record<SessionStatus, FhirEncounter['status']>> = {
  scheduled: 'planned',
  attended: 'finished',
  cancelled: 'cancelled',
  'did-not-attend': 'cancelled',
};

/** Setting → Encounter.class (v3 ActCode): home visits and online sessions have their own; the rest are ambulatory. */
export function encounterClass(setting: Setting): FhirCoding {
  if (setting === 'home') return { system: ACT_CODE, code: 'HH', display: 'home health' };
  if (setting === 'online') return { system: ACT_CODE, code: 'VR', display: 'virtual' };
  return { system: ACT_CODE, code: 'AMB', display: 'ambulatory' };
}

const MINUTE = 60_000;

/** Each session as an Encounter of the episode. */
export function toEncounters(ctx: ExportContext): Mapped[] {
  const { state } = ctx;
  const episode = [ctx.ref('EpisodeOfCare', state.id)];
  return state.sessions.map((session) => {
    const strategy = Object.prototype.hasOwnProperty.call(state.strategies, session.strategyId) ? state.strategies[session.strategyId] : undefined;
    const minutes = strategy?.dose.sessionMinutes;
    const attended = session.status === 'attended';
    const performer = strategy === undefined ? undefined : ctx.member(strategy.responsibleMemberId);
    const end = attended && minutes !== undefined ? new Date(Date.parse(session.scheduledFor) + minutes * MINUTE).toISOString() : undefined;
    const resource: FhirEncounter = {
      resourceType: 'Encounter',
      id: fhirId(session.id),
      identifier: ctx.identifier('Encounter', session.id),
      ...(session.status === 'did-not-attend'
        ? { extension: [{ url: ENCOUNTER_REASON_CANCELLED, valueCodeableConcept: { coding: [{ system: OWN.sessionStatus, code: 'did-not-attend' }], text: 'did not attend' } }] }
        : {}),
      status: state.status === 'entered-in-error' ? 'entered-in-error' : ENCOUNTER_STATUS[session.status],
      class: encounterClass(strategy?.setting ?? state.setting),
      ...(strategy === undefined ? {} : { serviceType: { coding: [{ system: OWN.modality, code: strategy.modality }], text: strategy.modality } }),
      subject: ctx.patient,
      episodeOfCare: episode,
      ...(performer === undefined || performer === ctx.patient ? {} : { participant: [{ individual: performer }] }),
      period: end === undefined ? { start: session.scheduledFor } : { start: session.scheduledFor, end },
      ...(attended && minutes !== undefined ? { length: { value: minutes, unit: 'min', system: UCUM, code: 'min' } } : {}),
    };
    return { key: session.id, resource };
  });
}
