import { describe, expect, it } from 'vitest';
import { defineMachine, toMermaid } from '../../src/kernel/index.js';
import { door } from './door.js';

describe('toMermaid', () => {
  it('draws every edge labelled with its command, creation from [*] and final states to [*]', () => {
    expect(toMermaid(door)).toBe(
      [
        'stateDiagram-v2',
        '  [*] --> closed : install',
        '  open --> closed : close',
        '  closed --> open : open',
        '  closed --> locked : lock',
        '  locked --> closed : unlock',
        '  open --> held : hold',
        '  closed --> held : hold',
        '  held --> open : release',
        '  held --> closed : release',
        '  locked --> [*]',
        '',
      ].join('\n'),
    );
  });

  it('draws self-loops on request', () => {
    const text = toMermaid(door, { selfLoops: true });
    expect(text).toContain('  open --> open : paint');
    expect(text).toContain('  held --> held : paint');
  });

  it('declares statuses that are not valid Mermaid ids under a safe id', () => {
    const m = defineMachine<'on-hold' | 'active', { type: 'hold' }, unknown>({
      id: 'm',
      states: ['active', 'on-hold'],
      final: [],
      transitions: { hold: { from: ['active'], to: 'on-hold' } },
    });
    expect(toMermaid(m)).toBe('stateDiagram-v2\n  state "on-hold" as on_hold\n  active --> on_hold : hold\n');
  });

  it('is deterministic', () => {
    expect(toMermaid(door)).toBe(toMermaid(door));
  });
});
