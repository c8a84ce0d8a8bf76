/**
 * Writes docs/guides/lifecycles.md: every lifecycle drawn from its table, so the documentation site
 * shows the diagrams the engine decides by. Run by `npm run docs` before typedoc; a test checks the
 * file in the repository is the one this writes.
 */
import { writeFileSync } from 'node:fs';
import { lifecyclesGuide } from './lifecycles-guide.js';

writeFileSync('docs/guides/lifecycles.md', lifecyclesGuide());
