import type { NeedsAssessment, Need } from '../model/assessment.js';
import type { Draft, CaseState } from '../model/state.js';

/** A new, empty assessment in progress. */
export function newAssessment(id: string, methods: NeedsAssessment['methods'], at: string): Draft['assessments'][number] {
  return {
    id,
    status: 'in-progress',
    methods: [...methods],
    startedAt: at,
    needs: [],
    strengths: [],
    clientPriorities: [],
    culturalConsiderations: null,
    riskScreen: null,
    noStrengthsReason: null,
    completedAt: null,
  };
}

/** Every need of the case, across its assessments. */
export function findNeed(state: CaseState, needId: string): Need | undefined {
  for (const a of state.assessments) {
    const need = a.needs.find((n) => n.id === needId);
    if (need) return need;
  }
  return undefined;
}
