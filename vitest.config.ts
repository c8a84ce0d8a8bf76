import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'src',
          include: ['test/**/*.test.ts'],
          exclude: ['test/dist/**'],
          setupFiles: ['test/setup.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // Runs against the built package through its exports map: a broken map fails here.
        test: { name: 'dist', include: ['test/dist/**/*.test.ts'], setupFiles: ['test/setup.ts'] },
      },
    ],
  },
});
