import type { RISK_LEVELS } from './assessment.js';

/** A risk level, lowest first. */
export type RiskLevel = (typeof RISK_LEVELS)[number];


/** A recorded risk level. High or imminent opens a crisis. */
export interface RiskEntry {
  readonly level: RiskLevel;
  readonly factors: readonly string[];
  readonly at: string;
}

/** An open crisis: an overlay on the case, not a status. */
export interface Crisis {
  readonly since: string;
  readonly level: RiskLevel;
  readonly safetyPlanId: string | null;
}

/** A safety plan with the structure of the Stanley–Brown plan. */
export interface SafetyPlan {
  readonly id: string;
  readonly warningSigns: readonly string[];
  readonly copingStrategies: readonly string[];
  readonly socialContacts: readonly string[];
  readonly professionalContacts: readonly string[];
  readonly meansSafety: readonly string[];
  readonly agreedAt: string;
}

/** The data of a `riskLevelRecorded` event. */
export interface RiskLevelRecordedData {
  readonly level: RiskLevel;
  readonly factors: readonly string[];
  readonly opensCrisis: boolean;
}

/** The data of a `safetyPlanRecorded` event. */
export interface SafetyPlanRecordedData {
  readonly plan: Omit<SafetyPlan, 'agreedAt'>;
  readonly attachesToCrisis: boolean;
}
