/**
 * The wording of the engine's own refusals, keyed by code (and by rule where a rule refuses), in one
 * place so that they read alike and can be reworded or translated together. The kernel's frames
 * (INVALID_TRANSITION, the "Cannot … for …:" of a guard) are in kernel/messages.ts. A guard's own
 * sentence stays beside its check in its entity's module, so a rule is added in one place; a UI that
 * words refusals itself reads the structured facts instead (`error.rule`, `error.status`,
 * `error.allowed`, `error.refusedAt`).
 */
export const caseMessages = {
  /** The command's shape: the first zod issue, and how many more. */
  INVALID_COMMAND: (f: { readonly type: string; readonly path: string; readonly issue: string; readonly more: number }): string =>
    `Invalid ${f.type} command: ${f.issue === '' ? 'malformed' : `${f.path || 'command'}: ${f.issue}`}${f.more > 0 ? ` (and ${f.more} more)` : ''}`,
  NO_ACTOR: (f: { readonly issue: string }): string => `The context needs an actor { id, role }: ${f.issue}`,
  BAD_ID: (f: { readonly id: unknown }): string =>
    `ctx.newId gave ${JSON.stringify(f.id) ?? String(f.id)}, which is not an id (letters, digits and ._:-, at most 128, starting with a letter or digit)`,
  CLOCK_BEHIND: (f: { readonly command: string; readonly caseId: string; readonly last: string; readonly at: string }): string =>
    `Cannot ${f.command}: case ${f.caseId} was last changed at ${f.last}, later than this command's time ${f.at}; the clocks disagree (check ctx.now) — a case's events never go back in time`,
  UNSUPPORTED_VERSION: (f: { readonly command: string; readonly caseId: string; readonly version: unknown; readonly supported: number }): string =>
    `Cannot ${f.command}: case ${f.caseId} is a state of schema version ${String(f.version)}; this version of intervention-lifecycle works on schema version ${f.supported}${typeof f.version === 'number' && f.version > f.supported ? ': upgrade the library' : ''}`,
  CONFLICT: (f: { readonly caseId: string; readonly version: number; readonly expected: number }): string =>
    `Case ${f.caseId} is at version ${f.version}, not the expected ${f.expected}; reload it and try again`,
  FORBIDDEN: (f: { readonly command: string; readonly reason: string }): string => `Cannot ${f.command}: ${f.reason}`,
  NO_CASE: (f: { readonly command: string }): string => `Cannot ${f.command}: there is no case yet; open one first`,
  NOT_FOUND: (f: { readonly entity: string; readonly id: string; readonly caseId: string }): string => `No ${f.entity} ${f.id} in case ${f.caseId}`,
  /** Rules of the role matrix (reported as FORBIDDEN). */
  rolesNotAList: (f: { readonly command: string; readonly got: string }): string => `policy.roles.${f.command} must be a list of roles, not ${f.got}; ${f.command} is refused until it is`,
  role: (f: { readonly command: string; readonly roles: readonly string[]; readonly actor: string; readonly role: string }): string =>
    `${f.command} needs the role ${f.roles.join(', ')}; ${f.actor} acts as ${f.role}`,
  onCareTeam: (f: { readonly actor: string; readonly caseId: string }): string => `${f.actor} is not on the care team of case ${f.caseId}`,
  ownCase: (f: { readonly actor: string; readonly caseId: string }): string => `${f.actor} is not the client of case ${f.caseId}`,
  /** A creating command's id is taken (rule `uniqueId`). */
  uniqueId: (f: { readonly entity: string; readonly id: string; readonly caseId: string }): string =>
    `Case ${f.caseId} already has ${f.entity} ${f.id}; choose another id or leave it out`,
} as const;

// Shared by two rules each: a goal's own SMART check and activatePlan's, and the consent a strategy
// or session needs and activatePlan's precondition.
const smart = (f: { readonly goalId: string; readonly findings: readonly string[] }): string => `goal ${f.goalId} is not SMART (${f.findings.join('; ')})`;
const consentToTreat = (f: { readonly why: string } | { readonly modality: string }): string =>
  'why' in f ? `an active treatment consent is needed (${f.why}); record the client’s consent first` : `${f.modality} needs an active consent of scope modality:${f.modality}`;

/**
 * The reasons the rules of the entity tables give when they refuse, keyed by the rule's name (the
 * `error.rule` of the refusal). The kernel frames each as "Cannot <command> for <entity>: <reason>".
 */
export const ruleMessages = {
  smart,
  goalsSmart: smart,
  consentToTreat,
  treatmentConsent: consentToTreat,
  consentWhenHeld: (f: { readonly heldAt: string; readonly scope: string }): string =>
    `the session was held at ${f.heldAt}, after the client's ${f.scope} consent was withdrawn or expired and before a renewed one; record it as cancelled, or record the renewed consent with the time the client gave it`,
  datesInOrder: (f: { readonly start: string; readonly target: string }): string => `the target date ${f.target} must follow the start date ${f.start}`,
  informationSharingConsent: (f: { readonly recipient: string | undefined }): string =>
    `sharing the client's information${f.recipient === undefined ? '' : ` with ${f.recipient}`} needs an active information-sharing consent${f.recipient === undefined ? '' : ' that covers it'}`,
  responsibleMemberPermitted: (f: { readonly memberId: string; readonly modality?: string; readonly roles?: readonly string[]; readonly role?: string }): string =>
    f.modality === undefined ? `responsible member ${f.memberId} is not on the team` : `${f.modality} is delivered by ${(f.roles ?? []).join(', ')}; member ${f.memberId} is ${f.role ?? ''}`,
  oneSubject: (): string => 'name either an instrument or an indicator, not both or neither',
  knownInstrument: (f: { readonly instrumentId: string }): string => `there is no instrument ${f.instrumentId}; register it first`,
  oneInterval: (): string => 'give either everyDays or everyWeeks',
  sourceMatchesActor: (f: { readonly role: string; readonly source: string }): string =>
    f.source === 'observer' ? 'the client reports as client-report, not as an observer of themselves' : `a ${f.role} may report (client-report${f.role === 'family-member' ? ' or observer' : ''}), not record a clinician-rated measurement`,
  notInFuture: (
    f:
      | { readonly sessionId: string; readonly scheduledFor: string }
      | { readonly measurementId: string; readonly takenAt: string }
      | { readonly grantedAt: string }
      | { readonly receivedAt: string },
  ): string =>
    'sessionId' in f
      ? `session ${f.sessionId} is scheduled for ${f.scheduledFor}; attendance can be recorded once it has begun`
      : 'measurementId' in f
        ? `measurement ${f.measurementId} is dated ${f.takenAt}, in the future`
        : 'grantedAt' in f
          ? `it is dated ${f.grantedAt}, in the future: record it once the client has given it`
          : `the referral is dated ${f.receivedAt}, in the future: open the case once it has been received`,
  measuresGoal: (f: { readonly goalId: string; readonly measuredBy: string; readonly given: string }): string => `goal ${f.goalId} is measured by ${f.measuredBy}, not ${f.given}`,
  authorOnTeam: (f: { readonly memberId: string }): string => `author ${f.memberId} is not an active team member`,
  grantedByClient: (f: { readonly clientId: string; readonly grantedBy: string }): string => `consent must be granted by the client (${f.clientId}) or a family member on the team, not ${f.grantedBy}`,
  knownModality: (f: { readonly modality: string }): string => `unknown modality ${f.modality}; register it in policy.modalities`,
  goalsExist: (f: { readonly goalIds: readonly string[]; readonly caseId: string }): string => `no goal ${f.goalIds.join(', ')} in case ${f.caseId}`,
  openGoals: (f: { readonly goalIds: readonly string[] }): string => `goals ${f.goalIds.join(', ')} are not open goals of this case`,
  memberExists: (f: { readonly memberId: string; readonly caseId: string }): string => `no team member ${f.memberId} in case ${f.caseId}`,
  newResponsibleMember: (f: { readonly memberId: string; readonly strategyId: string }): string => `member ${f.memberId} is already responsible for strategy ${f.strategyId}`,
  responsibleReassigned: (f: { readonly memberId: string; readonly strategies: readonly string[] }): string =>
    `member ${f.memberId} is responsible for ${f.strategies.join(', ')}: reassignStrategy first`,
  memberOnTeam: (f: { readonly memberId: string }): string => `member ${f.memberId} has left the team`,
  interventionOutcome: (f: { readonly modality: string; readonly problem: 'not-family' | 'missing' | 'no-meeting'; readonly strategyId?: string }): string =>
    f.problem === 'not-family'
      ? `interventionOutcome is recorded only for a structured-family-intervention, not ${f.modality}`
      : f.problem === 'missing'
        ? 'a structured-family-intervention completes with its outcome: interventionOutcome accepted or declined'
        : `the family meeting of strategy ${f.strategyId ?? ''} has not taken place: record an attended session first`,
  familyConsent: (f: { readonly missing: readonly string[] }): string =>
    `family members take part with a consent to do so (scope participant:<personId>: their own, or a guardian's for a child); ${f.missing.join(', ')} ${f.missing.length === 1 ? 'has' : 'have'} none active`,
  participantsKnown: (f: { readonly clientId: string; readonly unknown: readonly string[] }): string =>
    `participants must be the client (${f.clientId}) or people on the care team; ${f.unknown.join(', ')} ${f.unknown.length === 1 ? 'is' : 'are'} neither`,
  strategyExists: (f: { readonly strategyId: string; readonly caseId: string }): string => `no strategy ${f.strategyId} in case ${f.caseId}`,
  strategyActive: (f: { readonly strategyId: string; readonly status: string }): string => `sessions are scheduled only for an active strategy; strategy ${f.strategyId} is ${f.status}`,
  strategyNotEnded: (f: { readonly strategyId: string; readonly status: string }): string => `strategy ${f.strategyId} is ${f.status}: its sessions are not moved; record this one as cancelled`,
  strategyOpenWhenHeld: (f: { readonly strategyId: string; readonly status: string; readonly endedAt: string; readonly scheduledFor: string }): string =>
    `the session was held at ${f.scheduledFor}, after strategy ${f.strategyId} was ${f.status} (${f.endedAt}); record it as cancelled`,
  caseOpenWhenHeld: (f: { readonly scheduledFor: string; readonly caseId: string } & ({ readonly receivedAt: string } | { readonly status: string; readonly since: string })): string =>
    `the session was held at ${f.scheduledFor}, ${'receivedAt' in f ? `before case ${f.caseId}'s referral was received (${f.receivedAt})` : `while case ${f.caseId} was ${f.status === 'closed' ? 'closed' : 'on hold'} (since ${f.since})`}; record it as cancelled`,
  newTime: (f: { readonly sessionId: string; readonly scheduledFor: string }): string => `session ${f.sessionId} is already scheduled for ${f.scheduledFor}`,
  knownGoals: (f: { readonly goalIds: readonly string[]; readonly caseId: string }): string => `no goals ${f.goalIds.join(', ')} in case ${f.caseId}`,
  gasLevelsOnGasGoals: (f: { readonly goalIds: readonly string[] }): string => `goals ${f.goalIds.join(', ')} carry no GAS levels, so they cannot be given one`,
  scorable: (f: { readonly problem: 'indicator-responses' | 'indicator-no-score' | 'responses-or-score' }): string =>
    f.problem === 'indicator-responses' ? 'an indicator takes a score, not item responses' : f.problem === 'indicator-no-score' ? 'give the indicator’s value as score' : 'give either the item responses or the total score, not both',
  treatmentBegun: (f: { readonly caseId: string; readonly status: string; readonly reason: string }): string =>
    `case ${f.caseId} is ${f.status}: no treatment was delivered, so it cannot close as ${f.reason}; close as declined, disengaged, transferred, referred-on, deceased or other`,
  destinationOnHandingOn: (f: { readonly reason: string }): string => `a destination goes with closing as transferred or referred-on, not ${f.reason}`,
  noOpenCrisis: (f: { readonly since: string; readonly transferring: boolean }): string =>
    f.transferring ? 'a crisis is open: record a handoff note before closing as transferred' : `a crisis is open since ${f.since}: resolve it first, or close as transferred with a handoff note`,
  attendanceRecorded: (f: { readonly due: readonly string[] }): string =>
    `no attendance is recorded for sessions due by now (${f.due.join(', ')}); record each as attended, missed or cancelled first`,
  outcomesRecorded: (f: { readonly reason: string; readonly openGoals: readonly string[] | null }): string =>
    f.openGoals === null ? `closing as ${f.reason} needs a final evaluation; record one first` : `closing as ${f.reason} needs an outcome on every goal: ${f.openGoals.join(', ')}`,
  notDeceased: (): string => 'a case closed because the client died cannot be reopened',
  withinReopenWindow: (f: { readonly days: number; readonly limit: number }): string => `the case closed ${f.days} days ago; the policy allows reopening within ${f.limit} days`,
  notExpired: (f: { readonly expiresAt: string }): string => `expiresAt ${f.expiresAt} has already passed`,
  agreedByClient: (f: { readonly clientId: string }): string => `the client (${f.clientId}) or a family member on the team must be in agreedBy`,
  needRecorded: (): string => 'record at least one need first',
  strengthsRecorded: (): string => 'record at least one strength, or give noStrengthsReason',
  riskScreened: (): string => 'record a risk screen first',
  goalAgreed: (): string => 'agree at least one goal with the client first',
  strategyPerGoal: (f: { readonly goalIds: readonly string[] }): string => `plan a strategy for ${f.goalIds.map((id) => `goal ${id}`).join(', ')}`,
  safetyPlanInCrisis: (): string => 'a crisis is open: record a safety plan first',
  leadPractitioner: (): string => 'assign a lead practitioner first',
  finalEvaluationThisReview: (): string => 'record a final evaluation during this review first',
  notAlreadyOnTeam: (f: { readonly personId: string }): string => `person ${f.personId} is already on the team`,
  leadReplacedFirst: (f: { readonly memberId: string }): string => `member ${f.memberId} is the lead practitioner; assign another lead first`,
  clinicalRole: (f: { readonly memberId: string; readonly role: string }): string => `a lead practitioner needs a clinical role; member ${f.memberId} is ${f.role}`,
  notAlreadyLead: (f: { readonly memberId: string }): string => `member ${f.memberId} is already the lead`,
  riskLoweredSinceCrisis: (f: { readonly latest: string | null }): string =>
    `the latest risk level recorded is ${f.latest ?? 'none'}: record a risk level of moderate or lower first`,
} as const;
