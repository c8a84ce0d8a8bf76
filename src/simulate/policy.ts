import type { Policy } from '../engine/context.js';
import { MODALITIES, type ModalityDefinition } from '../case/model/modalities.js';
import { scenarioOf, type Scenario } from './scenario.js';

/**
 * The policy a scenario runs under: its own modalities (those not in the catalogue) registered for
 * the role that delivers them.
 *
 * @example
 * ```ts
 * // A step { modality: 'walk-and-talk', role: 'peer-supporter' }: not in the catalogue.
 * policyFor(scenario).modalities; // [{ name: 'walk-and-talk', roles: ['peer-supporter'], needsConsent: false }]
 * ```
 */
export function policyFor(input: Scenario): Policy {
  const scenario = scenarioOf(input, 'policyFor');
  const known = new Set(MODALITIES.map((m) => m.name));
  const own = new Map<string, ModalityDefinition>();
  for (const p of scenario.pathways) {
    for (const s of p.steps) {
      if (known.has(s.modality)) continue;
      const roles = new Set([...(own.get(s.modality)?.roles ?? []), s.role]);
      own.set(s.modality, { name: s.modality, roles: [...roles], needsConsent: false });
    }
  }
  return own.size === 0 ? {} : { modalities: [...own.values()] };
}
