import { ruleMessages as say } from './model/messages.js';
import type { MonitoringScheduleSetData, MeasurementRecordedData, MeasurementAmendedData, MeasurementVoidedData } from './model/measurement.js';
import { OPEN_CASE_STATUSES, PLANNING_ON } from './model/case.js';
import { CLINICAL_ROLES, dateSchema, idSchema, instantSchema, labelSchema, textSchema } from './model/primitives.js';
import { clean, dataOf, nested, type Data } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { SOURCES, type Measurement, type MeasuredValue, type MeasurementStatus, MEASUREMENT_STATUSES, UNSCORED } from './model/measurement.js';
import { compareInstants } from '../kernel/clock.js';
import { canonicalInstant as instant } from '../kernel/canonical-event.js';
import { append, editItem, writable } from './store/draft.js';
import { z } from 'zod';
import { isLifecycleError } from '../kernel/errors.js';
import { defineMachine } from '../kernel/machine.js';
import { describeTotal, scoreInstrument } from '../measures/instruments/score.js';
import { getInstrument } from '../measures/instruments/registry.js';
import type { Env } from './model/context.js';
import { accept, idTaken, notFound, refuse, stepEntity, type Refusal } from './rules/decision.js';
import { byId, own } from './store/lookup.js';
import type { CaseState, Mutable } from './model/state.js';
import { seriesOf } from './store/series.js';
import { refreshAchievements } from './rules/achievement.js';

const responses = z.array(z.number().int().nullable()).max(200);
const subject = { instrumentId: idSchema.optional(), indicator: labelSchema.optional() };

export const setMonitoringScheduleSchema = z
  .object({ type: z.literal('setMonitoringSchedule'), ...subject, everyDays: z.number().int().min(1).max(366).optional(), everyWeeks: z.number().int().min(1).max(52).optional(), startDate: dateSchema })
  .strict();
export const recordMeasurementSchema = z
  .object({
    type: z.literal('recordMeasurement'),
    measurementId: idSchema.optional(),
    ...subject,
    responses: responses.optional(),
    score: z.number().finite().optional(),
    takenAt: instantSchema.optional(),
    source: z.enum(SOURCES),
    goalIds: z.array(idSchema).max(50).optional(),
  })
  .strict();
export const amendMeasurementSchema = z
  .object({ type: z.literal('amendMeasurement'), measurementId: idSchema, responses: responses.optional(), score: z.number().finite().optional(), reason: textSchema })
  .strict();
export const voidMeasurementSchema = z.object({ type: z.literal('voidMeasurement'), measurementId: idSchema, reason: textSchema }).strict();

/** Sets how often an instrument (or indicator) is measured, from a start date. */
export interface SetMonitoringSchedule {
  startDate: string;
  type: 'setMonitoringSchedule';
  everyDays?: number | undefined;
  everyWeeks?: number | undefined;
  instrumentId?: string | undefined;
  indicator?: string | undefined;
}
/** Records a measurement: instrument responses (scored by the measures module) or a total, or an indicator value. */
export interface RecordMeasurement {
  source: 'client-report' | 'clinician-rated' | 'observer';
  type: 'recordMeasurement';
  responses?: (number | null)[] | undefined;
  score?: number | undefined;
  takenAt?: string | undefined;
  goalIds?: string[] | undefined;
  instrumentId?: string | undefined;
  indicator?: string | undefined;
  measurementId?: string | undefined;
}
/** Amends a measurement; the prior value stays in its history and in the log. */
export interface AmendMeasurement {
  type: 'amendMeasurement';
  measurementId: string;
  reason: string;
  responses?: (number | null)[] | undefined;
  score?: number | undefined;
}
/** Marks a measurement entered in error: it stays in the log and leaves every computation. */
export interface VoidMeasurement {
  type: 'voidMeasurement';
  measurementId: string;
  reason: string;
}

/** Events of measurements and monitoring. */
export interface MeasurementEvents {
  monitoringScheduleSet: MonitoringScheduleSetData;
  measurementRecorded: MeasurementRecordedData;
  measurementAmended: MeasurementAmendedData;
  measurementVoided: MeasurementVoidedData;
}

/** Commands of measurements and monitoring. */
export type MeasurementCommand = SetMonitoringSchedule | RecordMeasurement | AmendMeasurement | VoidMeasurement;
type Module = EntityModule<MeasurementCommand, MeasurementEvents>;

/** The measurement lifecycle: final → amended (keeps history) | entered-in-error. */
export const measurementMachine = defineMachine<MeasurementStatus, Exclude<MeasurementCommand, SetMonitoringSchedule>, { state: CaseState; env: Env }>({
  id: 'measurement',
  states: [...MEASUREMENT_STATUSES],
  final: ['entered-in-error'],
  transitions: {
    recordMeasurement: { from: [null], to: 'final' },
    amendMeasurement: { from: ['final', 'amended'], to: 'amended' },
    voidMeasurement: { from: ['final', 'amended'], to: 'entered-in-error' },
  },
});

function value(instrumentId: string | null, c: { responses?: (number | null)[] | undefined; score?: number | undefined }): MeasuredValue | string {
  if (instrumentId === null) {
    if (c.responses !== undefined) return say.scorable({ problem: 'indicator-responses' });
    if (c.score === undefined) return say.scorable({ problem: 'indicator-no-score' });
    return { responses: null, score: c.score, band: null, flags: [] };
  }
  if ((c.responses === undefined) === (c.score === undefined)) return say.scorable({ problem: 'responses-or-score' });
  try {
    if (c.responses !== undefined) {
      const s = scoreInstrument(instrumentId, c.responses);
      if (s.complete) return { responses: [...c.responses], score: s.total, band: s.band, flags: s.flags.map((f) => f.code) };
      // Too incomplete to score, but a risk item answered is never lost: it is kept, unscored, so the
      // risk alert sees it — a positive answer raises it, a 0 answers it. With no risk item answered
      // there is nothing to keep but a refusal.
      const risks = getInstrument(instrumentId)?.riskItems ?? [];
      if (!risks.some((r) => c.responses?.[r.item - 1] != null)) return s.reason;
      return { responses: [...c.responses], score: null, band: null, flags: [...s.flags.map((f) => f.code), UNSCORED] };
    }
    const d = describeTotal(instrumentId, c.score as number);
    return { responses: null, score: d.total, band: d.band, flags: [] };
  } catch (e) {
    if (isLifecycleError(e)) return e.message;
    throw e;
  }
}

function subjectOf(c: { type: string; instrumentId?: string | undefined; indicator?: string | undefined }, state: CaseState): { instrumentId: string | null; indicator: string | null } | Refusal {
  const about = { command: c.type, entity: 'case', id: state.id };
  if ((c.instrumentId === undefined) === (c.indicator === undefined)) return refuse('INVALID_COMMAND', 'oneSubject', about, say.oneSubject());
  if (c.instrumentId !== undefined && getInstrument(c.instrumentId) === undefined) {
    return refuse('GUARD_FAILED', 'knownInstrument', about, say.knownInstrument({ instrumentId: c.instrumentId }));
  }
  return { instrumentId: c.instrumentId ?? null, indicator: c.indicator ?? null };
}

const deciders: Module['deciders'] = {
  setMonitoringSchedule: (state, c) => {
    const s = subjectOf(c, state);
    if ('ok' in s) return s;
    if ((c.everyDays === undefined) === (c.everyWeeks === undefined)) return refuse('INVALID_COMMAND', 'oneInterval', { command: c.type, entity: 'case', id: state.id }, say.oneInterval());
    const everyDays = c.everyDays ?? (c.everyWeeks as number) * 7;
    return accept({ type: 'monitoringScheduleSet', data: { schedule: { instrumentId: s.instrumentId, indicator: s.indicator, everyDays, startDate: c.startDate } } });
  },
  recordMeasurement: (state, c, env) => {
    const id = c.measurementId ?? env.newId();
    if (byId(seriesOf<Measurement>(state, 'measurements'), id)) return idTaken('measurement', id, state.id, 'measurementId');
    const s = subjectOf(c, state);
    if ('ok' in s) return s;
    const r = stepEntity(measurementMachine, null, c, { state, env }, id);
    if ('refusal' in r) return r.refusal;
    const about = { command: c.type, entity: 'case', id: state.id };
    // Only a clinician rates; a client or family member reports (or, family, observes).
    if (c.source === 'clinician-rated' && (env.actor.role === 'client' || env.actor.role === 'family-member')) {
      return refuse('FORBIDDEN', 'sourceMatchesActor', about, say.sourceMatchesActor({ role: env.actor.role, source: c.source }));
    }
    if (env.actor.role === 'client' && c.source === 'observer') {
      return refuse('FORBIDDEN', 'sourceMatchesActor', about, say.sourceMatchesActor({ role: 'client', source: c.source }));
    }
    const takenAt = c.takenAt ?? env.at;
    // Taken "now" unless given: only a given instant can be in the future.
    if (c.takenAt !== undefined && compareInstants(takenAt, env.at) > 0) return refuse('GUARD_FAILED', 'notInFuture', about, say.notInFuture({ measurementId: id, takenAt }));
    for (const goalId of c.goalIds ?? []) {
      const goal = own(state.goals, goalId);
      if (!goal) return notFound('goal', goalId, state.id, 'goalIds');
      const same = s.instrumentId !== null ? goal.measure.instrumentId === s.instrumentId : goal.measure.indicator === s.indicator;
      if (!same) return refuse('GUARD_FAILED', 'measuresGoal', about, say.measuresGoal({ goalId, measuredBy: goal.measure.instrumentId ?? goal.measure.indicator ?? '(nothing)', given: s.instrumentId ?? s.indicator ?? '' }));
    }
    const v = value(s.instrumentId, c);
    if (typeof v === 'string') return refuse('GUARD_FAILED', 'scorable', about, v);
    // Written out (no spreads, which V8 copies slowly), in the order stored logs have always had.
    const measurement = { id, instrumentId: s.instrumentId, indicator: s.indicator, responses: v.responses, score: v.score, band: v.band, flags: v.flags, takenAt, source: c.source, goalIds: c.goalIds ?? [] };
    return accept({ type: 'measurementRecorded', data: { measurement } });
  },
  amendMeasurement: (state, c, env) => {
    const m = byId(seriesOf<Measurement>(state, 'measurements'), c.measurementId);
    if (!m) return notFound('measurement', c.measurementId, state.id, 'measurementId');
    const r = stepEntity(measurementMachine, m.status, c, { state, env }, m.id);
    if ('refusal' in r) return r.refusal;
    const v = value(m.instrumentId, c);
    if (typeof v === 'string') return refuse('GUARD_FAILED', 'scorable', { command: c.type, entity: 'measurement', id: m.id }, v);
    return accept({ type: 'measurementAmended', data: { measurementId: m.id, value: v }, reason: c.reason });
  },
  voidMeasurement: (state, c, env) => {
    const m = byId(seriesOf<Measurement>(state, 'measurements'), c.measurementId);
    if (!m) return notFound('measurement', c.measurementId, state.id, 'measurementId');
    const r = stepEntity(measurementMachine, m.status, c, { state, env }, m.id);
    return 'refusal' in r ? r.refusal : accept({ type: 'measurementVoided', data: { measurementId: m.id }, reason: c.reason });
  },
};

function copyValue(v: MeasuredValue): Mutable<MeasuredValue> {
  return { responses: v.responses === null ? null : [...v.responses], score: v.score, band: v.band, flags: [...v.flags] };
}

const evolvers: Module['evolvers'] = {
  monitoringScheduleSet: (d, e) => {
    const s = e.data.schedule;
    const i = d.monitoring.findIndex((x) => x.instrumentId === s.instrumentId && x.indicator === s.indicator);
    const next = { instrumentId: s.instrumentId, indicator: s.indicator, everyDays: s.everyDays, startDate: s.startDate };
    if (i === -1) append(d, 'monitoring', next);
    else writable(d, d, 'monitoring')[i] = next;
  },
  measurementRecorded: (d, e) => {
    const m = e.data.measurement;
    // Built field by field (no spread): measurements keep one shape, which keeps V8 fast.
    const recorded: Measurement = {
      id: m.id,
      status: 'final',
      instrumentId: m.instrumentId,
      indicator: m.indicator,
      // The event's arrays are shared, not copied: neither an event nor a state is ever changed in
      // place (an amendment replaces them whole), and a long replay allocates three arrays fewer per event.
      responses: m.responses,
      score: m.score,
      band: m.band,
      flags: m.flags,
      // Canonical however a stored log wrote it (kernel/canonical-event.ts).
      takenAt: instant(m.takenAt, 'data.measurement.takenAt'),
      source: m.source,
      goalIds: m.goalIds,
      recordedAt: e.at,
      history: [],
      statusReason: null,
    };
    append(d, 'measurements', recorded);
    refreshAchievements(d, recorded);
  },
  measurementAmended: (d, e) => {
    const m = editItem(d, 'measurements', e.data.measurementId);
    if (!m) return;
    const prior = copyValue(m);
    writable(d, m, 'history').push({ responses: prior.responses, score: prior.score, band: prior.band, flags: prior.flags, replacedAt: e.at, reason: e.reason ?? '' });
    const v = copyValue(e.data.value);
    m.responses = v.responses;
    m.score = v.score;
    m.band = v.band;
    m.flags = [...v.flags];
    m.status = 'amended';
    m.statusReason = e.reason ?? null;
    refreshAchievements(d, m as Measurement);
  },
  measurementVoided: (d, e) => {
    const m = editItem(d, 'measurements', e.data.measurementId);
    if (!m) return;
    m.status = 'entered-in-error';
    m.statusReason = e.reason ?? null;
    refreshAchievements(d, m as Measurement);
  },
};

/** For each measurement event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const measurementCommandOf: CommandOfMap<MeasurementEvents> = {
  monitoringScheduleSet: (e) => {
    const s = nested(dataOf(e), 'schedule');
    return clean({ type: 'setMonitoringSchedule', instrumentId: s.instrumentId, indicator: s.indicator, everyDays: s.everyDays, startDate: s.startDate });
  },
  measurementRecorded: (e) => {
    const m = nested(dataOf(e), 'measurement');
    // Written out: on Node 20 an object spread and then extended takes V8's slow path.
    const command: Data = { type: 'recordMeasurement', measurementId: m.id, instrumentId: m.instrumentId, indicator: m.indicator };
    if (Array.isArray(m.responses)) command.responses = m.responses;
    else command.score = m.score;
    command.takenAt = m.takenAt;
    command.source = m.source;
    command.goalIds = m.goalIds;
    return clean(command);
  },
  measurementAmended: (e) => {
    const d = dataOf(e);
    const v = nested(d, 'value');
    return Array.isArray(v.responses)
      ? { type: 'amendMeasurement', measurementId: d.measurementId, responses: v.responses, reason: e.reason }
      : { type: 'amendMeasurement', measurementId: d.measurementId, score: v.score, reason: e.reason };
  },
  measurementVoided: (e) => ({ type: 'voidMeasurement', measurementId: dataOf(e).measurementId, reason: e.reason }),
};

/** Measurements (standard instruments and indicators) and the monitoring schedules that ask for them. */
export const measurement = defineEntity<MeasurementCommand, MeasurementEvents>()({
  name: 'measurement',
  machine: measurementMachine,
  statuses: (state) => statusesOf(state.measurements),
  commands: {
    setMonitoringSchedule: { schema: setMonitoringScheduleSchema, roles: CLINICAL_ROLES, case: { from: PLANNING_ON } },
    recordMeasurement: { schema: recordMeasurementSchema, roles: [...CLINICAL_ROLES, 'client'], case: { from: ['assessing', 'planning', 'active', 'reviewing', 'on-hold'] } },
    // A closed case's measurements are still corrected (a mistyped score found in an audit), as they
    // are still voided: only reopening would do otherwise, and that says the client was referred again.
    amendMeasurement: { schema: amendMeasurementSchema, roles: CLINICAL_ROLES, case: { from: [...OPEN_CASE_STATUSES, 'closed'] } },
    voidMeasurement: { schema: voidMeasurementSchema, roles: [...CLINICAL_ROLES, 'admin'], case: { from: [...OPEN_CASE_STATUSES, 'closed'] } },
  },
  deciders,
  evolvers,
});
