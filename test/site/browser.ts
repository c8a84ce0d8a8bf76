import { existsSync } from 'node:fs';

/**
 * Debian's Chromium (installed by .ci/run with apt; `npx playwright install` cannot download here).
 * The binary itself, not /usr/bin/chromium, which is a shell wrapper. CHROMIUM_PATH overrides.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const haveChromium = existsSync(CHROMIUM);
