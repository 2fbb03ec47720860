/**
 * Vitest set-up file (every test file): fast-check runs from one fixed seed, so a
 * property test that passes once passes every time and a failure reproduces.
 *   FC_SEED=123 npx vitest run …        another seed (explore)
 *   FC_NUM_RUNS=5000 npx vitest run …   deeper runs (tests that set their own numRuns keep it)
 * A test's own `{ seed }` still wins over the global one.
 */
import fc from 'fast-check';

/** The seed of every property test unless FC_SEED says otherwise. */
export const DEFAULT_FC_SEED = 20251222;

function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name}=${raw}: expected an integer`);
  return n;
}

const seed = positiveInteger('FC_SEED') ?? DEFAULT_FC_SEED;
const numRuns = positiveInteger('FC_NUM_RUNS');
fc.configureGlobal(numRuns !== undefined && numRuns > 0 ? { seed, numRuns } : { seed });
