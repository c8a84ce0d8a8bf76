import type { CaseEvent } from '../engine/events.js';

type Data = Record<string, unknown>;

// Drops undefined and null optional fields: commands leave out what events record as null.
function clean(o: Data): Data {
  const out: Data = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

const pick = (d: Data, ...keys: string[]): Data => Object.fromEntries(keys.map((k) => [k, d[k]]));

/**
 * The command that produced an event: the validator re-decides it against the state before the
 * event and compares what the engine would record with what was recorded. Creating commands carry
 * the recorded ids, so no id is ever generated.
 */
export function commandOf(event: CaseEvent): Record<string, unknown> {
  const d = (event.data ?? {}) as Data;
  const r = event.reason;
  const nested = (key: string): Data => (typeof d[key] === 'object' && d[key] !== null ? (d[key] as Data) : {});
  switch (event.type) {
    case 'caseOpened':
      return { type: 'openCase', caseId: d.caseId, clientId: d.clientId, referral: d.referral, setting: d.setting };
    case 'referralDeclined':
      return clean({ type: 'declineReferral', reason: d.reason, summary: d.summary });
    case 'caseHeld':
      return { type: 'holdCase', reason: r };
    case 'caseResumed':
      return { type: 'resumeCase' };
    case 'caseClosed':
      return clean({ type: 'closeCase', reason: d.reason, summary: d.summary, destination: d.destination });
    case 'caseReopened':
      return { type: 'reopenCase', reason: r, assessmentId: d.assessmentId };
    case 'planActivated':
      return { type: 'activatePlan' };
    case 'reviewStarted':
      return { type: 'startReview' };
    case 'reviewCompleted':
      return clean({ type: 'completeReview', outcome: d.outcome, summary: d.summary });
    case 'assessmentStarted':
      return { type: 'startAssessment', assessmentId: d.assessmentId, methods: d.methods };
    case 'needRecorded': {
      const n = nested('need');
      return { type: 'recordNeed', needId: n.id, ...pick(n, 'domain', 'description', 'severity', 'priority', 'evidence') };
    }
    case 'strengthRecorded': {
      const s = nested('strength');
      return clean({ type: 'recordStrength', strengthId: s.id, description: s.description, domain: s.domain });
    }
    case 'clientPriorityRecorded': {
      const p = nested('priority');
      return { type: 'recordClientPriority', priorityId: p.id, text: p.text };
    }
    case 'culturalConsiderationsRecorded':
      return { type: 'recordCulturalConsiderations', ...nested('considerations') };
    case 'riskScreenRecorded':
      return { type: 'recordRiskScreen', level: d.level, factors: d.factors };
    case 'assessmentCompleted':
      return clean({ type: 'completeAssessment', noStrengthsReason: d.noStrengthsReason, methods: d.methods });
    case 'goalProposed': {
      const g = nested('goal');
      return clean({ type: 'proposeGoal', goalId: g.id, ...pick(g, 'description', 'addressesNeedIds', 'measure', 'startDate', 'targetDate', 'gas') });
    }
    case 'goalAgreed':
      return { type: 'agreeGoal', goalId: d.goalId, agreedBy: d.agreedBy };
    case 'goalRevised': {
      const g = nested('goal');
      return clean({ type: 'reviseGoal', goalId: d.goalId, newGoalId: g.id, reason: r, ...pick(g, 'description', 'addressesNeedIds', 'measure', 'startDate', 'targetDate', 'gas') });
    }
    case 'goalHeld':
      return { type: 'holdGoal', goalId: d.goalId, reason: r };
    case 'goalResumed':
      return { type: 'resumeGoal', goalId: d.goalId };
    case 'goalRejected':
      return clean({ type: 'rejectGoal', goalId: d.goalId, reason: r });
    case 'goalCancelled':
      return { type: 'cancelGoal', goalId: d.goalId, reason: r };
    case 'goalOutcomeRecorded':
      return clean({ type: 'recordGoalOutcome', goalId: d.goalId, outcome: d.outcome, evidence: d.evidence });
    case 'strategyProposed': {
      const s = nested('strategy');
      return clean({
        type: 'proposeStrategy',
        strategyId: s.id,
        ...pick(s, 'modality', 'description', 'goalIds', 'responsibleMemberId', 'setting', 'dose', 'evidence'),
      });
    }
    case 'strategyPlanned':
      return { type: 'planStrategy', strategyId: d.strategyId };
    case 'strategyStarted':
      return { type: 'startStrategy', strategyId: d.strategyId };
    case 'strategySuspended':
      return { type: 'suspendStrategy', strategyId: d.strategyId, reason: r };
    case 'strategyResumed':
      return { type: 'resumeStrategy', strategyId: d.strategyId };
    case 'strategyCompleted':
      return clean({ type: 'completeStrategy', strategyId: d.strategyId, interventionOutcome: d.interventionOutcome });
    case 'strategyDiscontinued':
      return { type: 'discontinueStrategy', strategyId: d.strategyId, reason: r };
    case 'sessionScheduled': {
      const s = nested('session');
      return clean({ type: 'scheduleSession', sessionId: s.id, ...pick(s, 'strategyId', 'scheduledFor', 'participants', 'groupId') });
    }
    case 'attendanceRecorded':
      return clean({ type: 'recordAttendance', sessionId: d.sessionId, attendance: d.attendance, participants: d.participants, notes: d.notes });
    case 'teamMemberAdded': {
      const m = nested('member');
      return { type: 'addTeamMember', memberId: m.id, personId: m.personId, role: m.role };
    }
    case 'teamMemberRemoved':
      return clean({ type: 'removeTeamMember', memberId: d.memberId, reason: r });
    case 'leadAssigned':
      return { type: 'assignLead', memberId: d.memberId };
    case 'noteAdded': {
      const n = nested('note');
      return { type: 'addNote', noteId: n.id, ...pick(n, 'kind', 'text', 'authorMemberId', 'visibility') };
    }
    case 'consentRecorded': {
      const c = nested('consent');
      return clean({ type: 'recordConsent', consentId: c.id, ...pick(c, 'scope', 'grantedBy', 'grantedAt', 'expiresAt', 'sharingWith') });
    }
    case 'consentWithdrawn':
      return clean({ type: 'withdrawConsent', consentId: d.consentId, reason: r });
    case 'riskLevelRecorded':
      return { type: 'recordRiskLevel', level: d.level, factors: d.factors };
    case 'safetyPlanRecorded': {
      const p = nested('plan');
      return { type: 'recordSafetyPlan', safetyPlanId: p.id, ...pick(p, 'warningSigns', 'copingStrategies', 'socialContacts', 'professionalContacts', 'meansSafety') };
    }
    case 'crisisResolved':
      return { type: 'resolveCrisis' };
    case 'caseMarkedEnteredInError':
      return { type: 'markEnteredInError', reason: r };
    case 'monitoringScheduleSet': {
      const s = nested('schedule');
      return clean({ type: 'setMonitoringSchedule', instrumentId: s.instrumentId, indicator: s.indicator, everyDays: s.everyDays, startDate: s.startDate });
    }
    case 'measurementRecorded': {
      const m = nested('measurement');
      // Written out: on Node 20 an object spread and then extended takes V8's slow path.
      const command: Data = { type: 'recordMeasurement', measurementId: m.id, instrumentId: m.instrumentId, indicator: m.indicator };
      if (Array.isArray(m.responses)) command.responses = m.responses;
      else command.score = m.score;
      command.takenAt = m.takenAt;
      command.source = m.source;
      command.goalIds = m.goalIds;
      return clean(command);
    }
    case 'measurementAmended': {
      const v = nested('value');
      return Array.isArray(v.responses)
        ? { type: 'amendMeasurement', measurementId: d.measurementId, responses: v.responses, reason: r }
        : { type: 'amendMeasurement', measurementId: d.measurementId, score: v.score, reason: r };
    }
    case 'measurementVoided':
      return { type: 'voidMeasurement', measurementId: d.measurementId, reason: r };
    case 'evaluationRecorded': {
      const v = nested('evaluation');
      const outcomes = Array.isArray(v.goalOutcomes) ? (v.goalOutcomes as unknown[]).map((o) => (typeof o === 'object' && o !== null ? clean(o as Data) : o)) : v.goalOutcomes;
      return clean(Object.assign({ type: 'recordEvaluation', evaluationId: v.id }, pick(v, 'status', 'barriers', 'clientFeedback', 'decision'), { goalOutcomes: outcomes }));
    }
  }
}
