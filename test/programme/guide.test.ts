import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMermaid } from '../../src/index.js';
import { enrolmentMachine, groupSessionMachine, programmeMachine } from '../../src/programme/index.js';

describe('the programmes guide', () => {
  it('draws each lifecycle exactly as its table does', () => {
    const text = readFileSync('docs/guides/programmes.md', 'utf8');
    const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toEqual([programmeMachine, enrolmentMachine, groupSessionMachine].map((m) => toMermaid(m).trimEnd()));
  });
});
