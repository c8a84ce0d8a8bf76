import { LifecycleError } from '../../kernel/errors.js';
import { validateRecord } from '../../validate/validate-record.js';
import { mayShare } from '../../case/rules/consent.js';
import type { CaseEvent } from '../../engine/events.js';
import type { FhirBundle, FhirBundleEntry } from '../types.js';
import { exportContext, type ToFhirOptions, type Mapped } from './context.js';
import { toEpisodeOfCare } from './episode-of-care.js';
import { toServiceRequest } from './service-request.js';
import { toCarePlan } from './care-plan.js';
import { toGoals } from './goal.js';
import { toCareTeam } from './care-team.js';
import { toEncounters } from './encounter.js';
import { toObservations } from './observation.js';
import { toQuestionnaireResponses } from './questionnaire-response.js';
import { toConsents } from './consent.js';
import { toCrisisFlags, toRiskAssessments } from './crisis.js';
import { toProvenances } from './provenance.js';

/**
 * A case record as a FHIR R4 Bundle: the case as an EpisodeOfCare, the referral as a ServiceRequest,
 * the plan as a CarePlan (strategies as activities), goals, the care team, sessions as Encounters,
 * measurements as Observations (LOINC-coded where the instrument has codes, items included) and
 * QuestionnaireResponses, consents, risk levels and crises (RiskAssessment, Flag), and one Provenance
 * per event. The record is validated first; an invalid one is refused with its issues. The same
 * record gives the same Bundle, byte for byte (ids and UUIDs are derived, not drawn).
 *
 * @throws LifecycleError `INVALID_INPUT` when the record does not validate (its issues attached);
 * `CONSENT_REQUIRED` when `shareWith` names a recipient the client's information-sharing consent
 * does not cover.
 * @example
 * ```ts
 * import { toFhirBundle } from 'intervention-lifecycle/fhir';
 *
 * const bundle = toFhirBundle(record);                                  // a collection
 * const tx = toFhirBundle(record, { type: 'transaction', conditionalReferences: true });
 * toFhirBundle(record, { shareWith: 'org-gp' }); // refused unless the client's consent covers org-gp
 * tx.entry[0]?.request; // { method: 'POST', url: 'EpisodeOfCare', ifNoneExist: 'identifier=…' }
 * ```
 */
export function toFhirBundle(record: unknown, options: ToFhirOptions = {}): FhirBundle {
  const checked = validateRecord(record, options.policy === undefined ? {} : { policy: options.policy });
  if (!checked.valid || checked.state === undefined) {
    const issues = checked.issues.filter((i) => i.severity === 'error');
    throw new LifecycleError('INVALID_INPUT', `The record does not validate (${issues.length} issue${issues.length === 1 ? '' : 's'}); the first: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`, {
      issues: issues.map((i) => ({ path: i.path.split('/').slice(1), code: i.code, message: i.message })),
    });
  }
  const state = checked.state;
  const events = (record as { events: readonly CaseEvent[] }).events;
  const ctx = exportContext(state, events, options);
  if (options.shareWith !== undefined && !mayShare(state, 'information-sharing', ctx.asOf, options.shareWith)) {
    const message = `The client's information may not go to ${options.shareWith}: no active information-sharing consent covers it at ${ctx.asOf}`;
    throw new LifecycleError('CONSENT_REQUIRED', message, { issues: [{ path: ['shareWith'], code: 'CONSENT_REQUIRED', message }] });
  }
  const mapped: Mapped[] = [
    toEpisodeOfCare(ctx),
    toServiceRequest(ctx),
    ...toCareTeam(ctx),
    ...toCarePlan(ctx),
    ...toGoals(ctx),
    ...toEncounters(ctx),
    ...toQuestionnaireResponses(ctx),
    ...toObservations(ctx),
    ...toConsents(ctx),
    ...toRiskAssessments(ctx),
    ...toCrisisFlags(ctx),
    ...(options.provenance === false ? [] : toProvenances(ctx)),
  ];
  const transaction = options.type === 'transaction';
  const entry: FhirBundleEntry[] = mapped.map(({ key, resource }) => {
    const type = resource.resourceType;
    const fullUrl = ctx.fullUrl(type, key);
    if (!transaction) return { fullUrl, resource };
    const identifier = 'identifier' in resource ? resource.identifier : undefined;
    const first = Array.isArray(identifier) ? identifier[0] : identifier;
    const request: NonNullable<FhirBundleEntry['request']> = { method: 'POST', url: type };
    if (options.conditionalReferences === true && first?.system !== undefined && first.value !== undefined) {
      request.ifNoneExist = `identifier=${encodeURIComponent(first.system)}|${encodeURIComponent(first.value)}`;
    }
    return { fullUrl, resource, request };
  });
  return { resourceType: 'Bundle', type: transaction ? 'transaction' : 'collection', timestamp: state.updatedAt, entry };
}
