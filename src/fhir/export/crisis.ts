import type { RiskLevel } from '../../case/model/crisis.js';
import { FLAG_CATEGORY, RISK_PROBABILITY } from '../codes.js';
import type { FhirFlag, FhirRiskAssessment } from '../types.js';
import { fhirId } from '../ids.js';
import type { ExportContext, Mapped } from './context.js';

/**
 * Risk level → RiskAssessment.prediction.qualitativeRisk (R4's risk-probability codes).
 *
 * @example
 * ```ts
 * RISK_PROBABILITY_CODE.imminent; // 'certain'
 * ```
 */
export const RISK_PROBABILITY_CODE: Readonly<Record<RiskLevel, string>> = {
  none: 'negligible',
  low: 'low',
  moderate: 'moderate',
  high: 'high',
  imminent: 'certain',
};

/** Each recorded risk level as a RiskAssessment. */
export function toRiskAssessments(ctx: ExportContext): Mapped[] {
  return ctx.state.riskHistory.map((entry, i) => {
    const resource: FhirRiskAssessment = {
      resourceType: 'RiskAssessment',
      id: fhirId(`risk-${i + 1}`),
      identifier: ctx.identifier('RiskAssessment', `risk-${i + 1}`),
      status: ctx.state.status === 'entered-in-error' ? 'entered-in-error' : 'final',
      subject: ctx.patient,
      occurrenceDateTime: entry.at,
      prediction: [{ outcome: { text: 'harm to self or others' }, qualitativeRisk: { coding: [{ system: RISK_PROBABILITY, code: RISK_PROBABILITY_CODE[entry.level] }], text: entry.level } }],
      ...(entry.factors.length === 0 ? {} : { note: entry.factors.map((text) => ({ text })) }),
    };
    return { key: `risk-${i + 1}`, resource };
  });
}

/**
 * Each crisis as a safety Flag over its period, read from the log: a risk level that opened one
 * starts it, a resolution ends it. The open crisis's flag is active, earlier ones inactive.
 */
export function toCrisisFlags(ctx: ExportContext): Mapped[] {
  const crises: { since: string; level: string; until: string | null }[] = [];
  for (const e of ctx.events) {
    if (e.type === 'riskLevelRecorded' && e.data.opensCrisis) crises.push({ since: e.at, level: e.data.level, until: null });
    else if (e.type === 'crisisResolved') {
      const open = crises[crises.length - 1];
      if (open !== undefined && open.until === null) open.until = e.at;
    }
  }
  return crises.map((c, i) => {
    const resource: FhirFlag = {
      resourceType: 'Flag',
      id: fhirId(`crisis-${i + 1}`),
      identifier: ctx.identifier('Flag', `crisis-${i + 1}`),
      status: ctx.state.status === 'entered-in-error' ? 'entered-in-error' : c.until === null ? 'active' : 'inactive',
      category: [{ coding: [{ system: FLAG_CATEGORY, code: 'safety', display: 'Safety' }] }],
      code: { text: `Crisis: risk ${c.level}` },
      subject: ctx.patient,
      period: c.until === null ? { start: c.since } : { start: c.since, end: c.until },
    };
    return { key: `crisis-${i + 1}`, resource };
  });
}
