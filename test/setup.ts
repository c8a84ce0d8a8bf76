import { afterEach, beforeEach, expect, vi } from 'vitest';

// Tests speak through assertions: any console output fails the test that made it.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const printed: string[] = [];

beforeEach(() => {
  printed.length = 0;
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(`console.${method}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  expect(printed, 'a test printed to the console').toEqual([]);
});
