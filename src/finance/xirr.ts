/** Same design as `irr()`: a number when the rate is unique, a `FinanceError` otherwise. */
import { requireFinite } from './args.js';
import { allRoots, normalizeFlows, uniqueRoot, type CashFlows } from './cash-flows.js';
import { yearFractions, type DateInput } from './dates.js';

function datedFlows(fn: string, values: readonly number[], dates: readonly DateInput[]): CashFlows {
  const times = yearFractions(fn, values, dates);
  values.forEach((v, i) => requireFinite(fn, `values[${i}]`, v));
  return normalizeFlows(times, values);
}

/** Annual rate (ACT/365) at which `xnpv` is zero. Excel XIRR. */
export function xirr(values: readonly number[], dates: readonly DateInput[], guess = 0.1): number {
  return uniqueRoot('xirr', datedFlows('xirr', values, dates), guess);
}

/** Every annual rate above −100% at which `xnpv` is zero, ascending; empty if none. */
export function xirrAll(values: readonly number[], dates: readonly DateInput[]): number[] {
  return allRoots(datedFlows('xirrAll', values, dates));
}
