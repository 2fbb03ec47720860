/** Finance primitives: pure functions, no I/O. Amounts in millions of FCFA, rates as decimals. */
export { FinanceError, type FinanceErrorCode, type LoanTermsProblem } from './errors.js';
export type { PaymentTiming } from './args.js';
export { pmt, ipmt, ppmt, fv, pv, nper } from './tvm.js';
export { rate } from './rate.js';
export { npv } from './npv.js';
export { irr, irrAll } from './irr.js';
export type { DateInput } from './dates.js';
export { xnpv } from './xnpv.js';
export { xirr, xirrAll } from './xirr.js';
export {
  validateLoanTerms,
  assertValidTerms,
  endOfGraceBalance,
  PROFILE_TOLERANCE_PCT,
  type LoanTerms,
  type RepaymentMethod,
  type RepaymentStep,
} from './loan-terms.js';
export { sculptedDebtCapacity } from './sculpting.js';
export { loanSchedule, type LoanSchedule, type ScheduleRow, type ScheduleTotals } from './schedule.js';
export { grantElement, GE_DISCOUNT_RATE, CONCESSIONAL_THRESHOLD, type GrantElement } from './grant-element.js';
export { dscr, llcr, coverage, type Coverage, type CoverageRow } from './coverage.js';
export {
  portfolioReflows,
  type PortfolioLoan,
  type ReflowOptions,
  type ReflowRow,
  type ReflowWindow,
} from './reflows.js';
