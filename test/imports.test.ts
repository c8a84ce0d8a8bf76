import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout of DESIGN.md §9, checked: no import cycles (type-only imports included: a type cycle
// still ties the files' meaning together), and no import from a lower floor up to a higher one.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SRC = resolve('src');

function imports(file: string, typeOnlyToo: boolean): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
    if (m[1] && !typeOnlyToo) continue;
    out.push(resolve(dirname(file), (m[2] as string).replace(/\.js$/, '.ts')));
  }
  return out;
}

function cycles(typeOnlyToo: boolean): string[] {
  const graph = new Map(files(SRC).map((f) => [f, imports(f, typeOnlyToo)]));
  const found: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      found.push([...path.slice(path.indexOf(node)), node].map((p) => relative(SRC, p)).join(' → '));
      return;
    }
    state.set(node, 'visiting');
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

/** The floor of a source file: a file may import from its own floor or a lower one. */
function floor(file: string): number {
  const path = relative(SRC, file);
  if (path.startsWith('kernel/')) return 0;
  if (path.startsWith('measures/')) return 1;
  if (path.startsWith('case/model/')) return 2;
  if (path.startsWith('case/store/')) return 3;
  if (path.startsWith('case/rules/')) return 4;
  if (path.startsWith('case/')) return 5; // the entity modules
  if (path.startsWith('engine/')) return 6;
  if (path.startsWith('queries/') || path.startsWith('validate/') || path.startsWith('simulate/') || path.startsWith('fhir/') || path.startsWith('programme/')) return 7;
  return 8; // cli/, index.ts: the entry points
}

describe('imports', () => {
  it('src has no import cycles, type-only imports included', () => {
    expect(cycles(true)).toEqual([]);
  });

  it('no file imports from a floor above its own (kernel < measures < model < store < rules < entities < engine < queries, validate, simulate < entry points)', () => {
    const upward: string[] = [];
    for (const file of files(SRC)) {
      for (const target of imports(file, true)) {
        if (floor(target) > floor(file)) upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the measures module does not import the engine', () => {
    for (const file of files(resolve('src/measures'))) {
      for (const target of imports(file, true)) expect(target, file).not.toMatch(/src\/(case|engine|queries|validate|cli)\//);
    }
  });
});
