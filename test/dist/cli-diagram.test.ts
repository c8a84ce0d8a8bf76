import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bin, cli } from './cli-run.js';

describe.runIf(existsSync(bin))('intervention-lifecycle diagram', () => {
  it('draws each lifecycle from its table (Mermaid, or the rows as JSON); an unknown machine is a usage error', async () => {
    const { machines, toMermaid, machineEntries } = await import('../../src/index.js');
    expect(cli(['diagram', 'case'])).toEqual({ code: 0, out: toMermaid(machines.case), err: '' });
    const json = JSON.parse(cli(['diagram', 'goal', '--format', 'json']).out) as { transitions: unknown[] };
    expect(json.transitions).toEqual(JSON.parse(JSON.stringify(machineEntries(machines.goal))));
    expect((cli(['diagram']).out.match(/stateDiagram-v2/g) ?? []).length).toBe(13);
    expect(cli(['diagram', 'nope']).code).toBe(2);
  });
});
