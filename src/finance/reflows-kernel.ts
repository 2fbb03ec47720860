/**
 * The machinery behind `portfolioReflows` (reflows.ts): one pass over the
 * loans that reads each loan object once and, in steady state, allocates no
 * arrays or objects of its own.
 *
 * Per loan it reads the terms, checks them with a few inline comparisons
 * (the disbursement shares and the custom profile are checked once per
 * distinct content, through small content-hashed tables), then takes one of
 * three paths:
 *
 * - template (default): loans that differ only in `amount` and `startYear`
 *   share one schedule "shape". A schedule is linear in the amount (every
 *   draw, fee, interest and principal — including the final-year remainder
 *   and the custom cap min(pct·base, opening) — scales with it), so the loop
 *   only adds the amount to a weight per (shape, start year). At the end each
 *   shape is run once per start year with the total amount signed then.
 *   Per loan that is O(1), whatever the maturity. Results agree with the
 *   one-loan engine to rounding (a few ulps of the sums); a loan alone in
 *   its (shape, start year) comes out bit for bit.
 * - direct (`exact`, or when the shape table is full): the loan's schedule
 *   is run inline straight into the calendar accumulators (`addLoan`), with
 *   exactly the operations of `fillLoanColumns` in the same order, so the sums
 *   are bit-identical to adding up `loanSchedule` rows loan by loan.
 * - general: anything the inline check does not vouch for (sculpted loans,
 *   maturities over MAX_FAST_YEARS, odd inputs) goes through
 *   `validateLoanTerms` and `fillLoanColumns` as before. An invalid loan makes
 *   the kernel rebuild the full problem list over all loans and throw
 *   `invalid-terms`, exactly as the one-pass validation used to.
 *
 * Accumulators are padded by MAX_FAST_YEARS on both sides of the window so
 * that the inline paths never test whether a year falls inside it: flows
 * before or after the window land in the padding and are dropped.
 *
 * The parts live in kernel/: the hash slots, the content tables of shares
 * and profiles, the schedule shapes and the inline schedule arithmetic.
 * State lives at module level and is reused across calls (grown when needed,
 * reset at the start of each call, so a call that threw leaves nothing
 * behind). The kernel is synchronous and never calls back into the caller's
 * code, so this is safe within a thread; each worker has its own instance.
 */
import { FinanceError, type LoanTermsProblem } from './errors.js';
import { MAX_FAST_YEARS, methodCode, CUSTOM } from './kernel/constants.js';
import { addLoan, AMOUNT, ARGS, COMMIT, FRONT, kernelColumns, RATE, zeroColumns, type KernelColumns } from './kernel/inline-schedule.js';
import { ShapeTable } from './kernel/shapes.js';
import { ProfileTable, ShareTable } from './kernel/term-tables.js';
import { allocateColumns, fillLoanColumns, type LoanColumns } from './loan-columns.js';
import { validateLoanTerms, type RepaymentStep } from './loan-terms.js';
import type { PortfolioLoan } from './reflows.js';

export { MAX_FAST_YEARS, MAX_SHAPES } from './kernel/constants.js';
export type { KernelColumns } from './kernel/inline-schedule.js';

const PAD = MAX_FAST_YEARS;
/** Index of the window's first year in the columns `runKernel` returns. */
export const KERNEL_OFFSET = PAD;
const DEFAULT_SHARES: readonly number[] = [1];

const shares = new ShareTable();
const profiles = new ProfileTable();
const shapes = new ShapeTable();

let acc = kernelColumns(2 * PAD + 64);
let general: LoanColumns = allocateColumns(64);

/** Builds the full problem list over every loan (the slow way) and throws it as `invalid-terms`. */
export function throwInvalidLoans(loans: readonly PortfolioLoan[]): void {
  const problems: LoanTermsProblem[] = [];
  loans.forEach((loan, i) => {
    for (const p of validateLoanTerms(loan)) problems.push({ field: `loans[${i}].${p.field}`, message: p.message });
    if (!Number.isInteger(loan.startYear)) problems.push({ field: `loans[${i}].startYear`, message: `must be a whole year, got ${loan.startYear}` });
  });
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new FinanceError('invalid-terms', `portfolioReflows: invalid loan terms: ${list}`, [], problems);
  }
}

/** A loan the inline check did not vouch for: validate it properly, then run the one-loan engine. */
function generalLoan(loans: readonly PortfolioLoan[], loan: PortfolioLoan, firstYear: number, span: number): void {
  if (validateLoanTerms(loan).length > 0 || !Number.isInteger(loan.startYear)) {
    throwInvalidLoans(loans);
    throw new Error('unreachable: a loan failed validation but the problem list is empty');
  }
  const from = Math.max(0, firstYear - loan.startYear);
  const to = Math.min(loan.years, firstYear + span - 1 - loan.startYear);
  if (from > to) return;
  if (general.closing.length < loan.years + 1) general = allocateColumns(loan.years + 1);
  const g = general;
  fillLoanColumns(loan, g);
  const { disbursed: D, interest: I, capitalized: C, fees: F, principal: P, outstanding: O } = acc;
  const k = PAD + loan.startYear - firstYear;
  for (let t = from; t <= to; t++) {
    const y = k + t;
    D[y]! += g.disbursed[t]!;
    I[y]! += g.interest[t]!;
    C[y]! += g.capitalized[t]!;
    F[y]! += g.fees[t]!;
    P[y]! += g.principal[t]!;
    O[y]! += g.closing[t]!;
  }
}

/**
 * Sums the loans' flows by calendar year firstYear..firstYear+span−1. The
 * result is the returned columns at indices `KERNEL_OFFSET`..+span−1; they
 * belong to the kernel and are overwritten by the next call. `exact` runs
 * every loan directly (bit-identical sums) instead of through the shape
 * templates. Throws `invalid-terms` (all problems, all loans) on a bad loan.
 */
export function runKernel(loans: readonly PortfolioLoan[], firstYear: number, span: number, exact: boolean): KernelColumns {
  const len = span + 2 * PAD;
  if (acc.disbursed.length < len) acc = kernelColumns(len);
  const a = acc;
  zeroColumns(a, 0, len);
  shares.reset();
  profiles.reset();
  shapes.reset();
  const defaultShares = shares.id(DEFAULT_SHARES);

  let templates = !exact;
  let lastShares: readonly number[] | undefined;
  let lastSharesId = defaultShares;
  let lastProfile: readonly RepaymentStep[] | undefined;
  let lastProfileId = -1;
  const n = loans.length;
  for (let i = 0; i < n; i++) {
    const loan = loans[i]!;
    const amount = loan.amount;
    const rate = loan.rate;
    const years = loan.years;
    const grace = loan.grace;
    const start = loan.startYear;
    const front = loan.frontEndFee;
    const commit = loan.commitmentFee;
    const method = methodCode(loan.method);
    // The inline check: when it passes, validateLoanTerms would find no problem.
    if (
      method < 0 ||
      typeof amount !== 'number' ||
      !(amount >= 0 && amount < Infinity) ||
      typeof rate !== 'number' ||
      !(rate > -1 && rate < Infinity) ||
      (years | 0) !== years ||
      years < 1 ||
      years > MAX_FAST_YEARS ||
      (grace | 0) !== grace ||
      grace < 0 ||
      grace >= years ||
      (start | 0) !== start ||
      (front !== undefined && !(typeof front === 'number' && front >= 0 && front < Infinity)) ||
      (commit !== undefined && !(typeof commit === 'number' && commit >= 0 && commit < Infinity))
    ) {
      generalLoan(loans, loan, firstYear, span);
      continue;
    }
    const loanShares = loan.disbursement;
    let d = defaultShares;
    if (loanShares !== undefined) {
      if (loanShares !== lastShares) {
        lastShares = loanShares;
        lastSharesId = shares.id(loanShares);
      }
      d = lastSharesId;
    }
    if (d < 0 || shares.end[d]! > grace) {
      generalLoan(loans, loan, firstYear, span);
      continue;
    }
    let p = -1;
    if (method === CUSTOM) {
      const profile = loan.profile;
      if (profile !== lastProfile) {
        lastProfile = profile;
        lastProfileId = profiles.id(profile);
      }
      p = lastProfileId;
      if (p < 0 || profiles.tabOff[p]! < 0 || profiles.minFrom[p]! <= grace || profiles.maxTo[p]! > years || profiles.lastPos[p] !== years) {
        generalLoan(loans, loan, firstYear, span);
        continue;
      }
    }
    const offset = start - firstYear;
    if (amount === 0 || offset >= span || offset + years < 0) continue; // adds nothing inside the window
    const cap = loan.capitalize ? true : false;
    ARGS[AMOUNT] = amount;
    ARGS[RATE] = rate;
    ARGS[FRONT] = front === undefined ? 0 : front;
    ARGS[COMMIT] = commit === undefined ? 0 : commit;
    if (templates) {
      const s = shapes.id(years, grace, method | (cap ? 4 : 0), d, p, span);
      if (s >= 0) {
        shapes.pool[shapes.weights[s]! + offset + years]! += amount;
        continue;
      }
      // The table is full: these terms hardly repeat, so stop looking shapes up.
      templates = false;
    }
    const tables = { shares: shares.pool, profile: profiles.tab };
    addLoan(a, tables, PAD + offset, years, grace, method, cap, shares.off[d]!, shares.end[d]!, p < 0 ? 0 : profiles.tabOff[p]!);
  }
  shapes.runAll(a, shares, profiles, PAD, span);
  return a;
}
