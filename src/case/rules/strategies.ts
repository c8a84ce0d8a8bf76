import { ruleMessages as say } from '../model/messages.js';
import type { Env } from '../model/context.js';
import { findModality } from '../model/modalities.js';
import type { CaseState } from '../model/state.js';
import type { Strategy } from '../model/strategy.js';
import { own } from '../store/lookup.js';
import { consentToTreat } from './consent.js';

/** What the strategy table's checks read. */
export interface StrategyContext {
  readonly state: CaseState;
  readonly env: Env;
  readonly strategy: Strategy | undefined;
}

/** Treatment (and the modality's own) consent is in force for the strategy. */
export const consentGuard = {
  name: 'consentToTreat',
  check: (_c: unknown, { state, env, strategy }: StrategyContext) => (strategy ? consentToTreat(state, env.at, findModality(strategy.modality, env.policy.modalities)) : true),
};

/** The responsible member is on the team, in a role that delivers the modality. */
export const memberGuard = {
  name: 'responsibleMemberPermitted',
  check: (_c: unknown, { state, env, strategy }: StrategyContext) => {
    if (!strategy) return true;
    const member = own(state.team, strategy.responsibleMemberId);
    if (!member || member.status !== 'active') return say.responsibleMemberPermitted({ memberId: strategy.responsibleMemberId });
    const modality = findModality(strategy.modality, env.policy.modalities);
    if (modality && !modality.roles.includes(member.role)) {
      return say.responsibleMemberPermitted({ memberId: member.id, modality: strategy.modality, roles: modality.roles, role: member.role });
    }
    return true;
  },
};
