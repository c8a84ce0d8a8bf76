import { describe, expect, it } from 'vitest';
import { LifecycleError, allowedMachineCommands, defineMachine, step, verdictError } from '../../src/kernel/index.js';
import { door, type DoorContext } from './door.js';

const ctx: DoorContext = { key: 'k1', powered: true };

describe('step', () => {
  it('returns the target status of an allowed command', () => {
    expect(step(door, 'open', { type: 'close', reason: 'cold' }, ctx)).toEqual({ ok: true, value: 'closed' });
  });

  it('creates from the null status', () => {
    expect(step(door, null, { type: 'install' }, ctx)).toEqual({ ok: true, value: 'closed' });
  });

  it('keeps the status for a rule without a target', () => {
    expect(step(door, 'held', { type: 'paint', colour: 'red' }, ctx)).toEqual({ ok: true, value: 'held' });
  });

  it('refuses a command not allowed from the status with INVALID_TRANSITION naming what is allowed', () => {
    const r = step(door, 'locked', { type: 'close', reason: 'x' }, ctx, { entityId: 'd-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(LifecycleError);
    expect(r.error.code).toBe('INVALID_TRANSITION');
    expect(r.error.message).toBe('Cannot close: door d-1 is locked; commands allowed from locked: unlock');
  });

  it('refuses creation twice', () => {
    const r = step(door, 'open', { type: 'install' }, ctx);
    expect(r.ok || r.error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses with GUARD_FAILED and the guard name when a guard says no', () => {
    const r = step(door, 'open', { type: 'close', reason: '  ' }, ctx, { entityId: 'd-1' });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('GUARD_FAILED');
    expect(r.error.rule).toBe('reasonGiven');
    expect(r.error.message).toBe('Cannot close for door d-1: a reason is needed');
    expect(r.error.issues).toEqual([{ path: [], code: 'reasonGiven', message: 'a reason is needed' }]);
  });

  it("uses a guard's own code when it gives one", () => {
    const r = step(door, 'closed', { type: 'lock', key: 'wrong' }, ctx);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('FORBIDDEN');
    expect(r.error.rule).toBe('rightKey');
  });

  it('checks preconditions', () => {
    const r = step(door, 'closed', { type: 'open' }, { ...ctx, powered: false });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('GUARD_FAILED');
    expect(r.error.rule).toBe('powered');
  });

  it('resolves a dynamic target from the context', () => {
    expect(step(door, 'held', { type: 'release' }, { ...ctx, heldFrom: 'open' })).toEqual({ ok: true, value: 'open' });
    expect(step(door, 'held', { type: 'release' }, { ...ctx, heldFrom: 'closed' })).toEqual({ ok: true, value: 'closed' });
  });

  it('refuses a command the machine does not know with INVALID_COMMAND', () => {
    const r = step(door, 'open', { type: 'fly' } as never, ctx);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.code).toBe('INVALID_COMMAND');
  });

  it('does not find prototype members as commands', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = step(door, 'open', { type } as never, ctx);
      expect(r.ok ? 'allowed' : r.error.code).toBe('INVALID_COMMAND');
    }
  });

  it('throws on a table bug: a dynamic pick outside its declared targets', () => {
    const broken = defineMachine<'a' | 'b' | 'c', { type: 'go' }, unknown>({
      id: 'broken',
      states: ['a', 'b', 'c'],
      final: [],
      transitions: { go: { from: ['a'], to: { oneOf: ['b'], pick: () => 'c' } } },
    });
    expect(() => step(broken, 'a', { type: 'go' }, undefined)).toThrow(/not among its declared targets/);
  });

  it('is pure: the same inputs give equal outputs and the command is not touched', () => {
    const command = Object.freeze({ type: 'close', reason: 'cold' } as const);
    expect(step(door, 'open', command, ctx)).toEqual(step(door, 'open', command, ctx));
  });
});

describe('allowedMachineCommands', () => {
  it('lists the commands allowed from a status in table order', () => {
    expect(allowedMachineCommands(door, 'closed')).toEqual(['open', 'lock', 'hold', 'paint']);
    expect(allowedMachineCommands(door, null)).toEqual(['install']);
    expect(allowedMachineCommands(door, 'locked')).toEqual(['unlock']);
  });

  it('leaves out commands whose precondition fails when given a context', () => {
    expect(allowedMachineCommands(door, 'closed', { ...ctx, powered: false })).toEqual(['lock', 'hold', 'paint']);
    expect(allowedMachineCommands(door, 'closed', ctx)).toEqual(['open', 'lock', 'hold', 'paint']);
  });

  it('agrees with step on the status check for every status and command', () => {
    const commands = Object.keys(door.transitions);
    for (const status of [null, ...door.states]) {
      const allowed = allowedMachineCommands(door, status);
      for (const type of commands) {
        const rule = (door.transitions as Record<string, { from: readonly unknown[] }>)[type];
        expect(allowed.includes(type as never)).toBe(rule?.from.includes(status));
      }
    }
  });
});

describe('verdictError', () => {
  it('maps verdicts to errors', () => {
    expect(verdictError('g', true)).toBeUndefined();
    expect(verdictError('g', 'no')?.code).toBe('GUARD_FAILED');
    expect(verdictError('g', { code: 'CONSENT_REQUIRED', message: 'no consent' })?.code).toBe('CONSENT_REQUIRED');
  });
});
