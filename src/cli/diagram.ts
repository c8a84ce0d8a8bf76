/**
 * `intervention-lifecycle diagram [machine|all] [--format mermaid|json]`: the lifecycle tables, drawn
 * (Mermaid state diagrams) or as data (each row: from, command, to, preconditions, guards).
 */
import { machines } from '../engine/machines.js';
import { machineEntries, type AnyMachine } from '../kernel/machine.js';
import { toMermaid } from '../kernel/mermaid.js';
import { enrolmentMachine, groupSessionMachine, programmeMachine } from '../programme/machines.js';
import { readFlags } from './flags.js';

/** Every machine the CLI draws, by name: the case's and the programme's. */
export const ALL_MACHINES: Readonly<Record<string, AnyMachine>> = { ...machines, programme: programmeMachine, enrolment: enrolmentMachine, 'group-session': groupSessionMachine };

/** The options of `diagram`. */
export interface DiagramOptions {
  readonly names: readonly string[];
  readonly format: 'mermaid' | 'json';
}

/** Parses the arguments after `diagram`; a string is a usage error. */
export function parseDiagramArgs(args: readonly string[]): DiagramOptions | 'help' | string {
  const flags = readFlags(args, { format: { type: 'string' } });
  if (typeof flags === 'string') return flags;
  const { values, positionals } = flags;
  const format = (values.format as string | undefined) ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'json') return `--format takes mermaid or json, not "${format}"`;
  if (positionals.length > 1) return `one machine name or all, not ${positionals.length}`;
  const name = positionals[0] ?? 'all';
  if (name !== 'all' && !Object.prototype.hasOwnProperty.call(ALL_MACHINES, name)) return `unknown machine "${name}"; known: ${Object.keys(ALL_MACHINES).join(', ')}, or all`;
  return { names: name === 'all' ? Object.keys(ALL_MACHINES) : [name], format };
}

/** Prints the diagrams or tables; resolves to 0. */
export function runDiagram(o: DiagramOptions): number {
  if (o.format === 'json') {
    const out = o.names.map((name) => {
      const m = ALL_MACHINES[name] as AnyMachine;
      return { name, id: m.id, states: m.states, final: m.final, transitions: machineEntries(m) };
    });
    process.stdout.write(`${JSON.stringify(o.names.length === 1 ? out[0] : out, null, 2)}\n`);
    return 0;
  }
  const text = o.names.map((name) => (o.names.length === 1 ? toMermaid(ALL_MACHINES[name] as AnyMachine) : `%% ${name}\n${toMermaid(ALL_MACHINES[name] as AnyMachine)}`)).join('\n');
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
