/**
 * A simulated run frozen in Node and checked again in Chromium (test/browser): the same seed must
 * give the same records in every engine. 200 clients of the default scenario draw some 20,000
 * normal deviates, where one engine's last-bit rounding of a logarithm or a sine would show.
 */
export const FROZEN_RUN = {
  scenario: {},
  seed: 42,
  clients: 200,
  /** SHA-256 of the records as NDJSON lines joined by "\n" (no trailing newline). */
  digest: 'a95bbc6d2740f42ed8b6f20b6126f8a5c62b24310c93ec8097723cee8f54ea11',
} as const;
