/**
 * Debt sculpting: size the loan so that debt service each repayment year is
 * CFADS / target DSCR. The loan the cash flow can carry is the present value
 * of that service at the loan rate.
 */
import { requireFinite, requireRate } from './args.js';
import { FinanceError } from './errors.js';

/**
 * Present value at the end of grace (t = G) of CFADS over the repayment years
 * G+1..N (cfads[t−1] is year t), discounted at the loan rate.
 */
export function repaymentCfadsValue(cfads: readonly number[], rate: number, grace: number): number {
  let pv = 0;
  let factor = 1;
  for (let t = grace + 1; t <= cfads.length; t++) {
    factor /= 1 + rate;
    pv += (cfads[t - 1] ?? 0) * factor;
  }
  return pv;
}

/**
 * The balance the loan may have at the end of grace (t = G) so that each
 * repayment year's debt service is exactly cfads / dscr: Σ_{t=G+1..N}
 * (cfads[t−1] / dscr) / (1+rate)^(t−G). When grace interest is paid, that is
 * the amount to lend; when it is capitalised, lend less so that the balance
 * grows to it by t = G.
 */
export function sculptedDebtCapacity(cfads: readonly number[], rate: number, dscr: number, grace = 0): number {
  requireRate('sculptedDebtCapacity', rate);
  requireFinite('sculptedDebtCapacity', 'dscr', dscr);
  if (dscr <= 0) throw new FinanceError('invalid-argument', `sculptedDebtCapacity: dscr must be positive, got ${dscr}`);
  if (!Number.isInteger(grace) || grace < 0 || grace >= cfads.length) {
    throw new FinanceError('invalid-argument', `sculptedDebtCapacity: grace must be a whole number below the ${cfads.length} CFADS years, got ${grace}`);
  }
  cfads.forEach((c, i) => requireFinite('sculptedDebtCapacity', `cfads[${i}]`, c));
  return repaymentCfadsValue(cfads, rate, grace) / dscr;
}
