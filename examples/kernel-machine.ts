/**
 * A small machine defined with the kernel: its Mermaid diagram, a legal step and a refused one.
 * Run with `npm run example`.
 */
import { defineMachine, step, toMermaid } from 'intervention-lifecycle';

type Status = 'waiting' | 'seen' | 'discharged';
type Command = { type: 'arrive' } | { type: 'see' } | { type: 'discharge'; note: string };

const visit = defineMachine<Status, Command, { clinicianOnDuty: boolean }>({
  id: 'visit',
  states: ['waiting', 'seen', 'discharged'],
  final: ['discharged'],
  transitions: {
    arrive: { from: [null], to: 'waiting' },
    see: {
      from: ['waiting'],
      to: 'seen',
      requires: [{ name: 'clinicianOnDuty', check: (x) => x.clinicianOnDuty || 'no clinician is on duty' }],
    },
    discharge: {
      from: ['seen'],
      to: 'discharged',
      guards: [{ name: 'noteWritten', check: (c) => c.note.trim().length > 0 || 'a discharge note is needed' }],
    },
  },
});

console.log(toMermaid(visit));

const seen = step(visit, 'waiting', { type: 'see' }, { clinicianOnDuty: true });
console.log('waiting + see ->', seen.ok ? seen.value : seen.error.message);

const refused = step(visit, 'waiting', { type: 'discharge', note: 'done' }, { clinicianOnDuty: true }, { entityId: 'v-1' });
if (!refused.ok) console.log(`refused (${refused.error.code}): ${refused.error.message}`);
