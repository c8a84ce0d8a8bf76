import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toMermaid } from '../../src/index.js';
import { ALL_MACHINES } from '../../src/cli/diagram.js';
import { lifecyclesGuide } from '../../scripts/lifecycles-guide.js';

describe('docs/guides/lifecycles.md', () => {
  it('is the page the tables write (run `npm run docs` after changing a table)', () => {
    expect(readFileSync('docs/guides/lifecycles.md', 'utf8')).toBe(lifecyclesGuide());
  });

  it('draws every machine, each diagram exactly as its table does', () => {
    const text = readFileSync('docs/guides/lifecycles.md', 'utf8');
    const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]);
    expect(blocks).toEqual(Object.values(ALL_MACHINES).map((m) => toMermaid(m).trimEnd()));
  });
});
