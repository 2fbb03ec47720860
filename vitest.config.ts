import { defineConfig } from 'vitest/config';

/**
 * Two projects, disjoint: `npm test` runs both, `npm run test:unit` only `unit`.
 * `slow` holds what starts the whole CLI, a browser or a child process, or renders
 * a full packet: the golden cases, tests/cli, tests/pipeline (every shipped
 * scenario through the library and the CLI), the bench smoke test, the PDF and
 * packet renderers, the Monte Carlo and comparison runs, and the error catalogue
 * (one CLI run per case).
 */
const SLOW = [
  'tests/golden/**/*.test.ts',
  'tests/cli/**/*.test.ts',
  'tests/pipeline/**/*.test.ts',
  'tests/bench/**/*.test.ts',
  'tests/render/browser.test.ts',
  'tests/render/packet.test.ts',
  'tests/risk/montecarlo.test.ts',
  'tests/risk/compare.test.ts',
  'tests/validate/catalogue.test.ts',
  'tests/validate/errors-doc.test.ts',
  'tests/io/fuzz.test.ts',
];

const shared = {
  environment: 'node' as const,
  // forks, not threads: canvas segfaults when a worker thread exits (docs/stack-notes.md §2).
  pool: 'forks' as const,
  testTimeout: 60_000,
  setupFiles: ['./tests/support/temp-root.ts', './tests/support/fast-check.ts'],
};

export default defineConfig({
  test: {
    // Fails the run if a test wrote into the project's own reports/ (issue 12, item 4).
    globalSetup: ['./tests/support/reports-guard.ts'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
    projects: [{ test: { ...shared, name: 'unit', include: ['tests/**/*.test.ts'], exclude: SLOW } }, { test: { ...shared, name: 'slow', include: SLOW } }],
  },
});
