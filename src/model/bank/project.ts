/**
 * The yearly projection of BCID-AES: balance sheet, income statement and
 * cash flow, from plain per-year inputs (funding inflows and portfolio
 * flows). Stress tests change the inputs, never this engine.
 *
 * Conventions (annual, millions FCFA):
 * - Opening position at `start`: everything paid in before the horizon is
 *   cash and paid-in capital; no loans, no debt, no reserves.
 * - Treasury income = treasuryYield × opening cash; interest expense =
 *   bond rate × opening borrowings.
 * - Operating expenses = fixed × (1 + growth)^i + shareOfLoans × gross loans
 *   at year end (i = years since start).
 * - Loan-loss allowance = expected loss at year end (PD × LGD × exposure,
 *   loans and equity at cost); provisions = change in allowance + write-offs
 *   + the expected-loss charge.
 * - Expected-loss charge (`credit.centralCase: expected-loss`, the default):
 *   each year the allowance held at the start of the year, i.e. PD × LGD ×
 *   the exposure at the start of the year, is lost: it is written off against
 *   income and not collected in cash. Cumulative credit cost is then the sum
 *   of the allowances, positive. With `none` the allowance is only built and
 *   released (no cumulative cost). Stress and Monte Carlo paths that draw
 *   defaults switch it off (`expectedLossCharge: false`).
 * - Equity = paid-in capital + levy contributions + retained earnings, each
 *   on its own line.
 * - Net income = interest accrued + fees + dividends + realised gains on
 *   exits + treasury income − interest expense − opex − provisions. All of it
 *   is retained (no dividends to members).
 * - Borrowing, when enabled and from `firstYear`: at the end of each year the
 *   bank issues just enough to bring cash up to its liquidity buffer, within
 *   the gearing limit (borrowings ≤ maxGearing × equity at year end).
 *   Buffer = liquidityMonths/12 × next year's net outflows, where net
 *   outflows = disbursements + equity investments + opex + interest on
 *   borrowings + bond principal due − loan principal, interest paid, fees,
 *   dividends and exit proceeds due (capital contributions and new borrowing
 *   are not counted: the buffer must hold without them). Because issuing X
 *   raises next year's debt service by X × (rate + first-year repayment),
 *   X solves cash + X = k × (N + X·(r + f₁)).
 * - Nothing here decides whether a limit is broken; `limits.ts` reads the
 *   projection and says so.
 * - Stress hooks (`ProjectionShocks`, issue 5), absent in a plain run: a shift
 *   of the coupon of the bonds issued each year (their repayment profile stays
 *   the base coupon's), and a peg exit that revalues the foreign-currency share
 *   of the bonds outstanding, and a market closure (no issue in the years
 *   `issuanceClosed` marks). Without them the arithmetic is exactly the above.
 */
import type { Calendar } from '../context.js';
import type { PortfolioFlows } from '../portfolio.js';
import { adjustedEquity, concentrationFactor, treasuryWeight } from '../capital/ratio.js';
import { trancheRepaid } from './borrowing.js';
import { ProjectionScratch, type BankInputs, type BankPolicy, type BankProjection, type ProjectionShocks } from './projection.js';

export { bankPolicy, ProjectionScratch, type BankInputs, type BankPolicy, type BankProjection, type ProjectionShocks } from './projection.js';

/** Fixed operating cost of year index i. */
export function fixedOpex(policy: BankPolicy, i: number): number {
  return policy.operatingExpenses.fixed * (1 + policy.operatingExpenses.growth) ** i;
}

/**
 * Portfolio part of the net outflows of year index i: what goes out to
 * projects and to running the loan book, less what borrowers pay in.
 */
export function portfolioNetOutflow(p: PortfolioFlows, policy: BankPolicy, i: number): number {
  const inflow = p.principal[i]! + (p.interest[i]! - p.capitalised[i]!) + p.fees[i]! + p.dividends[i]! + p.exitProceeds[i]!;
  const outflow = p.disbursed[i]! + p.invested[i]! + policy.operatingExpenses.shareOfLoans * p.loans[i]!;
  return outflow - inflow;
}

/** Whether the bank may issue bonds at the end of year index i. */
export function mayBorrow(policy: BankPolicy, years: Calendar, i: number): boolean {
  return policy.borrowing.enabled && years.start + i >= policy.borrowing.firstYear && policy.borrowing.maxGearing > 0;
}

/**
 * The bank's year loop, the only one. A plain run is this loop with neutral
 * shocks (none given): interest is then the base coupon × opening borrowings
 * and no revaluation is booked, so its arithmetic is exactly the conventions
 * above. With a coupon shift, interest is summed tranche by tranche (each at
 * its own coupon); with a peg exit the foreign share of the bonds outstanding
 * is revalued (`fxLoss`); in a year whose issuance is closed (market
 * closure) no bond is issued.
 */
export function projectBank(inputs: BankInputs, policy: BankPolicy, shocks: ProjectionShocks = {}): BankProjection {
  const { years, portfolio: p } = inputs;
  const n = years.count;
  const scratch = shocks.scratch !== undefined && shocks.scratch.n === n ? shocks.scratch : new ProjectionScratch(n);
  const out = scratch.series;
  const remaining = scratch.remaining(policy.borrowing);
  const base = policy.borrowing.rate;
  const shift = shocks.issueRateShift;
  // Without a coupon shift, interest is the plain run's rate × opening borrowings, to the last bit.
  const perTranche = shift !== undefined;
  // Until a shifted tranche is outstanding every coupon is the base one: interest stays base × borrowings there too.
  let firstShift = n;
  if (shift !== undefined) for (let s = n - 1; s >= 0; s--) if (shift[s] !== 0) firstShift = s;
  const fx = shocks.fx;
  const closed = shocks.issuanceClosed;
  const k = policy.liquidityMonths / 12;
  const firstRepaid = trancheRepaid(remaining, 1);
  const raised = scratch.raised.fill(0);
  const coupon = scratch.coupon;
  const fixed = scratch.fixed;
  for (let i = 0; i <= n; i++) fixed[i] = fixedOpex(policy, i);
  for (let s = 0; s < n; s++) coupon[s] = perTranche ? Math.max(0, base + shift[s]!) : base;
  const bondPrincipalDue = (j: number): number => {
    let due = 0;
    for (let s = Math.max(0, j - remaining.length); s < j; s++) due += raised[s]! * trancheRepaid(remaining, j - s);
    return due;
  };
  /** Σ coupon × balance at the end of year j − 1 of the tranches issued before `upTo`. */
  const interestOn = (j: number, upTo: number): number => {
    let sum = 0;
    for (let s = Math.max(0, j - remaining.length); s < upTo; s++) {
      const age = j - 1 - s;
      if (age >= 0 && age < remaining.length) sum += coupon[s]! * raised[s]! * remaining[age]!;
    }
    return sum;
  };

  let cash = inputs.openingPaidIn;
  let borrowings = 0;
  // Equity sums paid-in and levy in one running total, as it always has (the reported equity
  // keeps its bits); the two components are kept apart beside it.
  let contributed = inputs.openingPaidIn;
  let levyContributions = inputs.openingLevy ?? 0;
  let paidInCapital = inputs.openingPaidIn - levyContributions;
  let retained = 0;
  let allowance = 0;
  const charge = policy.expectedLossCharge === true;
  const cap = policy.capital;
  const wTreasury = cap === undefined ? 0 : treasuryWeight(cap);
  const ex = p.memberExposure;
  for (let i = 0; i < n; i++) {
    let fxLoss = 0;
    if (fx !== undefined && fx.yearIndex === i && borrowings > 0) {
      const g = 1 + fx.foreignShare * (fx.factor - 1);
      fxLoss = (g - 1) * borrowings;
      for (let s = 0; s < i; s++) raised[s] = raised[s]! * g;
      borrowings += fxLoss;
    }
    const treasury = policy.treasuryYield * cash;
    const shifted = perTranche && i > firstShift;
    const interestExpense = shifted ? interestOn(i, i) : base * borrowings;
    const repaid = bondPrincipalDue(i);
    const opex = fixed[i]! + policy.operatingExpenses.shareOfLoans * p.loans[i]!;
    const newAllowance = p.expectedLoss[i]!;
    const creditCharge = charge ? allowance : 0;
    const provisions = charge ? newAllowance + p.writeOffs[i]! : newAllowance - allowance + p.writeOffs[i]!;
    const equityIncome = p.dividends[i]! + p.exitProceeds[i]! - p.exitCost[i]!;
    const netIncome =
      p.interest[i]! + p.fees[i]! + equityIncome + treasury - interestExpense - opex - provisions - fxLoss;
    contributed += inputs.paidIn[i]! + inputs.levy[i]!;
    paidInCapital += inputs.paidIn[i]!;
    levyContributions += inputs.levy[i]!;
    retained += netIncome;
    const equity = contributed + retained;

    const cashBefore =
      cash +
      inputs.paidIn[i]! +
      inputs.levy[i]! -
      repaid -
      interestExpense -
      opex +
      treasury -
      p.disbursed[i]! -
      p.invested[i]! +
      p.principal[i]! +
      (p.interest[i]! - p.capitalised[i]!) +
      p.fees[i]! +
      p.dividends[i]! +
      p.exitProceeds[i]! -
      creditCharge;
    const rawDebt = borrowings - repaid;
    const debtBefore = Math.abs(rawDebt) < 1e-9 * Math.max(1, borrowings) ? 0 : rawDebt;

    const rate = coupon[i]!;
    const baseNext =
      portfolioNetOutflow(p, policy, i + 1) + fixed[i + 1]! + (shifted ? interestOn(i + 1, i) : base * debtBefore) + bondPrincipalDue(i + 1);
    let issue = 0;
    if (mayBorrow(policy, years, i) && (closed === undefined || closed[i] !== 1)) {
      const perUnit = k * (rate + firstRepaid);
      const forBuffer = perUnit < 1 ? (k * baseNext - cashBefore) / (1 - perUnit) : 0;
      const needed = Math.max(0, forBuffer, -cashBefore);
      const room = Math.max(0, policy.borrowing.maxGearing * equity - debtBefore);
      issue = Math.min(needed, room);
    }
    raised[i] = issue;
    cash = cashBefore + issue;
    borrowings = debtBefore + issue;
    allowance = newAllowance;
    const nextNet = baseNext + issue * (rate + firstRepaid);

    out.cash[i] = cash;
    out.borrowings[i] = borrowings;
    out.borrowingRaised[i] = issue;
    out.borrowingRepaid[i] = repaid;
    out.interestExpense[i] = interestExpense;
    out.treasuryIncome[i] = treasury;
    out.operatingExpenses[i] = opex;
    out.provisions[i] = provisions;
    out.allowance[i] = allowance;
    out.equityIncome[i] = equityIncome;
    out.netIncome[i] = netIncome;
    out.paidInCapital[i] = paidInCapital;
    out.levyContributions[i] = levyContributions;
    out.creditCharge[i] = creditCharge;
    if (cap !== undefined) {
      out.riskWeightedAssets[i] = p.riskWeighted[i]! * concentrationFactor(ex.MLI[i]!, ex.BFA[i]!, ex.NER[i]!, cap) + wTreasury * Math.max(0, cash);
      out.adjustedEquity[i] = adjustedEquity(cap, paidInCapital, levyContributions, retained);
    }
    out.retainedEarnings[i] = retained;
    out.equity[i] = equity;
    out.buffer[i] = k * Math.max(0, nextNet);
    out.nextNetOutflows[i] = nextNet;
    out.fxLoss[i] = fxLoss;
  }
  const { fxLoss, ...rest } = out;
  return { years, openingPaidIn: inputs.openingPaidIn, ...rest, ...(fx !== undefined ? { fxLoss } : {}) };
}
