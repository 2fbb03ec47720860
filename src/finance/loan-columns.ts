/**
 * The loan arithmetic, written once into flat columns so that the one-loan
 * schedule and the portfolio kernel cannot drift apart, and so the kernel can
 * reuse the same scratch arrays for every loan without allocating.
 *
 * Row t (0..N) holds what happens at time t, t years after signing:
 * - interest on the balance carried through year t (the opening balance), due at t;
 * - principal due at t (years G+1..N);
 * - the draw at t, which opens year t+1 and first bears interest then;
 * - fees: the front-end fee at t = 0, and at t ≥ 1 the commitment fee on
 *   what stayed undrawn during year t.
 * Everything in a row shares one date, so a present value is Σ x_t / (1+d)^t.
 */
import { lastTranche, type LoanTerms } from './loan-terms.js';
import { repaymentCfadsValue } from './sculpting.js';

export interface LoanColumns {
  readonly opening: Float64Array;
  readonly disbursed: Float64Array;
  /** Interest accrued in the year, whether paid or capitalised. */
  readonly interest: Float64Array;
  /** The part of `interest` added to the balance instead of paid. */
  readonly capitalized: Float64Array;
  readonly fees: Float64Array;
  readonly principal: Float64Array;
  readonly closing: Float64Array;
}

export function allocateColumns(rows: number): LoanColumns {
  return {
    opening: new Float64Array(rows),
    disbursed: new Float64Array(rows),
    interest: new Float64Array(rows),
    capitalized: new Float64Array(rows),
    fees: new Float64Array(rows),
    principal: new Float64Array(rows),
    closing: new Float64Array(rows),
  };
}

/** Percent of the end-of-grace balance the custom profile repays in year t. */
function profilePct(terms: LoanTerms, t: number): number {
  let pct = 0;
  for (const step of terms.profile ?? []) if (t >= step.from && t <= step.to) pct += step.pct;
  return pct;
}

/**
 * Principal due at t < N given the opening balance; the final year always
 * takes whatever is left, so rounding never leaves a residue.
 */
function principalDue(terms: LoanTerms, t: number, opening: number, interest: number, base: number, level: number): number {
  switch (terms.method) {
    case 'annuity':
      return level - interest;
    case 'linear':
      return level;
    case 'bullet':
      return 0;
    case 'custom':
      // Capped: published steps can add up to slightly more than 100%.
      return Math.min((profilePct(terms, t) / 100) * base, opening);
    case 'sculpted':
      // May be negative when CFADS/DSCR is below the interest due: the shortfall accrues.
      return level * (terms.cfads?.[t - 1] ?? 0) - interest;
  }
}

/**
 * The per-year constant of each method, from the end-of-grace balance: the
 * level payment (annuity), the instalment (linear), or the ratio of debt
 * service to CFADS (sculpted, = 1/DSCR when the loan is sized at capacity).
 */
function levelAmount(terms: LoanTerms, base: number): number {
  const n = terms.years - terms.grace;
  const r = terms.rate;
  switch (terms.method) {
    case 'annuity':
      return r === 0 ? base / n : (base * r) / -Math.expm1(-n * Math.log1p(r));
    case 'linear':
      return base / n;
    case 'sculpted': {
      const value = repaymentCfadsValue(terms.cfads ?? [], r, terms.grace);
      return value > 0 ? base / value : 0;
    }
    default:
      return 0;
  }
}

/**
 * Fills rows 0..N of `cols` (which must have at least N+1 rows; later rows are
 * left alone). Assumes the terms passed `validateLoanTerms`.
 */
export function fillLoanColumns(terms: LoanTerms, cols: LoanColumns): void {
  const { amount, rate, years, grace } = terms;
  const shares = terms.disbursement ?? [1];
  const drawEnd = lastTranche(shares);
  const frontEnd = terms.frontEndFee ?? 0;
  const commitment = terms.commitmentFee ?? 0;
  // The repayment base is the balance actually reached at t = G.
  let base = 0;
  let level = 0;
  let balance = 0;
  let drawn = 0;
  for (let t = 0; t <= years; t++) {
    const opening = balance;
    if (t === grace + 1) {
      base = opening;
      level = levelAmount(terms, base);
    }
    const interest = t === 0 ? 0 : rate * opening;
    const capitalized = terms.capitalize && t >= 1 && t <= grace ? interest : 0;
    let fees = t === 0 ? frontEnd * amount : 0;
    // Undrawn through year t is what remained after the draw at t−1.
    if (t >= 1 && t - 1 < drawEnd) fees += commitment * (amount - drawn);
    let principal = 0;
    if (t === years) principal = opening;
    else if (t > grace) principal = principalDue(terms, t, opening, interest, base, level);
    const disbursed = t < shares.length ? amount * (shares[t] ?? 0) : 0;
    drawn += disbursed;
    balance = opening + capitalized + disbursed - principal;
    cols.opening[t] = opening;
    cols.interest[t] = interest;
    cols.capitalized[t] = capitalized;
    cols.fees[t] = fees;
    cols.principal[t] = principal;
    cols.disbursed[t] = disbursed;
    cols.closing[t] = balance;
  }
}
