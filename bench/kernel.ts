/**
 * The kernel's `step` against a hand-written switch over the same transitions (the limit: no table,
 * no guards object, no result objects).
 */
import { defineMachine, step, type Result } from '../src/index.js';
import { measure, printTable } from './harness.js';

type S = 'proposed' | 'agreed' | 'active' | 'on-hold' | 'achieved';
type C = { type: 'agree'; by: string } | { type: 'activate' } | { type: 'hold' } | { type: 'resume' } | { type: 'achieve' };

const goal = defineMachine<S, C, { heldFrom: S }>({
  id: 'goal',
  states: ['proposed', 'agreed', 'active', 'on-hold', 'achieved'],
  final: ['achieved'],
  transitions: {
    agree: { from: ['proposed'], to: 'agreed', guards: [{ name: 'agreedBy', check: (c) => c.by !== '' || 'who agreed?' }] },
    activate: { from: ['agreed'], to: 'active' },
    hold: { from: ['active'], to: 'on-hold' },
    resume: { from: ['on-hold'], to: { oneOf: ['active'], pick: (_c, x) => x.heldFrom } },
    achieve: { from: ['active'], to: 'achieved' },
  },
});

const walk: C[] = [{ type: 'agree', by: 'client' }, { type: 'activate' }, { type: 'hold' }, { type: 'resume' }, { type: 'achieve' }];

function handWritten(status: S, c: C): S | undefined {
  switch (c.type) {
    case 'agree':
      return status === 'proposed' && c.by !== '' ? 'agreed' : undefined;
    case 'activate':
      return status === 'agreed' ? 'active' : undefined;
    case 'hold':
      return status === 'active' ? 'on-hold' : undefined;
    case 'resume':
      return status === 'on-hold' ? 'active' : undefined;
    case 'achieve':
      return status === 'active' ? 'achieved' : undefined;
  }
}

export function benchKernel(): void {
  const context = { heldFrom: 'active' as S };
  const results = [
    measure({
      name: 'kernel step',
      run: () => {
        let s: S = 'proposed';
        for (const c of walk) {
          const r: Result<S> = step(goal, s, c, context);
          if (!r.ok) throw r.error;
          s = r.value;
        }
        return walk.length;
      },
    }),
    measure({
      name: 'hand-written switch (limit)',
      run: () => {
        let s: S | undefined = 'proposed';
        for (const c of walk) {
          s = handWritten(s, c);
          if (s === undefined) throw new Error('refused');
        }
        return walk.length;
      },
    }),
  ];
  printTable('Kernel: one transition checked against a table', 'steps', results, 'hand-written switch (limit)');
}
