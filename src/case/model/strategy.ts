import type { Setting } from './primitives.js';
import { z } from 'zod';

/** The statuses of a strategy. */
export const STRATEGY_STATUSES = ['proposed', 'planned', 'active', 'suspended', 'completed', 'discontinued'] as const;
/** A strategy's status. */
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/** How often a strategy's sessions happen. */
export const FREQUENCIES = ['once', 'daily', 'twice-weekly', 'weekly', 'fortnightly', 'monthly', 'as-needed'] as const;

export const doseSchema = z
  .object({
    plannedSessions: z.number().int().min(1).max(1000),
    frequency: z.enum(FREQUENCIES),
    sessionMinutes: z.number().int().min(1).max(24 * 60).optional(),
  })
  .strict();

/** The planned dose of a strategy. */
export interface Dose {
  readonly plannedSessions: number;
  readonly frequency: (typeof FREQUENCIES)[number];
  readonly sessionMinutes?: number | undefined;
}

/** An intervention strategy: a modality delivered by a team member toward goals. */
export interface Strategy {
  readonly id: string;
  readonly status: StrategyStatus;
  readonly modality: string;
  readonly description: string;
  readonly goalIds: readonly string[];
  readonly responsibleMemberId: string;
  readonly setting: Setting;
  readonly dose: Dose;
  readonly evidence: { readonly source: string; readonly level: string } | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly statusReason: string | null;
  /** When suspended because a consent was withdrawn: that consent. */
  readonly suspendedByConsentId: string | null;
  /**
   * A structured family intervention's outcome, recorded when it completes: whether the person
   * accepted the help the family meeting offered. Null for every other modality.
   */
  readonly interventionOutcome: InterventionOutcome | null;
}

/** The outcomes of a structured family intervention (DESIGN.md §3). */
export const INTERVENTION_OUTCOMES = ['accepted', 'declined'] as const;
/** A structured family intervention's outcome. */
export type InterventionOutcome = (typeof INTERVENTION_OUTCOMES)[number];

/** The modality whose completion records an accepted / declined outcome. */
export const FAMILY_INTERVENTION = 'structured-family-intervention';

/** The data of a `strategyProposed` event. */
export interface StrategyProposedData {
  readonly strategy: Omit<Strategy, 'status' | 'startedAt' | 'endedAt' | 'statusReason' | 'suspendedByConsentId' | 'interventionOutcome'>;
}

/** The data of a `strategyPlanned` event. */
export interface StrategyPlannedData {
  readonly strategyId: string;
}

/** The data of a `strategyStarted` event. */
export interface StrategyStartedData {
  readonly strategyId: string;
}

/** The data of a `strategySuspended` event. */
export interface StrategySuspendedData {
  readonly strategyId: string;
  readonly consentId?: string;
}

/** The data of a `strategyResumed` event. */
export interface StrategyResumedData {
  readonly strategyId: string;
}

/** The data of a `strategyCompleted` event. */
export interface StrategyCompletedData {
  readonly strategyId: string;
  readonly interventionOutcome?: InterventionOutcome;
}

/** The data of a `strategyDiscontinued` event. */
export interface StrategyDiscontinuedData {
  readonly strategyId: string;
}

/** The data of a `strategyReassigned` event. */
export interface StrategyReassignedData {
  readonly strategyId: string;
  readonly responsibleMemberId: string;
  readonly previousMemberId: string;
}
