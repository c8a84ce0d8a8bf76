/** The statuses of a needs assessment. */
export const ASSESSMENT_STATUSES = ['in-progress', 'completed'] as const;
/** An assessment's status. */
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_METHODS = ['interview', 'observation', 'standardized-instrument', 'records-review', 'collateral'] as const;
export const NEED_DOMAINS = [
  'psychological',
  'emotional',
  'behavioural',
  'social',
  'physical',
  'occupational',
  'educational',
  'housing',
  'financial',
  'substance-use',
  'family',
  'safety',
  'other',
] as const;
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;

/** A need found in an assessment. Severity and priority run from 1 (least) to 5 (most). */
export interface Need {
  readonly id: string;
  readonly domain: (typeof NEED_DOMAINS)[number];
  readonly description: string;
  readonly severity: number;
  readonly priority: number;
  /** Measurement ids or short notes that support the need. */
  readonly evidence: readonly string[];
}

/** A strength of the client or their circumstances. */
export interface Strength {
  readonly id: string;
  readonly description: string;
  readonly domain: (typeof NEED_DOMAINS)[number] | null;
}

/** What the client wants, in their own words. */
export interface ClientPriority {
  readonly id: string;
  readonly text: string;
  readonly recordedAt: string;
}

/** Language, interpreter and beliefs that shape how care is given. */
export interface CulturalConsiderations {
  readonly language?: string;
  readonly interpreterNeeded?: boolean;
  readonly beliefsAndPreferences?: string;
  readonly notes?: string;
}

/** The result of a risk screen. */
export interface RiskScreen {
  readonly level: (typeof RISK_LEVELS)[number];
  readonly factors: readonly string[];
  readonly at: string;
}

/** A needs assessment: needs, strengths, the client's priorities, culture and risk. */
export interface NeedsAssessment {
  readonly id: string;
  readonly status: AssessmentStatus;
  readonly methods: readonly (typeof ASSESSMENT_METHODS)[number][];
  readonly startedAt: string;
  readonly needs: readonly Need[];
  readonly strengths: readonly Strength[];
  readonly clientPriorities: readonly ClientPriority[];
  readonly culturalConsiderations: CulturalConsiderations | null;
  readonly riskScreen: RiskScreen | null;
  readonly noStrengthsReason: string | null;
  readonly completedAt: string | null;
}

/** The data of a `assessmentStarted` event. */
export interface AssessmentStartedData {
  readonly assessmentId: string;
  readonly methods: NeedsAssessment['methods'];
}

/** The data of a `needRecorded` event. */
export interface NeedRecordedData {
  readonly assessmentId: string;
  readonly need: Need;
}

/** The data of a `strengthRecorded` event. */
export interface StrengthRecordedData {
  readonly assessmentId: string;
  readonly strength: Strength;
}

/** The data of a `clientPriorityRecorded` event. */
export interface ClientPriorityRecordedData {
  readonly assessmentId: string;
  readonly priority: Omit<ClientPriority, 'recordedAt'>;
}

/** The data of a `culturalConsiderationsRecorded` event. */
export interface CulturalConsiderationsRecordedData {
  readonly assessmentId: string;
  readonly considerations: CulturalConsiderations;
}

/** The data of a `riskScreenRecorded` event. */
export interface RiskScreenRecordedData {
  readonly assessmentId: string;
  readonly level: RiskScreen['level'];
  readonly factors: readonly string[];
}

/** The data of a `assessmentCompleted` event. */
export interface AssessmentCompletedData {
  readonly assessmentId: string;
  readonly noStrengthsReason?: string;
  readonly methods?: NeedsAssessment['methods'];
}
