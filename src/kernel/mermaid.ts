import { machineEntries, type AnyMachine } from './machine.js';

/** Options of {@link toMermaid}. */
export interface MermaidOptions {
  /** Draw commands that leave the status unchanged as self-loops. Default `false`: they clutter. */
  readonly selfLoops?: boolean;
}

// Mermaid state ids may not hold hyphens; a status is declared once under a safe id and its own label.
function idOf(status: string): string {
  return status.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * A Mermaid `stateDiagram-v2` of a machine, edges labelled with command names. The output depends only
 * on the table, so it is stable across runs and fit for committing or snapshot tests.
 *
 * @example
 * ```ts
 * toMermaid(door);
 * // stateDiagram-v2
 * //   [*] --> open : open
 * //   open --> closed : close
 * //   closed --> [*]
 * ```
 */
export function toMermaid(machine: AnyMachine, options: MermaidOptions = {}): string {
  const lines = ['stateDiagram-v2'];
  for (const status of machine.states) {
    if (idOf(status) !== status) lines.push(`  state "${status}" as ${idOf(status)}`);
  }
  for (const entry of machineEntries(machine)) {
    for (const from of entry.from) {
      const source = from === null ? '[*]' : idOf(from);
      if (entry.to === 'unchanged') {
        if (options.selfLoops === true && from !== null) lines.push(`  ${source} --> ${source} : ${entry.command}`);
        continue;
      }
      for (const to of entry.to) lines.push(`  ${source} --> ${idOf(to)} : ${entry.command}`);
    }
  }
  for (const status of machine.final) lines.push(`  ${idOf(status)} --> [*]`);
  return lines.join('\n') + '\n';
}
