/**
 * A rating downgrade of the bank: from the year of the event its funding spread
 * rises by `bp` basis points on every bond it issues (Afreximbank's cut to BB+
 * after losing de facto preferred-creditor status, domain-facts §3, is the warning
 * case). Bonds already issued keep their coupon and the bank's loans are
 * fixed-rate, so the cost falls on the margin of the years after the event, and
 * grows as the debt rolls over. The mechanism is the rate shock's (a coupon shift
 * on new issues): a downgrade names the cause (a rating event in a given year)
 * where `rate-shock-<bp>` is a move of the market's rates.
 */
import { applyRateShock } from './rate-shock.js';
import type { ShockSet } from './shock-set.js';

export function applyDowngrade(s: ShockSet, bp: number, fromIndex: number): ShockSet {
  return applyRateShock(s, bp, fromIndex);
}
