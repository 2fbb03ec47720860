/**
 * The repayment schedule of one loan, as rows a reader can check line by line.
 * Timing conventions are those of `fillLoanColumns` (loan-columns.ts): row t
 * holds everything that happens t years after signing.
 */
import { allocateColumns, fillLoanColumns } from './loan-columns.js';
import { assertValidTerms, type LoanTerms } from './loan-terms.js';

/** Millions of FCFA, all at time t = `year` years after signing. */
export interface ScheduleRow {
  readonly year: number;
  /** Balance carried through the year ending now (= previous closing). */
  readonly opening: number;
  /** Drawn now; bears interest from the next year on. */
  readonly disbursed: number;
  /** Accrued on `opening` over the year ending now, paid or capitalised. */
  readonly interest: number;
  /** The part of `interest` added to the balance (grace years, `capitalize`). */
  readonly capitalized: number;
  /** Front-end fee (year 0) and commitment fee on the amount undrawn during the year. */
  readonly fees: number;
  readonly principal: number;
  /** Paid by the borrower now: interest − capitalized + fees + principal. */
  readonly debtService: number;
  readonly closing: number;
}

export interface ScheduleTotals {
  readonly disbursed: number;
  readonly interest: number;
  readonly capitalized: number;
  readonly fees: number;
  readonly principal: number;
  readonly debtService: number;
}

export interface LoanSchedule {
  readonly terms: LoanTerms;
  /** Years 0..N. */
  readonly rows: readonly ScheduleRow[];
  readonly totals: ScheduleTotals;
}

/** Throws `FinanceError` `invalid-terms` (listing every problem) for unusable terms. */
export function loanSchedule(terms: LoanTerms): LoanSchedule {
  assertValidTerms(terms);
  const cols = allocateColumns(terms.years + 1);
  fillLoanColumns(terms, cols);
  const rows: ScheduleRow[] = [];
  const totals = { disbursed: 0, interest: 0, capitalized: 0, fees: 0, principal: 0, debtService: 0 };
  for (let t = 0; t <= terms.years; t++) {
    const interest = cols.interest[t] ?? 0;
    const capitalized = cols.capitalized[t] ?? 0;
    const fees = cols.fees[t] ?? 0;
    const principal = cols.principal[t] ?? 0;
    const disbursed = cols.disbursed[t] ?? 0;
    const debtService = interest - capitalized + fees + principal;
    rows.push({
      year: t,
      opening: cols.opening[t] ?? 0,
      disbursed,
      interest,
      capitalized,
      fees,
      principal,
      debtService,
      closing: cols.closing[t] ?? 0,
    });
    totals.disbursed += disbursed;
    totals.interest += interest;
    totals.capitalized += capitalized;
    totals.fees += fees;
    totals.principal += principal;
    totals.debtService += debtService;
  }
  return { terms, rows, totals };
}
