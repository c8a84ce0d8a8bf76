import { describe, expectTypeOf, it } from 'vitest';
import { defineMachine, type Guard, type Result, step } from '../../src/kernel/index.js';
import { door, type DoorCommand, type DoorContext, type DoorStatus } from './door.js';

describe('machine types', () => {
  it('narrows the command in each rule guard to its type', () => {
    defineMachine<DoorStatus, DoorCommand, DoorContext>({
      id: 't',
      states: ['open', 'closed', 'locked', 'held'],
      final: [],
      transitions: {
        lock: {
          from: ['closed'],
          to: 'locked',
          guards: [
            {
              name: 'g',
              check: (command, context) => {
                expectTypeOf(command).toEqualTypeOf<Extract<DoorCommand, { type: 'lock' }>>();
                expectTypeOf(command.key).toBeString();
                expectTypeOf(context).toEqualTypeOf<DoorContext>();
                return true;
              },
            },
          ],
        },
      },
    });
  });

  it('refuses a guard that reads a field of another command', () => {
    const wrong: Guard<Extract<DoorCommand, { type: 'close' }>, DoorContext> = {
      name: 'g',
      // @ts-expect-error -- close has no key
      check: (command) => command.key === 'x',
    };
    void wrong;
  });

  it('refuses unknown statuses and commands in a table', () => {
    defineMachine<DoorStatus, DoorCommand, DoorContext>({
      id: 't',
      states: ['open'],
      final: [],
      transitions: {
        // @ts-expect-error -- 'ajar' is not a status
        close: { from: ['ajar'], to: 'closed' },
      },
    });
    defineMachine<DoorStatus, DoorCommand, DoorContext>({
      id: 't',
      states: ['open'],
      final: [],
      transitions: {
        // @ts-expect-error -- 'fly' is not a command
        fly: { from: ['open'] },
      },
    });
  });

  it('types step by the machine', () => {
    expectTypeOf(step(door, 'open', { type: 'open' }, { key: 'k', powered: true })).toEqualTypeOf<Result<DoorStatus>>();
  });
});
