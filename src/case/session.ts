import { ruleMessages as say } from './model/messages.js';
import type { SessionScheduledData, SessionRescheduledData, AttendanceRecordedData } from './model/session.js';
import { ATTENDANCE_RECORDED, SESSIONS_BOOKED } from './model/case.js';
import { CLINICAL_ROLES, idSchema, instantSchema, textSchema } from './model/primitives.js';
import { clean, dataOf, nested, pick } from './rules/command-of.js';
import { defineEntity, statusesOf, type EntityModule, type CommandOfMap } from './rules/entity.js';
import { ATTENDANCE, type Session, type SessionStatus, SESSION_STATUSES } from './model/session.js';
import { compareInstants, isBefore } from '../kernel/clock.js';
import { canonicalInstant as instant } from '../kernel/canonical-event.js';
import { append, editItem } from './store/draft.js';
import type { Writable } from './model/state.js';
import { z } from 'zod';
import { defineMachine } from '../kernel/machine.js';
import { accept, idTaken, notFound, stepEntity } from './rules/decision.js';
import { byId, own } from './store/lookup.js';
import { seriesOf } from './store/series.js';
import { consentToTreat } from './rules/consent.js';
import { findModality } from './model/modalities.js';
import { caseOpenWhenHeld, consentWhenHeldGuard, familyConsentGuard, participantsGuard, strategyNotEnded, strategyOpenWhenHeld, type SessionContext } from './rules/session-guards.js';

export const scheduleSessionSchema = z
  .object({
    type: z.literal('scheduleSession'),
    sessionId: idSchema.optional(),
    strategyId: idSchema,
    scheduledFor: instantSchema,
    participants: z.array(idSchema).min(1, 'name at least one participant, or leave participants out for the client alone').max(100).optional(),
    groupId: idSchema.optional(),
  })
  .strict();
export const recordAttendanceSchema = z
  .object({
    type: z.literal('recordAttendance'),
    sessionId: idSchema,
    attendance: z.enum(ATTENDANCE),
    participants: z.array(idSchema).min(1, 'name at least one participant, or leave participants out').max(100).optional(),
    notes: textSchema.optional(),
  })
  .strict();

export const rescheduleSessionSchema = z.object({ type: z.literal('rescheduleSession'), sessionId: idSchema, scheduledFor: instantSchema, reason: textSchema.optional() }).strict();

/** Moves a scheduled session to another time. */
export interface RescheduleSession {
  type: 'rescheduleSession';
  sessionId: string;
  scheduledFor: string;
  reason?: string | undefined;
}
/** Schedules a session of an active strategy. */
export interface ScheduleSession {
  type: 'scheduleSession';
  strategyId: string;
  scheduledFor: string;
  sessionId?: string | undefined;
  participants?: string[] | undefined;
  groupId?: string | undefined;
}
/** Records whether a session was attended, cancelled or missed. */
export interface RecordAttendance {
  type: 'recordAttendance';
  sessionId: string;
  attendance: 'attended' | 'cancelled' | 'did-not-attend';
  participants?: string[] | undefined;
  notes?: string | undefined;
}

/** Events of sessions. */
export interface SessionEvents {
  sessionScheduled: SessionScheduledData;
  attendanceRecorded: AttendanceRecordedData;
  sessionRescheduled: SessionRescheduledData;
}

/** Commands of sessions. */
export type SessionCommand = ScheduleSession | RescheduleSession | RecordAttendance;
type Module = EntityModule<SessionCommand, SessionEvents>;

/** The session lifecycle: scheduled → attended | cancelled | did-not-attend, for an active strategy. */
export const sessionMachine = defineMachine<SessionStatus, SessionCommand, SessionContext>({
  id: 'session',
  states: [...SESSION_STATUSES],
  final: ['attended', 'cancelled', 'did-not-attend'],
  transitions: {
    scheduleSession: {
      from: [null],
      to: 'scheduled',
      guards: [
        {
          name: 'strategyActive',
          check: (c, { state }) => {
            const s = own(state.strategies, c.strategyId);
            if (!s) return { code: 'NOT_FOUND', message: say.strategyExists({ strategyId: c.strategyId, caseId: state.id }) };
            return s.status === 'active' || say.strategyActive({ strategyId: s.id, status: s.status });
          },
        },
        participantsGuard,
        familyConsentGuard,
        {
          name: 'consentToTreat',
          check: (c, { state, env }) => {
            const s = own(state.strategies, c.strategyId);
            return s === undefined || consentToTreat(state, env.at, findModality(s.modality, env.policy.modalities));
          },
        },
      ],
    },
    rescheduleSession: {
      from: ['scheduled'],
      to: 'scheduled',
      guards: [
        strategyNotEnded,
        {
          name: 'newTime',
          check: (c, { session }) => !session || compareInstants(c.scheduledFor, session.scheduledFor) !== 0 || say.newTime({ sessionId: session.id, scheduledFor: session.scheduledFor }),
        },
      ],
    },
    recordAttendance: {
      from: ['scheduled'],
      to: { oneOf: ['attended', 'cancelled', 'did-not-attend'], pick: (c) => c.attendance },
      guards: [
        participantsGuard,
        familyConsentGuard,
        caseOpenWhenHeld,
        strategyOpenWhenHeld,
        consentWhenHeldGuard,
        {
          name: 'notInFuture',
          check: (c, { env, session }) =>
            c.attendance === 'cancelled' ||
            !session ||
            !isBefore(env.at, session.scheduledFor) ||
            say.notInFuture({ sessionId: session.id, scheduledFor: session.scheduledFor }),
        },
      ],
    },
  },
});

const deciders: Module['deciders'] = {
  scheduleSession: (state, c, env) => {
    const id = c.sessionId ?? env.newId();
    if (byId(seriesOf<Session>(state, 'sessions'), id)) return idTaken('session', id, state.id, 'sessionId');
    const r = stepEntity(sessionMachine, null, c, { state, env, session: undefined }, id);
    if ('refusal' in r) return r.refusal;
    const session: Writable<SessionEvents['sessionScheduled']['session']> = { id, strategyId: c.strategyId, scheduledFor: c.scheduledFor, participants: c.participants ?? [state.clientId] };
    if (c.groupId !== undefined) session.groupId = c.groupId;
    return accept({ type: 'sessionScheduled', data: { session } });
  },
  rescheduleSession: (state, c, env) => {
    const session = byId(seriesOf<Session>(state, 'sessions'), c.sessionId);
    if (!session) return notFound('session', c.sessionId, state.id, 'sessionId');
    const r = stepEntity(sessionMachine, session.status, c, { state, env, session }, session.id);
    if ('refusal' in r) return r.refusal;
    const data = { sessionId: session.id, scheduledFor: c.scheduledFor, previousScheduledFor: session.scheduledFor };
    return c.reason === undefined ? accept({ type: 'sessionRescheduled', data }) : accept({ type: 'sessionRescheduled', data, reason: c.reason });
  },
  recordAttendance: (state, c, env) => {
    const session = byId(seriesOf<Session>(state, 'sessions'), c.sessionId);
    if (!session) return notFound('session', c.sessionId, state.id, 'sessionId');
    const r = stepEntity(sessionMachine, session.status, c, { state, env, session }, session.id);
    if ('refusal' in r) return r.refusal;
    const data: Writable<SessionEvents['attendanceRecorded']> = { sessionId: session.id, attendance: c.attendance };
    if (c.participants !== undefined) data.participants = c.participants;
    if (c.notes !== undefined) data.notes = c.notes;
    return accept({ type: 'attendanceRecorded', data });
  },
};

const evolvers: Module['evolvers'] = {
  sessionScheduled: (d, e) => {
    const s = e.data.session;
    // Built field by field, every field present: entities keep one shape, which keeps V8 fast.
    append(d, 'sessions', {
      id: s.id,
      strategyId: s.strategyId,
      status: 'scheduled',
      // Canonical however a stored log wrote it (kernel/canonical-event.ts).
      scheduledFor: instant(s.scheduledFor, 'data.session.scheduledFor'),
      participants: [...s.participants],
      groupId: s.groupId ?? null,
      notes: null,
      recordedAt: null,
    });
  },
  sessionRescheduled: (d, e) => {
    const s = editItem(d, 'sessions', e.data.sessionId);
    if (s) s.scheduledFor = instant(e.data.scheduledFor, 'data.scheduledFor');
  },
  attendanceRecorded: (d, e) => {
    const s = editItem(d, 'sessions', e.data.sessionId);
    if (!s) return;
    s.status = e.data.attendance;
    s.recordedAt = e.at;
    if (e.data.participants) s.participants = [...e.data.participants];
    if (e.data.notes !== undefined) s.notes = e.data.notes;
  },
};

/** For each session event, the command that recorded it: the inverse the record validator re-decides (kept out of the engine's bundle). */
export const sessionCommandOf: CommandOfMap<SessionEvents> = {
  sessionScheduled: (e) => {
    const s = nested(dataOf(e), 'session');
    return clean({ type: 'scheduleSession', sessionId: s.id, ...pick(s, 'strategyId', 'scheduledFor', 'participants', 'groupId') });
  },
  sessionRescheduled: (e) => clean({ type: 'rescheduleSession', sessionId: dataOf(e).sessionId, scheduledFor: dataOf(e).scheduledFor, reason: e.reason }),
  attendanceRecorded: (e) => {
    const d = dataOf(e);
    return clean({ type: 'recordAttendance', sessionId: d.sessionId, attendance: d.attendance, participants: d.participants, notes: d.notes });
  },
};

/** Sessions: scheduled for an active strategy, then attended, cancelled or missed (a time series). */
export const session = defineEntity<SessionCommand, SessionEvents>()({
  name: 'session',
  machine: sessionMachine,
  statuses: (state) => statusesOf(state.sessions),
  commands: {
    scheduleSession: { schema: scheduleSessionSchema, roles: [...CLINICAL_ROLES, 'admin'], case: { from: SESSIONS_BOOKED } },
    rescheduleSession: { schema: rescheduleSessionSchema, roles: [...CLINICAL_ROLES, 'admin'], case: { from: SESSIONS_BOOKED } },
    recordAttendance: { schema: recordAttendanceSchema, roles: CLINICAL_ROLES, case: { from: ATTENDANCE_RECORDED } },
  },
  deciders,
  evolvers,
});
