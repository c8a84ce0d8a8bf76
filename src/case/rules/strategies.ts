import { ruleMessages as say } from '../model/messages.js';
import type { Env } from '../model/context.js';
import { findModality } from '../model/modalities.js';
import type { CaseState } from '../model/state.js';
import { FAMILY_INTERVENTION, type Strategy } from '../model/strategy.js';
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

/** Whether member `memberId` may be responsible for the strategy: on the team, in a role that delivers its modality. */
function mayBeResponsible(state: CaseState, env: Env, strategy: Strategy, memberId: string) {
  const member = own(state.team, memberId);
  if (!member || member.status !== 'active') return say.responsibleMemberPermitted({ memberId });
  const modality = findModality(strategy.modality, env.policy.modalities);
  if (modality && !modality.roles.includes(member.role)) {
    return say.responsibleMemberPermitted({ memberId: member.id, modality: strategy.modality, roles: modality.roles, role: member.role });
  }
  return true;
}

/** The responsible member is on the team, in a role that delivers the modality. */
export const memberGuard = {
  name: 'responsibleMemberPermitted',
  check: (_c: unknown, { state, env, strategy }: StrategyContext) => (strategy ? mayBeResponsible(state, env, strategy, strategy.responsibleMemberId) : true),
};

/**
 * The guards of reassignStrategy: the new member exists (else NOT_FOUND), may be responsible for
 * the strategy (as its proposal and start require), and is not the one already responsible.
 */
export const reassignGuards = [
  {
    name: 'responsibleMemberPermitted',
    check: (c: { readonly responsibleMemberId: string }, { state, env, strategy }: StrategyContext) => {
      if (own(state.team, c.responsibleMemberId) === undefined) return { code: 'NOT_FOUND' as const, message: say.memberExists({ memberId: c.responsibleMemberId, caseId: state.id }) };
      return !strategy || mayBeResponsible(state, env, strategy, c.responsibleMemberId);
    },
  },
  {
    name: 'newResponsibleMember',
    check: (c: { readonly responsibleMemberId: string }, { strategy }: StrategyContext) =>
      !strategy || c.responsibleMemberId !== strategy.responsibleMemberId || say.newResponsibleMember({ memberId: c.responsibleMemberId, strategyId: strategy.id }),
  },
];

/** A structured family intervention ends with the person's answer, after the meeting took place. */
export const interventionOutcomeGuard = {
  name: 'interventionOutcome',
  check: (c: { readonly interventionOutcome?: string | undefined }, { state, strategy }: StrategyContext) => {
    if (!strategy) return true;
    if (strategy.modality !== FAMILY_INTERVENTION) {
      return c.interventionOutcome === undefined || say.interventionOutcome({ modality: strategy.modality, problem: 'not-family' });
    }
    if (c.interventionOutcome === undefined) return say.interventionOutcome({ modality: strategy.modality, problem: 'missing' });
    return state.sessions.some((s) => s.strategyId === strategy.id && s.status === 'attended') || say.interventionOutcome({ modality: strategy.modality, problem: 'no-meeting', strategyId: strategy.id });
  },
};
