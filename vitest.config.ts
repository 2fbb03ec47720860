import { defineConfig } from 'vitest/config';

// forks, not threads: canvas segfaults when a worker thread exits (stack-notes §2).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    globalSetup: ['./tests/support/reports-guard.ts'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
  },
});
