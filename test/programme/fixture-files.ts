import { toRecord } from '../../src/validate/index.js';
import { PROGRAMME_RECORD_FORMAT } from '../../src/programme/index.js';
import { facilitator, world } from './world.js';

/** A small group programme (three members, one session held) as records: the programme's and each member case's. */
export function programmeFixture(): { programme: unknown; cases: unknown[] } {
  const w = world(3);
  w.running(3);
  w.must({ type: 'scheduleGroupSession', sessionId: 'g-1', kind: 'group-session', scheduledFor: '2026-01-05T12:00:00.000Z' }, facilitator);
  w.must({ type: 'recordGroupAttendance', sessionId: 'g-1', attendance: { 'mem-1': 'attended', 'mem-2': 'attended', 'mem-3': 'did-not-attend' } }, facilitator);
  return {
    programme: JSON.parse(JSON.stringify({ format: PROGRAMME_RECORD_FORMAT, schemaVersion: 1, events: w.programmeEvents })) as unknown,
    cases: [...w.caseEvents.values()].map((events) => JSON.parse(JSON.stringify(toRecord(events))) as unknown),
  };
}
