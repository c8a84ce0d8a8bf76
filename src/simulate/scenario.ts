/**
 * The scenario of a simulated service (DESIGN.md §12): who arrives, how long they wait, what
 * treatment they get, how they respond, and how the service monitors and reviews them. Every field
 * has a default, so `{}` is a valid scenario; `parseScenario` lists every problem with its path.
 */
import { z } from 'zod';
import { dateSchema, roleSchema } from '../case/model/primitives.js';
import { NEED_DOMAINS, RISK_LEVELS } from '../case/model/assessment.js';
import { FREQUENCIES } from '../case/model/strategy.js';
import { findModality } from '../case/model/modalities.js';
import { PROGRAMME_KINDS } from '../programme/model.js';
import { deepFreeze } from '../case/store/freezing.js';

const share = z.number().min(0).max(1);
const weights = z.record(z.string().regex(/^[a-z0-9][a-z0-9 -]*$/i, 'a short name'), z.number().nonnegative()).refine((w) => Object.values(w).some((x) => x > 0), 'at least one weight above zero');
const normal = z.object({ mean: z.number().finite(), sd: z.number().finite().nonnegative() }).strict();
const instrumentId = z.enum(['phq9', 'gad7']);
const changes = z.partialRecord(instrumentId, normal);

const stepSchema = z
  .object({
    modality: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a modality name in lower case').describe('A catalogue modality, or a name of your own (registered for the run, delivered by `role`).'),
    role: roleSchema.default('therapist').describe('Who delivers it: the care-team role of the responsible member (for a catalogue modality, one of the roles that may deliver it).'),
    sessions: z.number().int().min(1).max(100).default(8).describe('The planned dose, in sessions.'),
    frequency: z.enum(FREQUENCIES).default('weekly'),
    responders: share.default(0.5).describe('The share of clients who respond to this step.'),
    responder: changes.default({ phq9: { mean: -8, sd: 4 }, gad7: { mean: -6, sd: 4 } }).describe('True change per instrument over the step, for responders.'),
    nonResponder: changes.default({ phq9: { mean: -1, sd: 3 }, gad7: { mean: -1, sd: 3 } }).describe('True change per instrument over the step, for non-responders.'),
  })
  .strict();

const pathwaySchema = z
  .object({
    share: z.number().positive().default(1).describe('The share of clients on this pathway (relative to the other pathways).'),
    steps: z.array(stepSchema).min(1).max(5).describe('Treatment steps in order; a client moves to the next step when the last one left them not reliably improved on the first monitored instrument.'),
  })
  .strict();

/** The zod schema of a scenario (defaults filled in by parsing). */
export const scenarioSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema this file follows (ignored).'),
    name: z.string().min(1).max(200).default('scenario').describe('A name for the scenario, printed in the summary.'),
    startDate: dateSchema.default('2026-01-05').describe('The day the first client is referred.'),
    arrivalsPerWeek: z
      .union([
        z.number().min(0.01).max(100_000),
        z
          .array(z.number().nonnegative().max(100_000).refine((r) => r === 0 || r >= 0.01, 'a weekly rate is 0 or at least 0.01'))
          .min(1)
          .max(520)
          .refine((rates) => (rates[rates.length - 1] ?? 0) > 0, 'the last rate carries on after the list: it must be above zero'),
      ])
      .default(20)
      .describe('Referrals per week: one rate (client i is referred in week i / rate), or a rate for each week in turn, the last carrying on (demand that grows, falls or follows the seasons).'),
    weeks: z.number().int().min(1).max(260).default(26).describe('How long each client is followed from referral, in weeks. A client still waiting for assessment or treatment when it ends keeps an open case (referred or planning).'),
    referral: z
      .object({
        sources: weights.default({ GP: 0.7, 'self-referral': 0.3 }),
        urgency: z
          .partialRecord(z.enum(['routine', 'urgent', 'asap', 'stat']), z.number().nonnegative())
          .refine((w) => Object.values(w).some((x) => (x ?? 0) > 0), 'at least one weight above zero')
          .default({ routine: 0.9, urgent: 0.1 }),
      })
      .strict()
      .default({ sources: { GP: 0.7, 'self-referral': 0.3 }, urgency: { routine: 0.9, urgent: 0.1 } })
      .describe('The referral mix: sources and urgencies (FHIR ServiceRequest.priority), as weights.'),
    waitDays: normal.default({ mean: 21, sd: 10 }).describe('Days from referral to assessment (truncated at 0); treatment starts a week later.'),
    assessment: z
      .object({
        needs: z
          .array(
            z
              .object({
                domain: z.enum(NEED_DOMAINS),
                description: z.string().trim().min(1).max(200),
                share: share.default(1).describe('The share of clients found to have this need.'),
                severity: z.number().int().min(1).max(5).default(3),
                priority: z.number().int().min(1).max(5).default(4).describe("The client's priority for it, 1 to 5."),
              })
              .strict(),
          )
          .min(1)
          .max(10)
          .default([{ domain: 'emotional', description: 'Low mood and worry', share: 1, severity: 3, priority: 4 }])
          .describe('The needs an assessment may find, each with its share of clients; a client found to have none has the first. The goals address the first need a client has.'),
        riskScreen: z
          .partialRecord(z.enum(RISK_LEVELS), z.number().nonnegative())
          .refine((w) => Object.values(w).some((x) => (x ?? 0) > 0), 'at least one weight above zero')
          .default({ low: 1 })
          .describe('The risk screen at assessment, as weights; high or imminent opens a crisis, so a safety plan is written before the plan starts and the crisis is resolved in the first week.'),
      })
      .strict()
      .default({ needs: [{ domain: 'emotional', description: 'Low mood and worry', share: 1, severity: 3, priority: 4 }], riskScreen: { low: 1 } })
      .describe('Assessment findings: needs and the risk screen.'),
    goal: z
      .object({
        instruments: z
          .enum(['first', 'all'])
          .default('first')
          .describe("Which monitored instruments get a goal: the first only, or all of them (one goal each, so the GAS T-score combines several goals). Stepping up follows the first instrument either way."),
        gas: z.boolean().default(true).describe("Scale each goal for Goal Attainment Scaling (levels −2 to +2 written from the baseline and the target), so the closing evaluation gives a GAS T-score."),
      })
      .strict()
      .default({ instruments: 'first', gas: true })
      .describe("The client's SMART goals (simulateCohort; a programme member's goal is taking part): each brings a monitored instrument below caseness (or a point lower when already below it) by the end of follow-up."),
    baseline: changes.default({ phq9: { mean: 16, sd: 4 }, gad7: { mean: 13, sd: 4 } }).describe('True score at assessment, per monitored instrument.'),
    weeksToEffect: z.number().positive().max(52).default(4).describe('Time constant of the response, in weeks of treatment received: a step reaches 63% of its change after this many (each session attended counts for the interval of its frequency, a week for weekly sessions; a missed one counts for nothing).'),
    measurementError: z.partialRecord(instrumentId, z.number().nonnegative()).default({}).describe("The SD of measurement error per instrument; by default the catalogue's reference SD × √(1 − reliability)."),
    monitoring: z
      .object({ instruments: z.array(instrumentId).min(1).max(2).default(['phq9', 'gad7']), everyWeeks: z.number().int().min(1).max(52).default(1) })
      .strict()
      .default({ instruments: ['phq9', 'gad7'], everyWeeks: 1 })
      .describe('The instruments monitored (the first is the goal\'s measure and decides stepping up) and how often.'),
    pathways: z
      .array(pathwaySchema)
      .min(1)
      .max(20)
      .describe('The modality mix: pathways of care, each with its share and its steps.')
      .default([{ share: 1, steps: [{ modality: 'cbt', role: 'therapist', sessions: 12, frequency: 'weekly', responders: 0.5, responder: { phq9: { mean: -8, sd: 4 }, gad7: { mean: -6, sd: 4 } }, nonResponder: { phq9: { mean: -1, sd: 3 }, gad7: { mean: -1, sd: 3 } } }] }]),
    didNotAttend: share.default(0.1).describe('The chance a scheduled session is missed.'),
    dropoutPerWeek: share.default(0.02).describe('The weekly chance a client in treatment stops coming (the case closes as disengaged).'),
    crisisPerWeek: share.default(0.005).describe('The weekly chance of a crisis (a high risk level, a safety plan, resolution a week later).'),
    reviewEveryWeeks: z.number().int().min(1).max(52).default(12).describe('Weeks between plan reviews.'),
    researchConsent: share.default(0.9).describe('The share of clients who consent to their data being used for research.'),
    programme: z
      .object({
        kind: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).default('group-therapy-course').describe('A programme kind (group-therapy-course, psychoeducation-group, day-treatment-programme, residential-therapeutic-community, peer-support-group).'),
        capacity: z.number().int().min(2).max(100).default(8).describe('Members per group.'),
        weeks: z.number().int().min(1).max(104).default(12).describe('How long each group runs, in weeks.'),
        meetingsPerWeek: z.number().int().min(1).max(5).default(1).describe('Meetings a week (on weekdays).'),
        startEveryWeeks: z.number().int().min(1).max(52).default(4).describe('A new group starts this many weeks after the last.'),
        responders: share.default(0.5).describe('The share of members who respond to the group.'),
        responder: changes.default({ phq9: { mean: -6, sd: 4 }, gad7: { mean: -5, sd: 4 } }).describe('True change per monitored instrument over the programme, for responders; it accrues with the meetings attended.'),
        nonResponder: changes.default({ phq9: { mean: -1, sd: 3 }, gad7: { mean: -1, sd: 3 } }).describe('True change per monitored instrument over the programme, for non-responders.'),
      })
      .strict()
      .optional()
      .describe('A group programme (simulateProgrammes): groups of clients, each in their own case, meeting through the programme engine; attendance and dropout follow didNotAttend and dropoutPerWeek, scores are monitored as for the cohort (baseline, monitoring, weeksToEffect in weeks of meetings attended), research consent follows researchConsent.'),
  })
  .strict();

/** A scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written: every field optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A problem with a scenario: where, and what. */
export interface ScenarioIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks a scenario and fills in its defaults: `{ ok: true, scenario }`, or every problem with its
 * path (a JSON pointer). The scenario is frozen, deeply: the simulators take it without checking it
 * again, so a change is made on a copy (`{ ...scenario, weeks: 4 }`), which they check. The input is
 * left as it was.
 *
 * @example
 * ```ts
 * const r = parseScenario({ arrivalsPerWeek: 50 });
 * if (r.ok) r.scenario.weeks; // 26
 * ```
 */
export function parseScenario(input: unknown): { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] } {
  const r = scenarioSchema.safeParse(input);
  if (r.success) {
    const issues = meaningIssues(r.data);
    if (issues.length > 0) return { ok: false, issues };
    // Frozen: the simulators trust a parsed scenario without checking it again, so it must stay
    // the scenario that was checked (a change is made on a copy, which is checked).
    const scenario = deepFreeze(r.data);
    PARSED.add(scenario);
    return { ok: true, scenario };
  }
  return { ok: false, issues: r.error.issues.map((i) => ({ path: `/${i.path.map(String).join('/')}`, message: i.message })) };
}

// The scenarios parseScenario returned: the simulators take these as they are.
const PARSED = new WeakSet<object>();

/**
 * The scenario a simulator runs: one that {@link parseScenario} returned, as it is; anything else (a
 * scenario as written, as JSON.parse gives it, or a parsed one copied with a change) is checked and
 * completed first, so that a bad one is refused with every problem and its path, never met as a
 * TypeError half-way through a client (a parse costs about 20 µs: give parsed scenarios to loops).
 *
 * @throws {TypeError} naming the caller and every problem with its path.
 */
export function scenarioOf(input: unknown, caller: string): Scenario {
  if (typeof input === 'object' && input !== null && PARSED.has(input)) return input as Scenario;
  const r = parseScenario(input);
  if (!r.ok) throw new TypeError(`${caller}: not a valid scenario (${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})`);
  return r.scenario;
}

/**
 * What a well-formed scenario can still get wrong, found here rather than as a refusal in the middle
 * of a run: a monitored instrument with no baseline, a catalogue modality given to a role that may
 * not deliver it (the engine refuses to start such a strategy), a modality whose outcome is not a
 * change in scores, a programme kind that does not exist.
 */
function meaningIssues(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const i of s.monitoring.instruments) if (s.baseline[i] === undefined) issues.push({ path: `/baseline/${i}`, message: `${i} is monitored: give its baseline { mean, sd }` });
  // Twice would record each score twice at one instant, and the second goal on it would have no evidence.
  s.monitoring.instruments.forEach((id, i) => {
    if (s.monitoring.instruments.indexOf(id) !== i) issues.push({ path: `/monitoring/instruments/${i}`, message: `${id} is already monitored; list each instrument once` });
  });
  s.pathways.forEach((p, i) =>
    p.steps.forEach((step, j) => {
      const known = findModality(step.modality);
      if (step.modality === 'structured-family-intervention') {
        // Its outcome is whether the person accepts treatment, at a family meeting: not a change in scores.
        issues.push({ path: `/pathways/${i}/steps/${j}/modality`, message: 'a structured-family-intervention ends with the person accepting or declining treatment, which the simulator does not model; simulate the treatment that follows' });
      } else if (known !== undefined && !known.roles.includes(step.role)) {
        issues.push({ path: `/pathways/${i}/steps/${j}/role`, message: `${step.modality} is delivered by ${known.roles.join(', ')}, not ${step.role}` });
      }
    }),
  );
  if (s.programme !== undefined && !Object.hasOwn(PROGRAMME_KINDS, s.programme.kind)) {
    issues.push({ path: '/programme/kind', message: `"${s.programme.kind}" is not a programme kind (${Object.keys(PROGRAMME_KINDS).join(', ')})` });
  }
  return issues;
}

/**
 * The JSON Schema of a scenario, for editors and other languages (shipped as
 * `schema/scenario.schema.json`).
 *
 * @example
 * ```ts
 * scenarioJsonSchema().title; // 'intervention-lifecycle scenario'
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return { title: 'intervention-lifecycle scenario', ...z.toJSONSchema(scenarioSchema, { io: 'input' }) };
}
