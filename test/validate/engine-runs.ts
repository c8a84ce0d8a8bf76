/**
 * Random runs of the engine for property tests: sequences of every command type, by every kind of
 * actor, with a clock that may jump back (servers that disagree), instants written with offsets (in
 * commands and from the clock), non-SMART draft goals and measurements dated in the past.
 */
import fc from 'fast-check';
import { COMMAND_TYPES, dispatch, type Actor, type CaseEvent, type CaseState, type CommandType } from '../../src/index.js';
import { people, phqGoal, referral } from '../case/fixtures.js';
import { sampleCommand } from '../case/samples.js';

const ACTORS: readonly Actor[] = [people.lead, people.therapist, people.client, people.supervisor, people.admin, people.psychiatrist];
export const OFFSETS = [null, '+05:30', '-08:00', '+14:00', '-00:00'] as const;
const START = Date.parse('2026-01-05T09:00:00.000Z');

/** The same instant written in another zone's local time with its offset. */
export function written(instant: string, offset: (typeof OFFSETS)[number]): string {
  if (offset === null) return instant;
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(Date.parse(instant) + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

/** A command with every canonical instant in it written with the offset. */
export function rewrite(value: unknown, offset: (typeof OFFSETS)[number]): unknown {
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) ? written(value, offset) : value;
  if (Array.isArray(value)) return value.map((v) => rewrite(v, offset));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, offset)]));
  return value;
}

/** Variations the samples do not cover: non-SMART drafts, dated measurements, other statuses' commands. */
function vary(command: Record<string, unknown>, variant: number, at: number): Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString();
  switch (`${String(command.type)}:${variant % 4}`) {
    case 'proposeGoal:1': // not measurable against its instrument's range, vague
      return { ...command, description: 'Feel better', measure: { ...phqGoal.measure, target: 40 } };
    case 'proposeGoal:2': // no direction of change
      return { ...command, measure: { ...phqGoal.measure, target: phqGoal.measure.baseline } };
    case 'proposeGoal:3': // dates reversed: refused by the engine, never written
      return { ...command, startDate: '2026-06-30', targetDate: '2026-01-10' };
    case 'recordMeasurement:1':
      return { type: 'recordMeasurement', instrumentId: 'phq9', score: 1 + (variant % 26), takenAt: iso(at - (variant % 7) * 86_400_000), source: 'clinician-rated' };
    case 'recordMeasurement:2':
      return { type: 'recordMeasurement', instrumentId: 'phq9', responses: [null, null, 1, 1, 1, 1, 1, 1, variant % 4], takenAt: iso(at - 3_600_000), source: 'client-report' };
    case 'recordMeasurement:3':
      return { type: 'recordMeasurement', instrumentId: 'gad7', responses: [1, 2, 1, 0, 1, 2, variant % 4], source: 'client-report' };
    case 'scheduleSession:1':
      return { ...command, scheduledFor: iso(at + 86_400_000) };
    case 'recordConsent:1':
      return { type: 'recordConsent', scope: 'treatment', grantedBy: 'client-1', expiresAt: iso(at + 30 * 86_400_000) };
    case 'recordConsent:2':
      return { type: 'recordConsent', scope: 'modality:medication', grantedBy: 'client-1' };
    case 'closeCase:1':
      return { type: 'closeCase', reason: 'referred-on', destination: 'gp-practice' };
    case 'reviseGoal:1':
      return { ...command, targetDate: '2026-09-30' };
    default:
      return command;
  }
}

export const stepArb = fc.record({
  type: fc.nat(COMMAND_TYPES.length - 1),
  actor: fc.nat(ACTORS.length - 1),
  // Mostly forward, sometimes back: two servers whose clocks disagree by up to two hours.
  advance: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 3 * 86_400_000 }) }, { weight: 1, arbitrary: fc.integer({ min: -7_200_000, max: 0 }) }),
  offset: fc.constantFrom(...OFFSETS),
  clockOffset: fc.constantFrom(...OFFSETS),
  variant: fc.nat(1000),
  // Half the steps follow a course of care, so runs reach deep; the others are any command at all.
  scripted: fc.boolean(),
});

const SCRIPT: readonly [Actor, CommandType, Record<string, unknown>][] = [
  [people.lead, 'recordStrength', {}],
  [people.lead, 'recordRiskScreen', {}],
  [people.lead, 'completeAssessment', {}],
  [people.lead, 'proposeGoal', { goalId: 'g-1' }],
  [people.client, 'agreeGoal', { goalId: 'g-1' }],
  [people.lead, 'proposeStrategy', { strategyId: 's-1', modality: 'cbt', responsibleMemberId: 'm-ther' }],
  [people.lead, 'planStrategy', { strategyId: 's-1' }],
  [people.client, 'recordConsent', { consentId: 'k-1', scope: 'treatment', sharingWith: [] }],
  [people.lead, 'activatePlan', {}],
  [people.therapist, 'startStrategy', { strategyId: 's-1' }],
  [people.therapist, 'scheduleSession', {}],
  [people.therapist, 'recordAttendance', {}],
  [people.client, 'recordMeasurement', {}],
  [people.lead, 'startReview', {}],
  [people.lead, 'recordEvaluation', { status: 'final' }],
  [people.lead, 'completeReview', {}],
];

/** A fixed beginning that reaches deep (team, assessment, goal, plan), then the random steps. */
const OPENING: readonly [Actor, CommandType, Record<string, unknown>][] = [
  [people.lead, 'addTeamMember', { memberId: 'm-lead', personId: 'p-lead', role: 'lead-practitioner' }],
  [people.lead, 'assignLead', { memberId: 'm-lead' }],
  [people.lead, 'addTeamMember', { memberId: 'm-ther', personId: 'p-ther', role: 'therapist' }],
  [people.lead, 'startAssessment', { methods: ['interview'] }],
  [people.lead, 'recordNeed', { needId: 'n-mood', domain: 'emotional', description: 'Low mood', severity: 3, priority: 3 }],
];

export function run(steps: readonly { type: number; actor: number; advance: number; offset: (typeof OFFSETS)[number]; clockOffset: (typeof OFFSETS)[number]; variant: number; scripted: boolean }[]) {
  let at = START;
  let clockOffset: (typeof OFFSETS)[number] = null;
  const now = () => written(new Date(at).toISOString(), clockOffset);
  let counter = 0;
  const newId = () => `r-${++counter}`;
  const first = dispatch(null, { type: 'openCase', caseId: 'c-1', clientId: 'client-1', referral, setting: 'clinic' }, { actor: people.lead, now, newId });
  if (!first.ok) throw first.error;
  let state: CaseState = first.state;
  const events: CaseEvent[] = [...first.events];
  let accepted = 0;
  const send = (actor: Actor, command: unknown) => {
    const r = dispatch(state, command, { actor, now, newId });
    if (r.ok) {
      state = r.state;
      events.push(...r.events);
      accepted += 1;
    }
  };
  for (const [actor, type, extra] of OPENING) {
    at += 3_600_000;
    send(actor, { ...sampleCommand(type, state), ...extra });
  }
  let next = 0;
  for (const s of steps) {
    at += s.advance;
    clockOffset = s.clockOffset;
    if (s.scripted) {
      const [actor, type, extra] = SCRIPT[next++ % SCRIPT.length] as [Actor, CommandType, Record<string, unknown>];
      send(actor, rewrite({ ...sampleCommand(type, state), ...extra }, s.offset));
      continue;
    }
    const type = COMMAND_TYPES[s.type] as CommandType;
    const command = vary(sampleCommand(type, state), s.variant, at);
    send(ACTORS[s.actor] as Actor, rewrite(command, s.offset));
  }
  return { events, state, accepted };
}
