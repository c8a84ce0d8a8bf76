import type { CaseState } from '../model/state.js';

/**
 * Whether a person speaks for the client: the client, or a family member who is an active member of
 * the care team (who may consent and agree goals on the client's behalf).
 */
export function speaksForClient(state: CaseState, personId: string): boolean {
  if (personId === state.clientId) return true;
  for (const id in state.team) {
    const m = state.team[id];
    if (m !== undefined && m.status === 'active' && m.role === 'family-member' && m.personId === personId) return true;
  }
  return false;
}
