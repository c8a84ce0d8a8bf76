/**
 * How each kind of entity is copied when an edit first changes it, and where a changed copy may hold
 * new values. Written out field by field: spreading or walking the keys of a frozen object takes
 * V8's slow paths, twenty times dearer than naming the fields. Every field of every entity is always
 * present, and the compiler checks each copy is complete (a field added to an entity and missing
 * here is a type error); a test checks each `changed` visits every field that can hold an object.
 */
import type { NeedsAssessment } from '../model/assessment.js';
import type { Consent } from '../model/consent.js';
import type { Crisis } from '../model/crisis.js';
import type { Writable, CaseState } from '../model/state.js';
import type { Goal } from '../model/goal.js';
import type { Measurement } from '../model/measurement.js';
import type { Session } from '../model/session.js';
import type { Strategy } from '../model/strategy.js';
import type { TeamMember } from '../model/team.js';
import { VECTOR_FIELD, carryVecs, seriesField, vecsOf } from './series.js';

/** Copies one kind of value for an edit and finds the new values in a changed copy. */
export interface Copier<T> {
  readonly copy: (value: T) => Writable<T>;
  /** Calls `visit` with each field of `copy` that holds an object (or null) and is not `original`'s. */
  readonly changed: (copy: T, original: T, visit: (value: unknown) => void) => void;
}

const nothing = (): void => undefined;

export const assessmentCopier: Copier<NeedsAssessment> = {
  copy: (a) => ({
    id: a.id,
    status: a.status,
    methods: a.methods,
    startedAt: a.startedAt,
    needs: a.needs,
    strengths: a.strengths,
    clientPriorities: a.clientPriorities,
    culturalConsiderations: a.culturalConsiderations,
    riskScreen: a.riskScreen,
    noStrengthsReason: a.noStrengthsReason,
    completedAt: a.completedAt,
  }),
  changed: (c, o, visit) => {
    if (c.methods !== o.methods) visit(c.methods);
    if (c.needs !== o.needs) visit(c.needs);
    if (c.strengths !== o.strengths) visit(c.strengths);
    if (c.clientPriorities !== o.clientPriorities) visit(c.clientPriorities);
    if (c.culturalConsiderations !== o.culturalConsiderations) visit(c.culturalConsiderations);
    if (c.riskScreen !== o.riskScreen) visit(c.riskScreen);
  },
};

export const goalCopier: Copier<Goal> = {
  copy: (g) => ({
    id: g.id,
    description: g.description,
    addressesNeedIds: g.addressesNeedIds,
    measure: g.measure,
    startDate: g.startDate,
    targetDate: g.targetDate,
    gas: g.gas,
    status: g.status,
    achievement: g.achievement,
    agreedBy: g.agreedBy,
    supersedes: g.supersedes,
    supersededBy: g.supersededBy,
    outcome: g.outcome,
    statusReason: g.statusReason,
    proposedAt: g.proposedAt,
  }),
  changed: (c, o, visit) => {
    if (c.addressesNeedIds !== o.addressesNeedIds) visit(c.addressesNeedIds);
    if (c.measure !== o.measure) visit(c.measure);
    if (c.gas !== o.gas) visit(c.gas);
    if (c.agreedBy !== o.agreedBy) visit(c.agreedBy);
    if (c.outcome !== o.outcome) visit(c.outcome);
  },
};

export const strategyCopier: Copier<Strategy> = {
  copy: (s) => ({
    id: s.id,
    status: s.status,
    modality: s.modality,
    description: s.description,
    goalIds: s.goalIds,
    responsibleMemberId: s.responsibleMemberId,
    setting: s.setting,
    dose: s.dose,
    evidence: s.evidence,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    statusReason: s.statusReason,
    suspendedByConsentId: s.suspendedByConsentId,
    interventionOutcome: s.interventionOutcome,
  }),
  changed: (c, o, visit) => {
    if (c.goalIds !== o.goalIds) visit(c.goalIds);
    if (c.dose !== o.dose) visit(c.dose);
    if (c.evidence !== o.evidence) visit(c.evidence);
  },
};

export const sessionCopier: Copier<Session> = {
  copy: (s) => ({
    id: s.id,
    strategyId: s.strategyId,
    status: s.status,
    scheduledFor: s.scheduledFor,
    participants: s.participants,
    groupId: s.groupId,
    notes: s.notes,
    recordedAt: s.recordedAt,
  }),
  changed: (c, o, visit) => {
    if (c.participants !== o.participants) visit(c.participants);
  },
};

export const teamMemberCopier: Copier<TeamMember> = {
  copy: (m) => ({
    id: m.id,
    personId: m.personId,
    role: m.role,
    status: m.status,
    joinedAt: m.joinedAt,
    leftAt: m.leftAt,
  }),
  changed: nothing,
};

export const consentCopier: Copier<Consent> = {
  copy: (c) => ({
    id: c.id,
    status: c.status,
    scope: c.scope,
    grantedBy: c.grantedBy,
    grantedAt: c.grantedAt,
    expiresAt: c.expiresAt,
    sharingWith: c.sharingWith,
    withdrawnAt: c.withdrawnAt,
  }),
  changed: (c, o, visit) => {
    if (c.sharingWith !== o.sharingWith) visit(c.sharingWith);
  },
};

export const measurementCopier: Copier<Measurement> = {
  copy: (m) => ({
    id: m.id,
    status: m.status,
    instrumentId: m.instrumentId,
    indicator: m.indicator,
    responses: m.responses,
    score: m.score,
    band: m.band,
    flags: m.flags,
    takenAt: m.takenAt,
    source: m.source,
    goalIds: m.goalIds,
    recordedAt: m.recordedAt,
    history: m.history,
    statusReason: m.statusReason,
  }),
  changed: (c, o, visit) => {
    if (c.responses !== o.responses) visit(c.responses);
    if (c.flags !== o.flags) visit(c.flags);
    if (c.goalIds !== o.goalIds) visit(c.goalIds);
    if (c.history !== o.history) visit(c.history);
  },
};

export const crisisCopier: Copier<Crisis> = {
  copy: (c) => ({ since: c.since, level: c.level, safetyPlanId: c.safetyPlanId }),
  changed: nothing,
};

/** The case state itself: every edit copies it (its version changes). */
export const stateCopier: Copier<CaseState> = {
  copy: (s) => {
    // One lookup of the state's vectors, not one per series (this runs on every command).
    const vecs = vecsOf(s);
    const copy: Writable<CaseState> = {
    schemaVersion: s.schemaVersion,
    id: s.id,
    clientId: s.clientId,
    status: s.status,
    statusHistory: s.statusHistory,
    heldFrom: s.heldFrom,
    referral: s.referral,
    setting: s.setting,
    closure: s.closure,
    review: s.review,
    reviewDueBy: s.reviewDueBy,
    assessments: s.assessments,
    goals: s.goals,
    strategies: s.strategies,
    sessions: vecs?.sessions === undefined ? s.sessions : VECTOR_FIELD,
    team: s.team,
    leadMemberId: s.leadMemberId,
    notes: vecs?.notes === undefined ? s.notes : VECTOR_FIELD,
    consents: s.consents,
    evaluations: s.evaluations,
    crisis: s.crisis,
    riskHistory: s.riskHistory,
    safetyPlans: s.safetyPlans,
    measurements: vecs?.measurements === undefined ? s.measurements : VECTOR_FIELD,
    monitoring: s.monitoring,
    version: s.version,
    openedAt: s.openedAt,
    updatedAt: s.updatedAt,
      };
    // A series kept as a vector stays one: the copy reads the same vector (series.ts).
    if (vecs !== undefined) carryVecs(vecs, copy);
    return copy;
  },
  changed: (c, o, visit) => {
    if (c.statusHistory !== o.statusHistory) visit(c.statusHistory);
    if (c.referral !== o.referral) visit(c.referral);
    if (c.closure !== o.closure) visit(c.closure);
    if (c.review !== o.review) visit(c.review);
    if (c.assessments !== o.assessments) visit(c.assessments);
    if (c.goals !== o.goals) visit(c.goals);
    if (c.strategies !== o.strategies) visit(c.strategies);
    // Series kept as vectors are frozen with their vectors (draft.ts), never built into arrays here.
    if (seriesField(c, 'sessions') !== seriesField(o, 'sessions')) visit(seriesField(c, 'sessions'));
    if (c.team !== o.team) visit(c.team);
    if (seriesField(c, 'notes') !== seriesField(o, 'notes')) visit(seriesField(c, 'notes'));
    if (c.consents !== o.consents) visit(c.consents);
    if (c.evaluations !== o.evaluations) visit(c.evaluations);
    if (c.crisis !== o.crisis) visit(c.crisis);
    if (c.riskHistory !== o.riskHistory) visit(c.riskHistory);
    if (c.safetyPlans !== o.safetyPlans) visit(c.safetyPlans);
    if (seriesField(c, 'measurements') !== seriesField(o, 'measurements')) visit(seriesField(c, 'measurements'));
    if (c.monitoring !== o.monitoring) visit(c.monitoring);
  },
};
