/**
 * The portfolio kernel: what every loan of the bank pays in and out, summed by
 * calendar year. It runs inside scenario and Monte Carlo loops, so it is
 * written for throughput (reflows-kernel.ts): typed-array accumulators, an
 * inline validity check, one schedule per distinct term set scaled by amount
 * and shifted by start year, and row objects built only at the end. The loan
 * arithmetic is the one-loan engine's (`fillLoanColumns`), so the two agree:
 * to rounding by default, bit for bit with `exact`.
 *
 * Loan year t of a loan signed in `startYear` S lands in calendar year S + t
 * (row 0 — front-end fee, first draw — in S). Flows falling outside
 * [firstYear, lastYear] are dropped; `outstanding` is a stock, the true
 * balance at the end of each year in the window, whenever the loan was signed.
 */
import { FinanceError } from './errors.js';
import type { LoanTerms } from './loan-terms.js';
import { KERNEL_OFFSET, runKernel } from './reflows-kernel.js';

export type PortfolioLoan = LoanTerms & {
  /** Calendar year of signing. */
  readonly startYear: number;
};

export interface ReflowWindow {
  readonly firstYear: number;
  readonly lastYear: number;
}

/** Millions of FCFA in one calendar year, summed over loans; fields as in `ScheduleRow`. */
export interface ReflowRow {
  readonly year: number;
  readonly disbursed: number;
  /** Accrued, paid or capitalised. */
  readonly interest: number;
  readonly capitalized: number;
  readonly fees: number;
  readonly principal: number;
  /** interest − capitalized + fees + principal. */
  readonly debtService: number;
  /** Sum of the loans' balances at the end of the year. */
  readonly outstanding: number;
}

export interface ReflowOptions {
  /**
   * Run every loan's schedule on its own instead of once per distinct term
   * set: the sums are then bit-identical to adding up `loanSchedule` rows
   * loan by loan, in loan order. Slower when term sets repeat. Default false.
   */
  readonly exact?: boolean;
}

/** Number of years in the window; throws `invalid-argument` unless whole years with firstYear ≤ lastYear. */
function windowSpan(window: ReflowWindow, fn: string): number {
  const { firstYear, lastYear } = window;
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new FinanceError('invalid-argument', `${fn}: need whole years with firstYear ≤ lastYear, got ${firstYear}–${lastYear}`);
  }
  return lastYear - firstYear + 1;
}

/** One row per calendar year of the window. Throws `invalid-terms` naming every bad loan (`loans[i].field`). */
export function portfolioReflows(loans: readonly PortfolioLoan[], window: ReflowWindow, options: ReflowOptions = {}): ReflowRow[] {
  const span = windowSpan(window, 'portfolioReflows');
  const { disbursed, interest, capitalized, fees, principal, outstanding } = runKernel(loans, window.firstYear, span, options.exact === true);
  const rows: ReflowRow[] = new Array(span);
  for (let y = 0; y < span; y++) {
    const k = KERNEL_OFFSET + y;
    const i = interest[k]!;
    const c = capitalized[k]!;
    const f = fees[k]!;
    const p = principal[k]!;
    rows[y] = {
      year: window.firstYear + y,
      disbursed: disbursed[k]!,
      interest: i,
      capitalized: c,
      fees: f,
      principal: p,
      debtService: i - c + f + p,
      outstanding: outstanding[k]!,
    };
  }
  return rows;
}
