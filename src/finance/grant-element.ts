/**
 * Grant element, IMF/World Bank method (unified 5% discount rate since 2013):
 *
 *   GE = 1 − PV(everything the borrower pays) / PV(everything disbursed).
 *
 * Payments are interest actually paid, fees and principal; capitalised
 * interest counts only when repaid as principal. Each row's flows are
 * discounted by whole years from signing (row t at (1+d)^t), which with full
 * disbursement at signing and annual payments in arrears reproduces the
 * published test vectors (docs/domain-facts.md §4) to their 0.1-point rounding.
 */
import { FinanceError } from './errors.js';
import type { LoanTerms } from './loan-terms.js';
import { loanSchedule, type LoanSchedule } from './schedule.js';

export const GE_DISCOUNT_RATE = 0.05;
/** IMF debt-limits policy: concessional when GE ≥ 35%. */
export const CONCESSIONAL_THRESHOLD = 0.35;

export interface GrantElement {
  /** Fraction: 0.492 = 49.2%. Negative for loans dearer than the discount rate. */
  readonly grantElement: number;
  readonly concessional: boolean;
  readonly pvDebtService: number;
  readonly pvDisbursed: number;
  readonly discountRate: number;
}

export function grantElement(loan: LoanTerms | LoanSchedule, discountRate = GE_DISCOUNT_RATE): GrantElement {
  if (!Number.isFinite(discountRate) || discountRate <= -1) {
    throw new FinanceError('invalid-argument', `grantElement: discountRate must be a decimal rate above -1, got ${discountRate}`);
  }
  const schedule = 'rows' in loan ? loan : loanSchedule(loan);
  let pvDebtService = 0;
  let pvDisbursed = 0;
  for (const row of schedule.rows) {
    const factor = (1 + discountRate) ** -row.year;
    pvDebtService += row.debtService * factor;
    pvDisbursed += row.disbursed * factor;
  }
  if (!(pvDisbursed > 0)) {
    throw new FinanceError('invalid-argument', 'grantElement: the loan disburses nothing, so it has no grant element');
  }
  const ge = 1 - pvDebtService / pvDisbursed;
  return { grantElement: ge, concessional: ge >= CONCESSIONAL_THRESHOLD, pvDebtService, pvDisbursed, discountRate };
}
