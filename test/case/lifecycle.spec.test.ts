import { describe, it } from 'vitest';
import { given } from '../support/given.js';
import { caseAt, people, referral } from './fixtures.js';

// DESIGN.md §4, one rule a line. Each line dispatches a command to a fixture case and states what is
// recorded, or how it is refused (and that the case is left untouched).
const open = { type: 'openCase', caseId: 'c-9', clientId: 'client-9', referral, setting: 'clinic' };

describe('Case (DESIGN.md §4)', () => {
  it('(none) → openCase → referred', () => void given(null).when(open).then({ type: 'caseOpened', data: { caseId: 'c-9' } }));
  it('openCase needs a referral', () => given(null).when({ ...open, referral: undefined }).refused('INVALID_COMMAND'));
  it('referred → startAssessment → assessing', () => void given(caseAt('referred')).when({ type: 'startAssessment', methods: ['interview'] }).then('assessmentStarted'));
  it('referred → declineReferral → closed, with a reason', () => void given(caseAt('referred')).when({ type: 'declineReferral', reason: 'not-accepted' }).then('referralDeclined'));
  it('completeAssessment needs a need', () => given(caseAt('assessing')).when({ type: 'completeAssessment' }).refused('GUARD_FAILED', 'needRecorded'));
  it('activatePlan needs a lead, SMART agreed goals with strategies, and treatment consent', () => given(caseAt('planning')).when({ type: 'activatePlan' }).refused('GUARD_FAILED', 'goalAgreed'));
  it('planning → activatePlan → active', () => void given(caseAt('planned')).when({ type: 'activatePlan' }).then({ type: 'planActivated', data: { activatedGoalIds: ['g-1'] } }));
  it('active → startReview → reviewing', () => void given(caseAt('active')).when({ type: 'startReview' }).then('reviewStarted'));
  it('completeReview needs a final evaluation recorded during the review', () => given(caseAt('reviewing')).when({ type: 'completeReview', outcome: 'continue' }).refused('GUARD_FAILED', 'finalEvaluationThisReview'));
  it('holdCase from active, with a reason', () => void given(caseAt('active')).when({ type: 'holdCase', reason: 'Client in hospital' }).then({ type: 'caseHeld', data: { from: 'active' }, reason: 'Client in hospital' }));
  it('holdCase is not allowed from referred', () => given(caseAt('referred')).when({ type: 'holdCase', reason: 'x' }).refused('INVALID_TRANSITION'));
  it('closing as completed needs a final evaluation and an outcome on every goal', () => given(caseAt('active')).when({ type: 'closeCase', reason: 'completed' }).refused('GUARD_FAILED', 'outcomesRecorded'));
  it('closing ends the open strategies with the case', () => void given(caseAt('active')).when({ type: 'closeCase', reason: 'disengaged' }).then({ type: 'caseClosed', data: { endedStrategyIds: ['s-1'] } }));
  it('closed → reopenCase → assessing, with a reason', () => void given(caseAt('closed')).when({ type: 'reopenCase', reason: 'Referred again' }).then('caseReopened'));
  it('markEnteredInError needs an admin or a supervisor', () => given(caseAt('active')).when({ type: 'markEnteredInError', reason: 'Wrong client' }).refused('FORBIDDEN'));
  it('any status but entered-in-error → markEnteredInError', () => void given(caseAt('active')).when({ type: 'markEnteredInError', reason: 'Wrong client' }, people.supervisor).then('caseMarkedEnteredInError'));
});

describe('Goal, strategy, session (DESIGN.md §4)', () => {
  const goal = { addressesNeedIds: ['n-mood'], description: 'Feel better', measure: { kind: 'instrument', instrumentId: 'phq9', baseline: 18, target: 9, direction: 'decrease' }, startDate: '2026-01-10', targetDate: '2026-06-30' };
  const proposed = () => given(caseAt('planning')).when({ type: 'proposeGoal', goalId: 'g-2', ...goal }).then('goalProposed');
  it('agreeGoal needs the client (or family on the team) in agreedBy', () => given(proposed()).when({ type: 'agreeGoal', goalId: 'g-2', agreedBy: ['p-lead'] }).refused('GUARD_FAILED', 'agreedByClient'));
  it('proposed → agreeGoal → agreed, by the client', () => void given(proposed()).when({ type: 'agreeGoal', goalId: 'g-2', agreedBy: ['client-1'] }, people.client).then({ type: 'goalAgreed', data: { status: 'agreed' } }));
  it('an agreed goal becomes active at once while the plan runs', () => void given(caseAt('active')).when({ type: 'holdGoal', goalId: 'g-1', reason: 'Paused' }).then({ type: 'goalHeld', data: { goalId: 'g-1' } }));
  it('a goal ends with an outcome while the plan is delivered', () => void given(caseAt('active')).when({ type: 'recordGoalOutcome', goalId: 'g-1', outcome: 'achieved' }).then('goalOutcomeRecorded'));
  it('startStrategy needs an active case', () => given(caseAt('planned')).when({ type: 'startStrategy', strategyId: 's-1' }).refused('INVALID_TRANSITION'));
  it('planned → startStrategy → active', () => void given(caseAt('active')).when({ type: 'startStrategy', strategyId: 's-1' }).then('strategyStarted'));
  it('a session is scheduled only for an active strategy', () => given(caseAt('active')).when({ type: 'scheduleSession', strategyId: 's-1', scheduledFor: '2026-03-01T09:00:00.000Z' }).refused('GUARD_FAILED', 'strategyActive'));
  it('withdrawing treatment consent suspends the active strategies', () => {
    const started = given(caseAt('active')).when({ type: 'startStrategy', strategyId: 's-1' }).then('strategyStarted');
    given(started).when({ type: 'withdrawConsent', consentId: 'k-1' }, people.client).then('consentWithdrawn', { type: 'strategySuspended', data: { strategyId: 's-1', consentId: 'k-1' } });
  });
});

describe('Crisis (DESIGN.md §4)', () => {
  it('a high or imminent risk level opens a crisis', () => void given(caseAt('active')).when({ type: 'recordRiskLevel', level: 'imminent', factors: ['plan'] }).then({ type: 'riskLevelRecorded', data: { opensCrisis: true } }));
  it('a low risk level opens none', () => void given(caseAt('active')).when({ type: 'recordRiskLevel', level: 'low' }).then({ type: 'riskLevelRecorded', data: { opensCrisis: false } }));
  it('resolveCrisis needs a crisis', () => given(caseAt('active')).when({ type: 'resolveCrisis' }).refused('INVALID_TRANSITION'));
});
