import { ruleMessages as say } from './model/messages.js';
import type { AssessmentStartedData, NeedRecordedData, StrengthRecordedData, ClientPriorityRecordedData, CulturalConsiderationsRecordedData, RiskScreenRecordedData, AssessmentCompletedData } from './model/assessment.js';
import { CLINICAL_ROLES, idSchema, labelSchema, textSchema } from './model/primitives.js';
import { clean, dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { ASSESSMENT_METHODS, NEED_DOMAINS, RISK_LEVELS, type NeedsAssessment, type AssessmentStatus } from './model/assessment.js';
import { findNeed, newAssessment } from './rules/assessments.js';
import { append, editItem, writable } from './store/draft.js';
import type { Writable, CaseState } from './model/state.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import type { Env } from './model/context.js';
import { accept, defined, idTaken, notFound, stepEntity, type Decider, type Decision } from './rules/decision.js';
import { moveTo } from './store/lookup.js';
import { opensCrisis, type CrisisEvents } from './crisis.js';

const score = z.number().int().min(1).max(5);
const methods = z.array(z.enum(ASSESSMENT_METHODS)).max(ASSESSMENT_METHODS.length);

export const startAssessmentSchema = z.object({ type: z.literal('startAssessment'), assessmentId: idSchema.optional(), methods: methods.min(1) }).strict();
export const recordNeedSchema = z
  .object({
    type: z.literal('recordNeed'),
    needId: idSchema.optional(),
    domain: z.enum(NEED_DOMAINS),
    description: textSchema,
    severity: score,
    priority: score,
    evidence: z.array(labelSchema).max(100).optional(),
  })
  .strict();
export const recordStrengthSchema = z
  .object({ type: z.literal('recordStrength'), strengthId: idSchema.optional(), description: textSchema, domain: z.enum(NEED_DOMAINS).optional() })
  .strict();
export const recordClientPrioritySchema = z.object({ type: z.literal('recordClientPriority'), priorityId: idSchema.optional(), text: textSchema }).strict();
export const recordCulturalConsiderationsSchema = z
  .object({
    type: z.literal('recordCulturalConsiderations'),
    language: labelSchema.optional(),
    interpreterNeeded: z.boolean().optional(),
    beliefsAndPreferences: textSchema.optional(),
    notes: textSchema.optional(),
  })
  .strict();
export const recordRiskScreenSchema = z
  .object({ type: z.literal('recordRiskScreen'), level: z.enum(RISK_LEVELS), factors: z.array(labelSchema).max(100) })
  .strict();
export const completeAssessmentSchema = z
  .object({ type: z.literal('completeAssessment'), noStrengthsReason: textSchema.optional(), methods: methods.optional() })
  .strict();

/** Starts the needs assessment. */
export interface StartAssessment {
  type: 'startAssessment';
  methods: ('interview' | 'observation' | 'standardized-instrument' | 'records-review' | 'collateral')[];
  assessmentId?: string | undefined;
}
/** Records a need in the current assessment. */
export interface RecordNeed {
  type: 'recordNeed';
  domain: 'psychological' | 'emotional' | 'behavioural' | 'social' | 'physical' | 'occupational' | 'educational' | 'housing' | 'financial' | 'substance-use' | 'family' | 'safety' | 'other';
  description: string;
  severity: number;
  priority: number;
  needId?: string | undefined;
  evidence?: string[] | undefined;
}
/** Records a strength in the current assessment. */
export interface RecordStrength {
  type: 'recordStrength';
  description: string;
  strengthId?: string | undefined;
  domain?: 'psychological' | 'emotional' | 'behavioural' | 'social' | 'physical' | 'occupational' | 'educational' | 'housing' | 'financial' | 'substance-use' | 'family' | 'safety' | 'other' | undefined;
}
/** Records a priority in the client's own words. */
export interface RecordClientPriority {
  type: 'recordClientPriority';
  text: string;
  priorityId?: string | undefined;
}
/** Records language, interpreter and cultural considerations. */
export interface RecordCulturalConsiderations {
  type: 'recordCulturalConsiderations';
  language?: string | undefined;
  interpreterNeeded?: boolean | undefined;
  beliefsAndPreferences?: string | undefined;
  notes?: string | undefined;
}
/** Records the risk screen of the assessment. */
export interface RecordRiskScreen {
  type: 'recordRiskScreen';
  level: 'none' | 'low' | 'moderate' | 'high' | 'imminent';
  factors: string[];
}
/** Completes the current assessment. */
export interface CompleteAssessment {
  type: 'completeAssessment';
  noStrengthsReason?: string | undefined;
  methods?: ('interview' | 'observation' | 'standardized-instrument' | 'records-review' | 'collateral')[] | undefined;
}

/** Commands of needs assessments. */
export type AssessmentCommand = StartAssessment | RecordNeed | RecordStrength | RecordClientPriority | RecordCulturalConsiderations | RecordRiskScreen | CompleteAssessment;

/** A risk screen of high or imminent is also a risk level recorded (the crisis overlay's event). */
type Emits = AssessmentEvents & Pick<CrisisEvents, 'riskLevelRecorded'>;
type Module = EntityModule<AssessmentCommand, AssessmentEvents, Emits>;

/** Events of needs assessments. */
export interface AssessmentEvents {
  assessmentStarted: AssessmentStartedData;
  needRecorded: NeedRecordedData;
  strengthRecorded: StrengthRecordedData;
  clientPriorityRecorded: ClientPriorityRecordedData;
  culturalConsiderationsRecorded: CulturalConsiderationsRecordedData;
  riskScreenRecorded: RiskScreenRecordedData;
  assessmentCompleted: AssessmentCompletedData;
}

/** The assessment lifecycle: in-progress → completed; findings are recorded only while in progress. */
export const assessmentMachine = defineMachine<AssessmentStatus, AssessmentCommand, { assessment: NeedsAssessment | undefined }>({
  id: 'assessment',
  states: ['in-progress', 'completed'],
  final: ['completed'],
  transitions: {
    startAssessment: { from: [null], to: 'in-progress' },
    recordNeed: { from: ['in-progress'] },
    recordStrength: { from: ['in-progress'] },
    recordClientPriority: { from: ['in-progress'] },
    recordCulturalConsiderations: { from: ['in-progress'] },
    recordRiskScreen: { from: ['in-progress'] },
    completeAssessment: {
      from: ['in-progress'],
      to: 'completed',
      guards: [
        { name: 'needRecorded', check: (_c, { assessment }) => (assessment?.needs.length ?? 0) > 0 || say.needRecorded() },
        {
          name: 'strengthsRecorded',
          check: (c, { assessment }) =>
            (assessment?.strengths.length ?? 0) > 0 || c.noStrengthsReason !== undefined || say.strengthsRecorded(),
        },
        { name: 'riskScreened', check: (_c, { assessment }) => (assessment !== undefined && assessment.riskScreen !== null) || say.riskScreened() },
      ],
    },
  },
});

function current(state: CaseState): NeedsAssessment | undefined {
  return state.assessments[state.assessments.length - 1];
}

function onCurrent<C extends AssessmentCommand>(
  make: (assessment: NeedsAssessment, command: C, env: Env, state: CaseState) => Decision<Emits>,
): Decider<C, Emits> {
  return (state, command, env) => {
    const assessment = current(state);
    if (assessment === undefined) return notFound('assessment', '(current)', state.id, 'type');
    const r = stepEntity(assessmentMachine, assessment.status, command, { assessment }, assessment.id);
    return 'refusal' in r ? r.refusal : make(assessment, command, env, state);
  };
}

const deciders: Module['deciders'] = {
  startAssessment: (state, command, env) => {
    const id = command.assessmentId ?? env.newId();
    if (state.assessments.some((a) => a.id === id)) return idTaken('assessment', id, state.id, 'assessmentId');
    return accept({ type: 'assessmentStarted', data: { assessmentId: id, methods: command.methods } });
  },
  recordNeed: onCurrent<RecordNeed>((a, c, env, state) =>
    c.needId !== undefined && findNeed(state, c.needId) ? idTaken('need', c.needId, state.id, 'needId') : accept({
      type: 'needRecorded',
      data: {
        assessmentId: a.id,
        need: { id: c.needId ?? env.newId(), domain: c.domain, description: c.description, severity: c.severity, priority: c.priority, evidence: c.evidence ?? [] },
      },
    }),
  ),
  recordStrength: onCurrent<RecordStrength>((a, c, env) =>
    accept({
      type: 'strengthRecorded',
      data: { assessmentId: a.id, strength: { id: c.strengthId ?? env.newId(), description: c.description, domain: c.domain ?? null } },
    }),
  ),
  recordClientPriority: onCurrent<RecordClientPriority>((a, c, env) =>
    accept({ type: 'clientPriorityRecorded', data: { assessmentId: a.id, priority: { id: c.priorityId ?? env.newId(), text: c.text } } }),
  ),
  recordCulturalConsiderations: onCurrent<RecordCulturalConsiderations>((a, c) => {
    const { type: _type, ...considerations } = c;
    return accept({ type: 'culturalConsiderationsRecorded', data: { assessmentId: a.id, considerations: defined(considerations) } });
  }),
  recordRiskScreen: onCurrent<RecordRiskScreen>((a, c, _env, state) => {
    const screened = { type: 'riskScreenRecorded' as const, data: { assessmentId: a.id, level: c.level, factors: c.factors } };
    if (!opensCrisis(c.level)) return accept(screened);
    // Risk found high at assessment is risk recorded: the crisis overlay opens (or rises) in the
    // same dispatch, so a safety plan is asked for before the plan starts, as for recordRiskLevel.
    return accept(screened, { type: 'riskLevelRecorded', data: { level: c.level, factors: c.factors, opensCrisis: state.crisis === null } });
  }),
  completeAssessment: onCurrent<CompleteAssessment>((a, c) => {
    // Optional fields are added, not spread in: V8 copies spread objects slowly.
    const data: Writable<AssessmentEvents['assessmentCompleted']> = { assessmentId: a.id };
    if (c.noStrengthsReason !== undefined) data.noStrengthsReason = c.noStrengthsReason;
    if (c.methods) data.methods = c.methods;
    return accept({ type: 'assessmentCompleted', data });
  }),
};

const evolvers: Module['evolvers'] = {
  assessmentStarted: (d, e) => {
    append(d, 'assessments', newAssessment(e.data.assessmentId, e.data.methods, e.at));
    moveTo(d, 'assessing', e.at);
  },
  needRecorded: (d, e) => {
    const n = e.data.need;
    const a = editItem(d, 'assessments', e.data.assessmentId);
    if (a) writable(d, a, 'needs').push({ id: n.id, domain: n.domain, description: n.description, severity: n.severity, priority: n.priority, evidence: [...n.evidence] });
  },
  strengthRecorded: (d, e) => {
    const s = e.data.strength;
    const a = editItem(d, 'assessments', e.data.assessmentId);
    if (a) writable(d, a, 'strengths').push({ id: s.id, description: s.description, domain: s.domain });
  },
  clientPriorityRecorded: (d, e) => {
    const a = editItem(d, 'assessments', e.data.assessmentId);
    if (a) writable(d, a, 'clientPriorities').push({ id: e.data.priority.id, text: e.data.priority.text, recordedAt: e.at });
  },
  culturalConsiderationsRecorded: (d, e) => {
    const a = editItem(d, 'assessments', e.data.assessmentId);
    if (a) a.culturalConsiderations = { ...e.data.considerations };
  },
  riskScreenRecorded: (d, e) => {
    const a = editItem(d, 'assessments', e.data.assessmentId);
    if (a) a.riskScreen = { level: e.data.level, factors: [...e.data.factors], at: e.at };
  },
  assessmentCompleted: (d, e) => {
    const a = editItem(d, 'assessments', e.data.assessmentId);
    if (a) {
      a.status = 'completed';
      a.completedAt = e.at;
      if (e.data.noStrengthsReason !== undefined) a.noStrengthsReason = e.data.noStrengthsReason;
      if (e.data.methods) a.methods = [...e.data.methods];
    }
    moveTo(d, 'planning', e.at);
  },
};

/** For each assessment event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const assessmentCommandOf: CommandOfMap<AssessmentEvents> = {
  assessmentStarted: (e) => ({ type: 'startAssessment', assessmentId: dataOf(e).assessmentId, methods: dataOf(e).methods }),
  needRecorded: (e) => {
    const n = nested(dataOf(e), 'need');
    return { type: 'recordNeed', needId: n.id, ...pick(n, 'domain', 'description', 'severity', 'priority', 'evidence') };
  },
  strengthRecorded: (e) => {
    const s = nested(dataOf(e), 'strength');
    return clean({ type: 'recordStrength', strengthId: s.id, description: s.description, domain: s.domain });
  },
  clientPriorityRecorded: (e) => {
    const p = nested(dataOf(e), 'priority');
    return { type: 'recordClientPriority', priorityId: p.id, text: p.text };
  },
  culturalConsiderationsRecorded: (e) => ({ type: 'recordCulturalConsiderations', ...nested(dataOf(e), 'considerations') }),
  riskScreenRecorded: (e) => ({ type: 'recordRiskScreen', level: dataOf(e).level, factors: dataOf(e).factors }),
  assessmentCompleted: (e) => clean({ type: 'completeAssessment', noStrengthsReason: dataOf(e).noStrengthsReason, methods: dataOf(e).methods }),
};

const assessing = { from: ['assessing'] } as const;
/** Needs assessments: needs, strengths, the client's priorities, cultural considerations and a risk screen. */
export const assessment = defineEntity<AssessmentCommand, AssessmentEvents, Emits>()({
  name: 'assessment',
  machine: assessmentMachine,
  statuses: (state) => statusesOf(state.assessments.slice(-1)),
  commands: {
    startAssessment: { schema: startAssessmentSchema, roles: CLINICAL_ROLES, case: { from: ['referred'], to: 'assessing' } },
    recordNeed: { schema: recordNeedSchema, roles: CLINICAL_ROLES, case: assessing },
    recordStrength: { schema: recordStrengthSchema, roles: CLINICAL_ROLES, case: assessing },
    recordClientPriority: { schema: recordClientPrioritySchema, roles: [...CLINICAL_ROLES, 'client'], case: assessing },
    recordCulturalConsiderations: { schema: recordCulturalConsiderationsSchema, roles: CLINICAL_ROLES, case: assessing },
    recordRiskScreen: { schema: recordRiskScreenSchema, roles: CLINICAL_ROLES, case: assessing },
    completeAssessment: { schema: completeAssessmentSchema, roles: CLINICAL_ROLES, case: { from: ['assessing'], to: 'planning' } },
  },
  deciders,
  evolvers,
});
