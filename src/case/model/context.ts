import type { IdGenerator } from '../../kernel/clock.js';
import type { ModalityDefinition } from './modalities.js';
import type { Actor } from './primitives.js';
import type { CaseState } from './state.js';

/**
 * The settings of an app's policy that entity rules read (the engine's `Policy` adds who may issue
 * what). Kept on this floor so entities never import the engine.
 */
export interface PolicySettings {
  /** Days from plan activation (or a review) to the next review. Default 84 (twelve weeks). */
  readonly reviewIntervalDays?: number;
  /** Days after closure within which a case may be reopened. Default: no limit. */
  readonly reopenWithinDays?: number;
  /** Hours after a crisis opens before a missing safety plan raises an alert. Default 24. */
  readonly safetyPlanWithinHours?: number;
  /** The app's own modalities, added to (or replacing by name) the built-in catalogue. */
  readonly modalities?: readonly ModalityDefinition[];
}

/** What deciders see: the context resolved once per command. */
export interface Env {
  readonly at: string;
  readonly actor: Actor;
  readonly newId: IdGenerator;
  readonly policy: PolicySettings;
}

/** What the case table's checks read: the case and the resolved context. */
export interface CaseGuardContext {
  readonly state: CaseState;
  readonly env: Env;
}
