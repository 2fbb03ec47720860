/**
 * Design: `irr()` returns a number, like Excel, but only when the rate is
 * unambiguous. It throws `FinanceError` with code `no-root` when no rate
 * works and `multiple-roots` (the roots attached) when several do, where
 * Excel would silently return whichever root Newton reached from the guess.
 * `irrAll()` returns every root found, for callers who want to choose.
 */
import { requireFinite } from './args.js';
import { allRoots, normalizeFlows, uniqueRoot, type CashFlows } from './cash-flows.js';
import { FinanceError } from './errors.js';

function periodicFlows(fn: string, values: readonly number[]): CashFlows {
  if (values.length === 0) throw new FinanceError('invalid-argument', `${fn}: at least one value is required`);
  values.forEach((v, i) => requireFinite(fn, `values[${i}]`, v));
  if (values.every((v) => v === 0)) {
    throw new FinanceError('invalid-argument', `${fn}: all cash flows are zero, so every rate is a root`);
  }
  return normalizeFlows(values.map((_, i) => i), values);
}

/**
 * Rate per period at which the NPV of `values` (values[0] at t = 0, undiscounted)
 * is zero. `guess` only seeds Newton: the answer is returned only when it is
 * the unique root, so it never depends on the guess.
 */
export function irr(values: readonly number[], guess = 0.1): number {
  return uniqueRoot('irr', periodicFlows('irr', values), guess);
}

/** Every rate above −100% that zeroes the NPV of `values`, ascending; empty if none. */
export function irrAll(values: readonly number[]): number[] {
  return allRoots(periodicFlows('irrAll', values));
}
