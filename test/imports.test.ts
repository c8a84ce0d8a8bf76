import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// No circular imports among the runtime (non-type) imports of src/: a cycle makes module
// initialisation order fragile and defeats tree-shaking.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
    if (m[1]) continue; // `import type` and `export type` vanish at run time
    out.push(resolve(dirname(file), (m[2] as string).replace(/\.js$/, '.ts')));
  }
  return out;
}

describe('imports', () => {
  it('src has no runtime import cycles', () => {
    const graph = new Map(files(resolve('src')).map((f) => [f, runtimeImports(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(node)), node].map((p) => p.slice(resolve('src').length + 1)).join(' → '));
        return;
      }
      state.set(node, 'visiting');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('the measures module does not import the engine', () => {
    for (const file of files(resolve('src/measures'))) {
      for (const target of runtimeImports(file)) expect(target, file).not.toMatch(/src\/(case|queries|validate|cli)\//);
    }
  });
});
