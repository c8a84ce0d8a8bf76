import { expect } from 'vitest';
import { consentStatus, machineEntries, type CaseState } from '../../src/index.js';
import { ENTITY_MACHINES } from '../../src/engine/registry.js';

// Each entity's statuses in a state, by id.
const READ: Readonly<Record<string, (s: CaseState, at: string) => ReadonlyMap<string, string>>> = {
  goal: (s) => new Map(Object.values(s.goals).map((g) => [g.id, g.status])),
  strategy: (s) => new Map(Object.values(s.strategies).map((x) => [x.id, x.status])),
  session: (s) => new Map(s.sessions.map((x) => [x.id, x.status])),
  measurement: (s) => new Map(s.measurements.map((x) => [x.id, x.status])),
  team: (s) => new Map(Object.values(s.team).map((x) => [x.id, x.status])),
  consent: (s, at) => new Map(Object.values(s.consents).map((x) => [x.id, consentStatus(x, at)])),
  assessment: (s) => new Map(s.assessments.map((x) => [x.id, x.status])),
  evaluation: (s) => new Map(Object.values(s.evaluations).map((x) => [x.id, x.status])),
  crisis: (s) => new Map([['crisis', s.crisis === null ? 'calm' : 'crisis']]),
};

// What one command does to entities of another kind, by design (DESIGN.md §4): named here so that
// any other status an evolver writes, without its table choosing it, fails the check.
const EFFECTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  withdrawConsent: { strategy: ['suspended'] },
  closeCase: { strategy: ['completed', 'discontinued'], session: ['cancelled'] },
  activatePlan: { goal: ['active'] },
  // A revision supersedes the goal (its row) and creates its successor where proposeGoal's row leads.
  reviseGoal: { goal: ['proposed'] },
  reopenCase: { assessment: ['in-progress'] },
};

/**
 * Checks that every status an accepted command wrote is one its entity's table chose: for each
 * entity machine, each entity whose status changed (or that was created) moved along a row of that
 * machine for this command (from a status the row allows, to one of its targets), or by one of the
 * named cross-entity effects. A consent may also have expired as time passed.
 */
export function expectTablesChoseStatuses(type: string, before: CaseState, after: CaseState): void {
  const at = after.updatedAt;
  for (const { name, machine } of ENTITY_MACHINES) {
    const read = READ[name];
    expect(read, `the test reads ${name} entities`).toBeDefined();
    if (read === undefined) continue;
    const was = read(before, at);
    const now = read(after, at);
    const row = machineEntries(machine).find((e) => e.command === type);
    for (const [id, status] of now) {
      const from = was.get(id) ?? null;
      if (from === status) continue;
      if (name === 'consent' && status === 'expired') continue;
      const effect = EFFECTS[type]?.[name] ?? [];
      if (effect.includes(status)) continue;
      const targets = row === undefined || row.to === 'unchanged' ? [] : row.to;
      expect(targets, `${type}: ${name} ${id} ${String(from)} → ${status}, which the ${name} table does not choose`).toContain(status);
      expect(row?.from, `${type}: ${name} ${id} moved from ${String(from)}, which its row does not allow`).toContain(from);
    }
  }
}
