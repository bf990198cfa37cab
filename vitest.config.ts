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
    // Two test files at a time: vitest's default on 2 cores is one, which leaves a core idle while a
    // file waits on a child process, a browser or a sweep's worker threads.
    maxWorkers: 2,
    // Tests that start the compiled CLI or server need dist/ up to date with the sources.
    globalSetup: ['./vitest.global-setup.ts'],
    // Only hang detectors: generous, so that the load of a busy machine never decides a result.
    // Nothing is timed; tests wait for events (a sweep's event stream, a file appearing, a page element).
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // expect.poll waits for a page or a job to show something; its default of 1 s failed a browser
    // test on a busy CI machine. Two minutes is a hang detector, not a budget.
    expect: { poll: { timeout: 120_000 } },
  },
});
