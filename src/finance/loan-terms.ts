/**
 * The terms of one loan, and their validation. Amounts are in millions of
 * FCFA; rates and fees are decimal fractions per year (0.0075 = 0.75%);
 * years count from signing (t = 0) in whole years.
 */
import { FinanceError, type LoanTermsProblem } from './errors.js';
import { repaymentCfadsValue } from './sculpting.js';

export type RepaymentMethod = 'annuity' | 'linear' | 'bullet' | 'custom' | 'sculpted';

/** Repay `pct` percent (4 = 4%) of the end-of-grace balance in each of loan years `from`..`to` (inclusive). */
export interface RepaymentStep {
  readonly from: number;
  readonly to: number;
  readonly pct: number;
}

export interface LoanTerms {
  /** Principal committed, millions of FCFA. */
  readonly amount: number;
  /** Interest (or service charge) on the outstanding balance, decimal per year. */
  readonly rate: number;
  /** Final maturity N in years from signing, grace included. */
  readonly years: number;
  /** Grace period G in years: no principal is due in years 1..G. */
  readonly grace: number;
  readonly method: RepaymentMethod;
  /**
   * Shares of `amount` (summing to 1) drawn at the start of loan years 1, 2, …
   * i.e. share k at time t = k. Default [1]: everything at signing. The last
   * non-zero share must come no later than t = G, so the repayment base is
   * known before the first principal falls due.
   */
  readonly disbursement?: readonly number[];
  /** Add grace-period interest to the balance instead of paying it. */
  readonly capitalize?: boolean;
  /** `custom` only: percentages that sum to 100 (±0.1 for published rounding such as 29 × 3.45%). */
  readonly profile?: readonly RepaymentStep[];
  /** `sculpted` only: cash flow available for debt service in loan years 1..N (cfads[0] is year 1). */
  readonly cfads?: readonly number[];
  /** `sculpted` only: debt service each repayment year is cfads / targetDscr. */
  readonly targetDscr?: number;
  /** Fraction of `amount` paid once at signing (t = 0). */
  readonly frontEndFee?: number;
  /** Fraction per year of the undrawn amount, paid at the end of each year. */
  readonly commitmentFee?: number;
}

/** How far the custom profile may stray from 100%: published steps are rounded (IDA 40-yr: 29 × 3.45% = 100.05%). */
export const PROFILE_TOLERANCE_PCT = 0.1;
/** Rounding allowance on shares that should sum to 1 and on sculpted sizing. */
export const SHARE_TOLERANCE = 1e-9;

const isInt = (x: number): boolean => Number.isInteger(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Index of the last positive disbursement share: the draw period ends there. */
export function lastTranche(shares: readonly number[]): number {
  for (let k = shares.length - 1; k >= 0; k--) if ((shares[k] ?? 0) > 0) return k;
  return 0;
}

/**
 * Balance at the end of grace (t = G) after every draw, the base that
 * principal repayment is computed on. With capitalisation each draw has grown
 * at the loan rate from its draw date.
 */
export function endOfGraceBalance(terms: LoanTerms): number {
  const shares = terms.disbursement ?? [1];
  if (!terms.capitalize) return shares.reduce((s, d) => s + terms.amount * d, 0);
  return shares.reduce((s, d, k) => s + terms.amount * d * (1 + terms.rate) ** (terms.grace - k), 0);
}

function checkDisbursement(terms: LoanTerms, add: (field: string, message: string) => void): void {
  const shares = terms.disbursement;
  if (shares === undefined) return;
  if (shares.length === 0) return add('disbursement', 'must list at least one share');
  let sum = 0;
  shares.forEach((d, k) => {
    if (!finite(d) || d < 0) add(`disbursement[${k}]`, `must be a share between 0 and 1, got ${d}`);
    else sum += d;
  });
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) add('disbursement', `shares must sum to 1, got ${sum}`);
  const last = lastTranche(shares);
  if (isInt(terms.grace) && last > terms.grace) {
    add(
      'disbursement',
      `the last draw (share ${last}, at the start of year ${last + 1}) comes after the end of the ${terms.grace}-year grace period; with annual draws at most grace + 1 = ${terms.grace + 1} shares are allowed`,
    );
  }
}

function checkProfile(terms: LoanTerms, add: (field: string, message: string) => void): void {
  const steps = terms.profile;
  if (steps === undefined || steps.length === 0) return add('profile', 'the custom method needs a repayment profile');
  let total = 0;
  let lastYear = 0;
  const covered = new Set<number>();
  steps.forEach((s, i) => {
    const f = `profile[${i}]`;
    if (!isInt(s.from) || !isInt(s.to) || s.from > s.to) return add(f, `from and to must be whole years with from ≤ to, got ${s.from}–${s.to}`);
    if (s.from <= terms.grace || s.to > terms.years) {
      add(f, `years ${s.from}–${s.to} must lie within the repayment period ${terms.grace + 1}–${terms.years}`);
    }
    if (!finite(s.pct) || s.pct < 0) return add(`${f}.pct`, `must be a percentage ≥ 0, got ${s.pct}`);
    for (let t = s.from; t <= s.to; t++) {
      if (covered.has(t)) add(f, `year ${t} is already covered by an earlier step`);
      covered.add(t);
    }
    total += s.pct * (s.to - s.from + 1);
    if (s.pct > 0) lastYear = Math.max(lastYear, s.to);
  });
  // 1e-9: so that a profile exactly at the tolerance is not refused for float noise.
  if (Math.abs(total - 100) > PROFILE_TOLERANCE_PCT + 1e-9) add('profile', `percentages must add up to 100% of the end-of-grace balance, got ${total}%`);
  if (lastYear !== terms.years) add('profile', `the last repayment (year ${lastYear}) must fall in the final year ${terms.years}`);
}

function checkSculpting(terms: LoanTerms, add: (field: string, message: string) => void): void {
  const { cfads, targetDscr } = terms;
  if (!finite(targetDscr) || targetDscr <= 0) add('targetDscr', `the sculpted method needs a target DSCR > 0, got ${targetDscr}`);
  if (cfads === undefined) return add('cfads', 'the sculpted method needs CFADS for each loan year');
  if (cfads.length !== terms.years) return add('cfads', `needs one value per loan year (${terms.years}), got ${cfads.length}`);
  let bad = false;
  cfads.forEach((c, i) => {
    if (!finite(c) || (i >= terms.grace && c < 0)) {
      add(`cfads[${i}]`, `must be a finite number, and ≥ 0 in repayment years, got ${c}`);
      bad = true;
    }
  });
  if (bad || !finite(targetDscr) || targetDscr <= 0) return;
  const capacity = repaymentCfadsValue(cfads, terms.rate, terms.grace) / targetDscr;
  const base = endOfGraceBalance(terms);
  if (base > capacity * (1 + SHARE_TOLERANCE) || (base > 0 && capacity <= 0)) {
    add(
      'amount',
      `the balance at the end of grace (${base}) exceeds the debt capacity of ${capacity} that CFADS supports at a DSCR of ${targetDscr}`,
    );
  }
}

/** Every problem with the terms; empty when they are usable. Never throws. */
export function validateLoanTerms(terms: LoanTerms): LoanTermsProblem[] {
  const problems: LoanTermsProblem[] = [];
  const add = (field: string, message: string): void => void problems.push({ field, message });
  if (!finite(terms.amount) || terms.amount < 0) add('amount', `must be ≥ 0, got ${terms.amount}`);
  if (!finite(terms.rate) || terms.rate <= -1) add('rate', `must be a decimal rate above -1, got ${terms.rate}`);
  if (!isInt(terms.years) || terms.years < 1) add('years', `must be a whole number of years ≥ 1, got ${terms.years}`);
  if (!isInt(terms.grace) || terms.grace < 0 || !(terms.grace < terms.years)) {
    add('grace', `must be a whole number of years from 0 to years − 1, got ${terms.grace}`);
  }
  for (const fee of ['frontEndFee', 'commitmentFee'] as const) {
    const v = terms[fee];
    if (v !== undefined && (!finite(v) || v < 0)) add(fee, `must be a decimal fraction ≥ 0, got ${v}`);
  }
  if (problems.length > 0) return problems; // the checks below need sane years and rate
  checkDisbursement(terms, add);
  switch (terms.method) {
    case 'annuity':
    case 'linear':
    case 'bullet':
      break;
    case 'custom':
      checkProfile(terms, add);
      break;
    case 'sculpted':
      if (problems.length === 0) checkSculpting(terms, add);
      break;
    default:
      add('method', `must be annuity, linear, bullet, custom or sculpted, got ${String(terms.method)}`);
  }
  return problems;
}

/** Throws `FinanceError` `invalid-terms` listing every problem. */
export function assertValidTerms(terms: LoanTerms): void {
  const problems = validateLoanTerms(terms);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new FinanceError('invalid-terms', `invalid loan terms: ${list}`, [], problems);
  }
}
