import { describe, expect, it } from 'vitest';
import { defineMachine, machineEntries } from '../../src/kernel/index.js';
import { door } from './door.js';

describe('defineMachine', () => {
  it('returns the very table it was given', () => {
    const def = { id: 'x', states: ['a'] as const, final: [], transitions: {} };
    expect(defineMachine<'a', { type: 'n' }, unknown>(def)).toBe(def);
  });

  it('refuses a rule that names an undeclared status', () => {
    expect(() =>
      defineMachine<'a' | 'b', { type: 'go' }, unknown>({ id: 'x', states: ['a'], final: [], transitions: { go: { from: ['a'], to: 'b' } } }),
    ).toThrow(/undeclared status b/);
  });

  it('refuses an undeclared final status', () => {
    expect(() => defineMachine<'a' | 'b', { type: 'go' }, unknown>({ id: 'x', states: ['a'], final: ['b'], transitions: {} })).toThrow(
      /final status b/,
    );
  });
});

describe('machineEntries', () => {
  it('lists every rule as a flat row with guard names', () => {
    const rows = machineEntries(door);
    expect(rows.map((r) => r.command)).toEqual(['install', 'close', 'open', 'lock', 'unlock', 'hold', 'release', 'paint']);
    expect(rows.find((r) => r.command === 'close')).toEqual({
      from: ['open'],
      command: 'close',
      to: ['closed'],
      requires: [],
      guards: ['reasonGiven'],
    });
    expect(rows.find((r) => r.command === 'release')?.to).toEqual(['open', 'closed']);
    expect(rows.find((r) => r.command === 'paint')?.to).toBe('unchanged');
    expect(rows.find((r) => r.command === 'open')?.requires).toEqual(['powered']);
  });
});

describe('defineMachine keeps the table as declared', () => {
  it('freezes the transitions, so a step never meets a table changed behind its back', () => {
    const m = defineMachine({ id: 'lamp', states: ['off', 'on'], final: [], transitions: { on: { from: ['off'], to: 'on' } } });
    expect(Object.isFrozen(m.transitions)).toBe(true);
    expect(() => {
      (m.transitions as Record<string, unknown>).off = { from: ['on'], to: 'off' };
    }).toThrow(TypeError);
  });
});
