import { expect } from 'vitest';

// Deeper property runs: FC_NUM_RUNS=5000 npx vitest run tests/finance (tests/support/fast-check.ts).

/** |actual − expected| ≤ max(rel·|expected|, abs): relative, with an absolute floor for values near 0. */
export function expectClose(actual: number, expected: number, rel = 1e-9, abs = 1e-12): void {
  const tol = Math.max(rel * Math.abs(expected), abs);
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} of ${expected}; off by ${actual - expected}`);
  }
}

/** Runs `fn` and returns the FinanceError code it throws (fails the test if it does not throw). */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? `not a FinanceError: ${String(e)}`;
  }
  return expect.fail('expected a FinanceError, but nothing was thrown');
}
