/**
 * A rise in the bank's cost of market funding (MTDS-style interest-rate shock):
 * `bp` basis points on the coupon of every bond issued from `fromIndex` on.
 * Bonds already issued keep their coupon, and so do the bank's loans: they are
 * fixed-rate and signed (the allocation is held fixed), so the whole shock
 * falls on the bank's margin.
 */
import { copyShocks, type ShockSet } from './shock-set.js';

export function applyRateShock(s: ShockSet, bp: number, fromIndex: number): ShockSet {
  const out = copyShocks(s);
  for (let i = Math.max(0, fromIndex); i < out.issueRateShift.length; i++) out.issueRateShift[i] = out.issueRateShift[i]! + bp / 10_000;
  return out;
}
