/**
 * Finance functions fail loudly with a typed error instead of returning NaN
 * the way a spreadsheet returns #NUM!: a NaN that leaks into a portfolio sum
 * silently poisons every total downstream.
 */
export type FinanceErrorCode =
  /** An argument is outside the function's domain (nper 0, rate ≤ −1, type 2, …). */
  | 'invalid-argument'
  /** Loan terms are inconsistent; `problems` lists every problem found. */
  | 'invalid-terms'
  /** No rate or period count solves the equation (e.g. all cash flows of one sign). */
  | 'no-root'
  /** Several rates solve it; `roots` lists them, so the caller can choose. */
  | 'multiple-roots'
  /** The arguments are valid but the result does not fit in a double. */
  | 'overflow';

/** One problem with a set of loan terms, kept as a value so callers can report them all. */
export interface LoanTermsProblem {
  /** The `LoanTerms` field at fault, e.g. `disbursement` or `profile[2].to`. */
  readonly field: string;
  readonly message: string;
}

export class FinanceError extends Error {
  override readonly name = 'FinanceError';

  constructor(
    readonly code: FinanceErrorCode,
    message: string,
    /** Set with `multiple-roots` (ascending) and, empty, with `no-root`. */
    readonly roots: readonly number[] = [],
    /** Set with `invalid-terms`. */
    readonly problems: readonly LoanTermsProblem[] = [],
  ) {
    super(message);
  }
}
