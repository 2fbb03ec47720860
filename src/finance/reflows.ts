/**
 * The portfolio kernel: what every loan of the bank pays in and out, summed by
 * calendar year. It runs inside scenario and Monte Carlo loops, so it reuses
 * one set of scratch columns for all loans, accumulates into typed arrays and
 * builds row objects only once at the end. The loan arithmetic itself is the
 * one-loan engine's (`fillLoanColumns`), so the two agree by construction.
 *
 * Loan year t of a loan signed in `startYear` S lands in calendar year S + t
 * (row 0 — front-end fee, first draw — in S). Flows falling outside
 * [firstYear, lastYear] are dropped; `outstanding` is a stock, the true
 * balance at the end of each year in the window, whenever the loan was signed.
 */
import { FinanceError } from './errors.js';
import { allocateColumns, fillLoanColumns } from './loan-columns.js';
import { validateLoanTerms, type LoanTerms } from './loan-terms.js';

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

function checkInputs(loans: readonly PortfolioLoan[], window: ReflowWindow): void {
  const { firstYear, lastYear } = window;
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new FinanceError('invalid-argument', `portfolioReflows: need whole years with firstYear ≤ lastYear, got ${firstYear}–${lastYear}`);
  }
  const problems = loans.flatMap((loan, i) => {
    const own = validateLoanTerms(loan).map((p) => ({ field: `loans[${i}].${p.field}`, message: p.message }));
    if (!Number.isInteger(loan.startYear)) own.push({ field: `loans[${i}].startYear`, message: `must be a whole year, got ${loan.startYear}` });
    return own;
  });
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new FinanceError('invalid-terms', `portfolioReflows: invalid loan terms: ${list}`, [], problems);
  }
}

export function portfolioReflows(loans: readonly PortfolioLoan[], window: ReflowWindow): ReflowRow[] {
  checkInputs(loans, window);
  const { firstYear, lastYear } = window;
  const span = lastYear - firstYear + 1;
  const disbursed = new Float64Array(span);
  const interest = new Float64Array(span);
  const capitalized = new Float64Array(span);
  const fees = new Float64Array(span);
  const principal = new Float64Array(span);
  const outstanding = new Float64Array(span);
  let longest = 0;
  for (const loan of loans) longest = Math.max(longest, loan.years);
  const cols = allocateColumns(longest + 1);

  for (const loan of loans) {
    const from = Math.max(0, firstYear - loan.startYear);
    const to = Math.min(loan.years, lastYear - loan.startYear);
    if (from > to) continue; // entirely outside the window
    fillLoanColumns(loan, cols);
    const offset = loan.startYear - firstYear;
    for (let t = from; t <= to; t++) {
      const y = offset + t;
      disbursed[y]! += cols.disbursed[t]!;
      interest[y]! += cols.interest[t]!;
      capitalized[y]! += cols.capitalized[t]!;
      fees[y]! += cols.fees[t]!;
      principal[y]! += cols.principal[t]!;
      outstanding[y]! += cols.closing[t]!;
    }
  }

  const rows: ReflowRow[] = [];
  for (let y = 0; y < span; y++) {
    const i = interest[y]!;
    const c = capitalized[y]!;
    const f = fees[y]!;
    const p = principal[y]!;
    rows.push({
      year: firstYear + y,
      disbursed: disbursed[y]!,
      interest: i,
      capitalized: c,
      fees: f,
      principal: p,
      debtService: i - c + f + p,
      outstanding: outstanding[y]!,
    });
  }
  return rows;
}
