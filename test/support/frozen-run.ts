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
  digest: '732b5817dab35ca1d2285c04a7b4a1c299f738fa8120d6281397005d83c08cd6',
} as const;
