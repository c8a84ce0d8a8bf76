import { describe, expectTypeOf, it } from 'vitest';
import {
  command,
  dispatch,
  type CaseCommand,
  type CaseEvent,
  type CaseEventOf,
  type CaseState,
  type CommandOf,
  type CommandType,
  type DispatchResult,
  type LifecycleError,
} from '../../src/index.js';

describe('engine types', () => {
  it('narrows commands by type', () => {
    expectTypeOf<CommandOf<'agreeGoal'>>().toHaveProperty('agreedBy').toEqualTypeOf<string[]>();
    expectTypeOf<CommandOf<'closeCase'>['reason']>().toEqualTypeOf<
      'completed' | 'partially-completed' | 'disengaged' | 'declined' | 'transferred' | 'referred-on' | 'deceased' | 'other'
    >();
    expectTypeOf<'activatePlan'>().toExtend<CommandType>();
    expectTypeOf<'flyAway'>().not.toExtend<CommandType>();
  });

  it('narrows the dispatch result', () => {
    const r = dispatch(null, { type: 'openCase' }, { actor: { id: 'p', role: 'admin' } });
    expectTypeOf(r).toEqualTypeOf<DispatchResult>();
    if (r.ok) {
      expectTypeOf(r.state).toEqualTypeOf<CaseState>();
      expectTypeOf(r.events).toEqualTypeOf<readonly CaseEvent[]>();
    } else {
      expectTypeOf(r.error).toEqualTypeOf<LifecycleError>();
    }
  });

  it('narrows events by type', () => {
    expectTypeOf<CaseEventOf<'goalAgreed'>['data']['status']>().toEqualTypeOf<'agreed' | 'active'>();
    const e = {} as CaseEvent;
    if (e.type === 'caseClosed') expectTypeOf(e.data.endedStrategyIds).toEqualTypeOf<readonly string[]>();
  });

  it('keeps state read-only', () => {
    const s = {} as CaseState;
    // @ts-expect-error -- state is read-only; change it by dispatching commands
    s.status = 'closed';
    expectTypeOf<CaseCommand>().toHaveProperty('type');
  });
});

describe('command(): payloads checked at compile time', () => {
  it('types a command from its type and payload', () => {
    expectTypeOf(command('holdCase', { reason: 'Client in hospital' })).toEqualTypeOf<CommandOf<'holdCase'>>();
    expectTypeOf(command('startReview')).toEqualTypeOf<CommandOf<'startReview'>>();
    // @ts-expect-error a misspelt field is a compile error
    command('holdCase', { reasn: 'x' });
    // @ts-expect-error a missing required field is a compile error
    command('holdCase', {});
    // @ts-expect-error so is a missing payload where one is needed
    command('closeCase');
    // @ts-expect-error and an unknown command type
    command('flyAway', {});
  });
});
