/**
 * The lending rate at which a loan's grant element, at a given discount rate,
 * equals a target, all other terms (maturity, grace, profile, fees) unchanged.
 *
 * The grant element falls as the rate rises (every payment grows with it), so
 * there is at most one such rate. It is found with the project's rate-axis scan
 * (finance/roots.ts) on GE(r) − target, scaled by 1 / (1 + max(r, 0)) so that
 * it stays bounded as r → ∞; the end values given to the scan only fix the
 * signs at the ends of the axis (GE → −∞ as r → ∞; near r = −1 the loan costs
 * almost nothing).
 */
import { grantElement, type LoanTerms } from '../../finance/index.js';
import { scanRateRoots } from '../../finance/roots.js';

const NEAR_MINUS_ONE = -0.999;
/** A coarse grid is enough: the function is monotone, so it has one sign change, found and then bisected to the last double. */
const SAMPLES = 256;

export function rateForGrantElement(terms: LoanTerms, target: number, discountRate: number): number | null {
  const gap = (rate: number): number => (grantElement({ ...terms, rate }, discountRate).grantElement - target) / (1 + Math.max(rate, 0));
  const roots = scanRateRoots({ f: gap, atInfinity: -1, atMinusOne: gap(NEAR_MINUS_ONE) }, SAMPLES);
  return roots.length === 0 ? null : roots[0]!;
}
