import { describe, expect, it } from 'vitest';
import { LifecycleError, err, isLifecycleError, ok } from '../../src/kernel/index.js';

describe('LifecycleError', () => {
  it('carries a code, a message, issues and a rule', () => {
    const e = new LifecycleError('GUARD_FAILED', 'no', { rule: 'g', issues: [{ path: ['a', 0], code: 'x', message: 'm' }] });
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.message, e.rule]).toEqual(['LifecycleError', 'GUARD_FAILED', 'no', 'g']);
    expect(e.issues).toEqual([{ path: ['a', 0], code: 'x', message: 'm' }]);
  });

  it('serialises to plain JSON', () => {
    const e = new LifecycleError('CONFLICT', 'stale');
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: 'LifecycleError', code: 'CONFLICT', message: 'stale', issues: [] });
  });

  it('is recognised by isLifecycleError', () => {
    expect(isLifecycleError(new LifecycleError('NOT_FOUND', 'x'))).toBe(true);
    expect(isLifecycleError(new Error('x'))).toBe(false);
    expect(isLifecycleError({ code: 'NOT_FOUND' })).toBe(false);
  });
});

describe('Result', () => {
  it('builds both arms', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err('e')).toEqual({ ok: false, error: 'e' });
  });
});
