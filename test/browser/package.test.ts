// Runs in Chromium (vitest browser mode), importing the built package through its exports map as a
// browser app would: the README quick start, a /measures analysis, a /validate check and a simulated
// cohort that must be the one Node simulates.
import { allowedCommands, dispatch, openCase, sequentialIds, steppingClock, type CaseEvent } from 'intervention-lifecycle';
import { reliableChange, scoreInstrument } from 'intervention-lifecycle/measures';
import { toRecord, validateRecord } from 'intervention-lifecycle/validate';
import { toFhirBundle } from 'intervention-lifecycle/fhir';
import { parseScenario, simulateCohort } from 'intervention-lifecycle/simulate';
import { FROZEN_RUN } from '../support/frozen-run.js';
import { describe, expect, it } from 'vitest';

describe('in a browser', () => {
  it('runs in a real browser, not Node', () => {
    expect(typeof window).toBe('object');
    expect(typeof document.createElement).toBe('function');
    expect(navigator.userAgent).toMatch(/Chrome/);
  });

  it('runs the README quick start', () => {
    const lead = { id: 'dr-okafor', role: 'lead-practitioner' } as const;
    const ctx = { actor: lead };
    let r = openCase({ clientId: 'client-maria', referral: { source: 'GP', reason: 'Low mood for six months', urgency: 'routine', receivedAt: '2026-01-02T15:30:00.000Z' }, setting: 'clinic' }, ctx);
    if (!r.ok) throw r.error;
    let state = r.state;
    r = dispatch(state, { type: 'activatePlan' }, ctx);
    expect(r.ok ? '' : r.error.code).toBe('INVALID_TRANSITION');
    r = dispatch(state, { type: 'startAssessment', methods: ['interview'] }, ctx);
    if (r.ok) state = r.state;
    expect(state.status).toBe('assessing');
    expect(allowedCommands(state, lead)).toContain('recordNeed');
  });

  it('scores a PHQ-9 and classifies a change with /measures', () => {
    const before = scoreInstrument('phq9', [2, 2, 2, 2, 1, 2, 2, 1, 1]);
    const after = scoreInstrument('phq9', [1, 0, 1, 1, 0, 1, 0, 0, 0]);
    expect(before.complete && after.complete).toBe(true);
    if (!before.complete || !after.complete) return;
    const change = reliableChange(before.total, after.total, { betterIs: 'lower', reliability: 0.89, pre: { sd: 5.5 } });
    expect([before.total, after.total, change.category]).toEqual([15, 4, 'improved']);
  });

  it('validates a record it built with /validate, and exports it as FHIR', () => {
    const ctx = { actor: { id: 'p-lead', role: 'lead-practitioner' } as const, now: steppingClock('2026-01-05T09:00:00.000Z', 60_000), newId: sequentialIds('x-') };
    const events: CaseEvent[] = [];
    const r = openCase({ caseId: 'c-1', clientId: 'client-1', referral: { source: 'GP', reason: 'Worry', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'online' }, ctx);
    if (!r.ok) throw r.error;
    events.push(...r.events);
    const s = dispatch(r.state, { type: 'startAssessment', methods: ['interview'] }, ctx);
    if (!s.ok) throw s.error;
    events.push(...s.events);
    const record = toRecord(events, s.state);
    expect(validateRecord(record)).toMatchObject({ valid: true, issues: [] });
    const tampered = JSON.parse(JSON.stringify(record)) as { events: { seq: number }[] };
    (tampered.events[1] as { seq: number }).seq = 7;
    expect(validateRecord(tampered).valid).toBe(false);
    expect(toFhirBundle(record).entry[0]?.resource.resourceType).toBe('EpisodeOfCare');
  });

  it('simulates, from a seed, the very records Node does (Chromium rounds Math.sin, cos, log and exp its own way in the last bit)', async () => {
    const parsed = parseScenario(FROZEN_RUN.scenario);
    if (!parsed.ok) throw new Error('the default scenario does not parse');
    const text = [...simulateCohort(parsed.scenario, { seed: FROZEN_RUN.seed, clients: FROZEN_RUN.clients })].map((c) => JSON.stringify(toRecord(c.events))).join('\n');
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    expect([...hash].map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(FROZEN_RUN.digest);
  });
});
