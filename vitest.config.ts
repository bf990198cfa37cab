import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'engine/**/*.test.ts',
      'server/**/*.test.ts',
      'scenarios/**/*.test.ts',
      'ui/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    // Tests that start the compiled CLI or server need dist/ up to date with the sources.
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
