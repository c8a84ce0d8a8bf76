import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMermaid } from '../../src/index.js';
import { ALL_MACHINES } from '../../src/cli/diagram.js';
import { CHROMIUM, haveChromium } from './browser.js';

const SITE = resolve('docs/api');
const MERMAID = resolve('node_modules/mermaid/dist');
const MERMAID_URL = /^https:\/\/unpkg\.com\/mermaid@11\.17\.2\/dist\/(.+)$/;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const ready = haveChromium && existsSync(join(SITE, 'index.html'));

if (!ready) it.skip(`skipped: needs the built docs (npm run docs) and Chromium at ${CHROMIUM} (.ci/run installs Debian's)`, () => {});

describe.runIf(ready)('the documentation site in Chromium', () => {
  let server: Server;
  let origin = '';
  let browser: Browser;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = normalize(join(SITE, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      const file = path.endsWith('/') ? join(path, 'index.html') : path;
      if (!file.startsWith(SITE) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('renders every lifecycle diagram as SVG, with Mermaid served from node_modules and no other network, and no page errors', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(origin)) return route.continue();
      const m = MERMAID_URL.exec(url);
      if (m !== null && existsSync(join(MERMAID, m[1] as string))) return route.fulfill({ path: join(MERMAID, m[1] as string), contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' } });
      blocked.push(url);
      return route.abort();
    });
    await page.goto(`${origin}/documents/Lifecycles.html`);
    const diagrams = Object.keys(ALL_MACHINES).length;
    await page.waitForFunction((n) => document.querySelectorAll('.mermaid svg').length >= n, diagrams, { timeout: 30_000 });
    // Each diagram's text is the table's: the states it names are in the SVG.
    const text = await page.locator('.mermaid.light').first().innerText();
    for (const status of ['referred', 'assessing', 'planning', 'active', 'reviewing', 'closed']) expect(text).toContain(status);
    expect(toMermaid(ALL_MACHINES.case as never)).toContain('referred --> assessing');
    expect(errors).toEqual([]);
    expect(blocked.filter((u) => !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
