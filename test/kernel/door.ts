import { defineMachine } from '../../src/kernel/index.js';

/** A small domain-free machine the kernel tests share. */
export type DoorStatus = 'open' | 'closed' | 'locked' | 'held';
export type DoorCommand =
  | { type: 'install' }
  | { type: 'close'; reason: string }
  | { type: 'open' }
  | { type: 'lock'; key: string }
  | { type: 'unlock'; key: string }
  | { type: 'hold' }
  | { type: 'release' }
  | { type: 'paint'; colour: string };
export interface DoorContext {
  key: string;
  heldFrom?: DoorStatus;
  powered: boolean;
}

export const door = defineMachine<DoorStatus, DoorCommand, DoorContext>({
  id: 'door',
  states: ['open', 'closed', 'locked', 'held'],
  final: ['locked'],
  transitions: {
    install: { from: [null], to: 'closed' },
    close: {
      from: ['open'],
      to: 'closed',
      guards: [{ name: 'reasonGiven', check: (c) => c.reason.trim() !== '' || 'a reason is needed' }],
    },
    open: { from: ['closed'], to: 'open', requires: [{ name: 'powered', check: (x) => x.powered || 'the door has no power' }] },
    lock: {
      from: ['closed'],
      to: 'locked',
      guards: [{ name: 'rightKey', check: (c, x) => c.key === x.key || { code: 'FORBIDDEN', message: 'that key does not fit' } }],
    },
    unlock: { from: ['locked'], to: 'closed' },
    hold: { from: ['open', 'closed'], to: 'held' },
    release: {
      from: ['held'],
      to: { oneOf: ['open', 'closed'], pick: (_c, x) => (x.heldFrom === 'open' ? 'open' : 'closed') },
    },
    paint: { from: ['open', 'closed', 'held'] },
  },
});
