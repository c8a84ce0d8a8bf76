/**
 * Growth: does the cost of one command, a replay, a validation or a query grow with the case?
 * DESIGN.md §10 asks one command at 10,000 measurements to cost at most 3× the same command at 100,
 * and at most 5× at 50,000. Cases of 100, 1,000, 10,000 and 50,000 measurements (and of as many
 * notes, and sessions) are built through dispatch; each figure is the median of rounds that visit the
 * sizes in turn (interleaved), each round timing many distinct commands applied to the same base state.
 */
import { performance } from 'node:perf_hooks';
import { alerts, dispatch, goalProgress, replay, type CaseEvent, type CaseState, type Context } from '../src/index.js';
import { toRecord, validateRecord } from '../src/validate/index.js';
import { median } from './harness.js';
import { runScenario } from './scenario.js';

const SIZES: readonly number[] = [100, 1_000, 10_000, 50_000];
const lead = { id: 'p-lead', role: 'lead-practitioner' } as const;
const DAY = 86_400_000;

interface Built {
  readonly state: CaseState;
  readonly events: CaseEvent[];
  /** The clock after the last event, so further commands follow in time. */
  readonly nextAt: number;
}

/** The standard course of care up to an active plan, then `n` of one kind of entry. */
function build(kind: 'measurements' | 'notes' | 'sessions', n: number): Built {
  const { events: course } = runScenario();
  // The course up to (and including) the first strategy start: an active case with a strategy.
  const cut = course.findIndex((e) => e.type === 'strategyStarted');
  const events = course.slice(0, cut + 1);
  let state = replay(events);
  let at = Date.parse(state.updatedAt) + 1000;
  let k = 0;
  const ctx: Context = { actor: lead, now: () => new Date((at += 1000)).toISOString(), newId: () => `g${++k}` };
  const strategyId = Object.keys(state.strategies).find((id) => state.strategies[id]?.status === 'active') as string;
  for (let i = 0; i < n; i++) {
    const commands: object[] =
      kind === 'measurements'
        ? [{ type: 'recordMeasurement', instrumentId: 'phq9', score: 5 + (i % 15), source: 'clinician-rated' }]
        : kind === 'notes'
          ? [{ type: 'addNote', kind: 'communication', text: `Note ${i}`, authorMemberId: 'm-lead', visibility: 'team' }]
          : [
              { type: 'scheduleSession', sessionId: `v-${i}`, strategyId, scheduledFor: new Date(at - DAY).toISOString() },
              { type: 'recordAttendance', sessionId: `v-${i}`, attendance: i % 7 === 0 ? 'did-not-attend' : 'attended' },
            ];
    for (const command of commands) {
      const r = dispatch(state, command, ctx);
      if (!r.ok) throw new Error(`${kind} ${i}: ${r.error.message}`);
      state = r.state;
      events.push(...r.events);
    }
  }
  return { state, events, nextAt: at + 1000 };
}

/**
 * Microseconds per operation: `rounds` rounds, each visiting every size in turn and timing `batch`
 * operations there; the median round of each size counts.
 */
function perOp(sizes: readonly number[], make: (size: number) => (i: number) => void, batch: (size: number) => number, rounds: number): Map<number, number> {
  const ops = new Map(sizes.map((s) => [s, make(s)]));
  const times = new Map<number, number[]>(sizes.map((s) => [s, []]));
  for (const s of sizes) for (let i = 0; i < Math.min(batch(s), 50); i++) (ops.get(s) as (i: number) => void)(i); // warm up
  for (let round = 0; round < rounds; round++) {
    for (const s of sizes) {
      const op = ops.get(s) as (i: number) => void;
      const b = batch(s);
      const start = performance.now();
      for (let i = 0; i < b; i++) op(round * b + i);
      (times.get(s) as number[]).push(((performance.now() - start) * 1000) / b);
    }
  }
  return new Map(sizes.map((s) => [s, median(times.get(s) as number[])]));
}

function fmtUs(us: number): string {
  return us >= 1e6 ? `${(us / 1e6).toFixed(2)} s` : us >= 1e3 ? `${(us / 1e3).toFixed(1)} ms` : `${us.toFixed(1)} µs`;
}

function row(name: string, figures: Map<number, number>, limits?: readonly [number, number]): void {
  const base = figures.get(SIZES[0] as number) as number;
  const cells = SIZES.map((s) => {
    const us = figures.get(s);
    return us === undefined ? '—'.padStart(18) : `${fmtUs(us)} (${(us / base).toFixed(1)}×)`.padStart(18);
  });
  const target = limits ? `  ≤ ${limits[0]}× at 10k, ≤ ${limits[1]}× at 50k` : '';
  console.log(`  ${name.padEnd(30)}${cells.join('')}${target}`);
}

export function benchGrowth(): void {
  const started = performance.now();
  const cases = {
    measurements: new Map(SIZES.map((n) => [n, build('measurements', n)])),
    notes: new Map(SIZES.map((n) => [n, build('notes', n)])),
    sessions: new Map(SIZES.map((n) => [n, build('sessions', n)])),
  };
  console.log(`\nGrowth: the cost of one operation on a case holding N entries (cases built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  ${'operation'.padEnd(30)}${SIZES.map((n) => `N = ${n.toLocaleString('en')}`.padStart(18)).join('')}`);

  const command = (kind: keyof typeof cases, commandAt: (i: number, b: Built) => object) => (n: number) => {
    const b = cases[kind].get(n) as Built;
    let at = b.nextAt;
    const ctx: Context = { actor: lead, now: () => new Date((at += 1)).toISOString(), newId: () => `n${at}` };
    return (i: number) => {
      const r = dispatch(b.state, commandAt(i, b), ctx);
      if (!r.ok) throw new Error(r.error.message);
    };
  };
  const fewer = (n: number) => (n >= 10_000 ? 20 : 200);
  row(
    'recordMeasurement',
    perOp(SIZES, command('measurements', (i) => ({ type: 'recordMeasurement', instrumentId: 'phq9', score: i % 27, source: 'clinician-rated' })), fewer, 7),
    [3, 5],
  );
  row(
    'addNote',
    perOp(SIZES, command('notes', (i) => ({ type: 'addNote', kind: 'communication', text: `Call ${i}`, authorMemberId: 'm-lead', visibility: 'team' })), fewer, 7),
    [3, 5],
  );
  row(
    'recordAttendance',
    perOp(
      SIZES,
      (n) => {
        // Attendance on the last scheduled session: the case must find it among N sessions.
        const b = cases.sessions.get(n) as Built;
        const scheduled = dispatch(b.state, { type: 'scheduleSession', sessionId: 'v-last', strategyId: b.state.sessions[0]?.strategyId, scheduledFor: new Date(b.nextAt - DAY).toISOString() }, { actor: lead, now: () => new Date(b.nextAt).toISOString() });
        if (!scheduled.ok) throw scheduled.error;
        let at = b.nextAt + 1000;
        const ctx: Context = { actor: lead, now: () => new Date((at += 1)).toISOString() };
        return () => {
          const r = dispatch(scheduled.state, { type: 'recordAttendance', sessionId: 'v-last', attendance: 'attended' }, ctx);
          if (!r.ok) throw r.error;
        };
      },
      fewer,
      7,
    ),
    [3, 5],
  );
  // Evaluations summarise every instrument's first and latest score and the sessions attended.
  const evaluation = { type: 'recordEvaluation', status: 'final', goalOutcomes: [{ goalId: 'g-1', status: 'in-progress', evidence: 'Scores' }], barriers: [], decision: 'continue' };
  row('recordEvaluation (N measurements)', perOp(SIZES, command('measurements', () => evaluation), fewer, 7), [3, 5]);
  row('recordEvaluation (N sessions)', perOp(SIZES, command('sessions', () => evaluation), fewer, 7), [3, 5]);
  const once = (n: number) => (n >= 10_000 ? 1 : 5);
  const asOf = new Date(Date.UTC(2030, 0, 1)).toISOString();
  row('alerts (N measurements)', perOp(SIZES, (n) => () => void alerts((cases.measurements.get(n) as Built).state, asOf), once, 5));
  // What a dashboard does after each change: alerts on the new version (its summaries carried over).
  row(
    'recordMeasurement, then alerts',
    perOp(
      SIZES,
      (n) => {
        const b = cases.measurements.get(n) as Built;
        let at = b.nextAt;
        const ctx: Context = { actor: lead, now: () => new Date((at += 1)).toISOString() };
        return (i: number) => {
          const r = dispatch(b.state, { type: 'recordMeasurement', instrumentId: 'phq9', score: i % 27, source: 'clinician-rated' }, ctx);
          if (!r.ok) throw r.error;
          void alerts(r.state, asOf);
        };
      },
      fewer,
      7,
    ),
    [3, 5],
  );
  row('goalProgress (N measurements)', perOp(SIZES, (n) => () => void goalProgress((cases.measurements.get(n) as Built).state, 'g-1'), once, 5));
  // Whole-case operations grow with the case by nature: their cost per event should stay flat.
  const perEvent = (f: (b: Built) => void) => (n: number) => {
    const b = cases.measurements.get(n) as Built;
    return () => f(b);
  };
  const replayed = perOp(SIZES, perEvent((b) => void replay(b.events)), () => 1, 3);
  const validated = perOp(SIZES, perEvent((b) => void validateRecord(toRecord(b.events, b.state), { maxEvents: 1_000_000 })), () => 1, 1);
  const eventsOf = (n: number) => (cases.measurements.get(n) as Built).events.length;
  row('replay, per event', new Map([...replayed].map(([n, us]) => [n, us / eventsOf(n)])));
  row('validateRecord, per event', new Map([...validated].map(([n, us]) => [n, us / eventsOf(n)])));
  row('replay, whole case', replayed);
  row('validateRecord, whole case', validated);
}
