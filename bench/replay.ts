/**
 * replay over 1,000,000 events made of many distinct logs (not one cache-hot log folded again and
 * again), against a hand-written mutable fold of the same events that keeps only statuses and
 * counts (the limit); and replay of one case of 50,000 measurements.
 */
import { dispatch, replay, type CaseEvent, type CaseState, type Context } from '../src/index.js';
import { measureInterleaved, printTable, type BenchResult } from './harness.js';
import { lead, runScenario, scenario } from './scenario.js';

/** The standard scenario as case `k`: its own case id, clock, ids and scores, so no two logs share objects. */
function distinctLog(k: number): CaseEvent[] {
  let state: CaseState | null = null;
  let n = 0;
  let at = Date.UTC(2026, 0, 5) + k * 60_000;
  const events: CaseEvent[] = [];
  for (const [actor, command] of scenario) {
    const c = command.type === 'openCase' ? { ...command, caseId: `c-${k}` } : command.type === 'recordMeasurement' && 'score' in command ? { ...command, score: ((command.score as number) + k) % 21 } : command;
    const ctx: Context = { actor, now: () => new Date((at += 1000)).toISOString(), newId: () => `k${k}-${++n}` };
    const r = dispatch(state, c, ctx);
    if (!r.ok) throw r.error;
    state = r.state;
    events.push(...r.events);
  }
  return events;
}

// The limit: the same events folded into a plain mutable object by a switch, with no frame checks,
// no entities beyond their statuses, no derived values.
interface Plain {
  status: string;
  version: number;
  goals: Record<string, string>;
  strategies: Record<string, string>;
  sessions: Record<string, string>;
  measurements: number[];
}
function fold(events: readonly CaseEvent[]): Plain {
  const s: Plain = { status: 'referred', version: 0, goals: {}, strategies: {}, sessions: {}, measurements: [] };
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as CaseEvent;
    const d = e.data as Record<string, unknown>;
    switch (e.type) {
      case 'assessmentStarted': s.status = 'assessing'; break;
      case 'assessmentCompleted': s.status = 'planning'; break;
      case 'planActivated': s.status = 'active'; break;
      case 'reviewStarted': s.status = 'reviewing'; break;
      case 'caseClosed': s.status = 'closed'; break;
      case 'goalProposed': s.goals[(d.goal as { id: string }).id] = 'proposed'; break;
      case 'goalAgreed': s.goals[d.goalId as string] = d.status as string; break;
      case 'goalOutcomeRecorded': s.goals[d.goalId as string] = d.outcome as string; break;
      case 'strategyProposed': s.strategies[(d.strategy as { id: string }).id] = 'proposed'; break;
      case 'strategyPlanned': s.strategies[d.strategyId as string] = 'planned'; break;
      case 'strategyStarted': s.strategies[d.strategyId as string] = 'active'; break;
      case 'sessionScheduled': s.sessions[(d.session as { id: string }).id] = 'scheduled'; break;
      case 'attendanceRecorded': s.sessions[d.sessionId as string] = d.attendance as string; break;
      case 'measurementRecorded': s.measurements.push((d.measurement as { score: number }).score); break;
      default: break;
    }
    s.version = e.seq;
  }
  return s;
}

/** One case of `n` events: the course up to its first strategy, then measurement after measurement. */
function longCase(n: number): CaseEvent[] {
  const { events: course } = runScenario();
  const events = course.slice(0, course.findIndex((e) => e.type === 'strategyStarted') + 1);
  const t0 = Date.parse(events[events.length - 1]?.at ?? '2026-01-05T10:00:00.000Z');
  const r = dispatch(replay(events), { type: 'recordMeasurement', measurementId: 'm-0', instrumentId: 'phq9', score: 9, source: 'clinician-rated' }, { actor: lead, now: () => new Date(t0 + 1000).toISOString() });
  if (!r.ok) throw r.error;
  const template = r.events[0] as Extract<CaseEvent, { type: 'measurementRecorded' }>;
  for (let k = 0; events.length < n; k++) {
    const at = new Date(t0 + 1000 * (k + 1)).toISOString();
    events.push({ ...template, seq: events.length + 1, at, data: { measurement: { ...template.data.measurement, id: `m-${k}`, takenAt: at } } });
  }
  return events;
}

export function benchReplay(total = 1_000_000): BenchResult[] {
  const first = distinctLog(0);
  const count = Math.ceil(total / first.length);
  const logs = [first, ...Array.from({ length: count - 1 }, (_, k) => distinctLog(k + 1))];
  const events = logs.reduce((sum, log) => sum + log.length, 0);
  const results = measureInterleaved(
    [
      {
        name: `replay, ${logs.length.toLocaleString('en')} distinct logs (${(events / 1e6).toFixed(2)} M events)`,
        run: () => {
          for (const log of logs) replay(log);
          return events;
        },
      },
      {
        name: 'hand-written mutable fold (limit)',
        run: () => {
          for (const log of logs) fold(log);
          return events;
        },
      },
    ],
    5,
    500,
  );
  printTable('Replay: fold 1,000,000 events of distinct logs (target: ≥ 1,000,000 events/s, ≥ 0.33× the limit)', 'events', results, 'hand-written mutable fold (limit)');
  const long = longCase(50_000);
  const single = measureInterleaved(
    [
      { name: 'replay, one case of 50,000 measurements', run: () => (replay(long), long.length) },
      { name: 'hand-written mutable fold (limit)', run: () => (fold(long), long.length) },
    ],
    5,
    500,
  );
  printTable('Replay: one case of 50,000 measurements (target: ≥ 1,000,000 events/s)', 'events', single, 'hand-written mutable fold (limit)');
  return [...results, ...single];
}
