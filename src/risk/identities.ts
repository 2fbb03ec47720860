/**
 * The accounting identities every stressed projection must satisfy, checked on
 * the plain arrays (cheap enough for every Monte Carlo path) and on report rows
 * (stress runs). Tolerance as in src/model/checks.ts: 1e-6 relative to the size
 * of the quantities compared, at least 1 FCFA.
 *
 * - balance sheet: cash + loans − allowance + equity investments = borrowings + equity;
 * - cash flow: paid-in + levy + bonds raised + principal + other reflows + treasury
 *   = disbursements + bonds repaid + interest expense + opex + Δcash;
 * - income: net income = interest + fees + equity income + treasury − interest
 *   expense − opex − provisions − FX loss;
 * - loans: Δ gross loans = disbursed + capitalised − principal − write-offs.
 */
import { CHECK_TOLERANCE } from '../model/checks.js';
import type { BankProjection } from '../model/bank/project.js';
import type { PortfolioFlows } from '../model/portfolio.js';
import type { InvariantCheck } from '../model/results.js';

export const IDENTITIES = ['balance-sheet', 'cash-flow', 'income-statement', 'loan-roll-forward'] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface IdentityGap {
  /** Largest gap relative to its scale (≤ 1 means within tolerance), and where. */
  readonly ratio: number;
  readonly identity: Identity;
  readonly yearIndex: number;
  readonly gap: number;
}

type Sink = (identity: Identity, yearIndex: number, gap: number, scale: number) => void;

/** Every identity gap of every year, with the scale its tolerance is relative to. */
export function identityGaps(p: PortfolioFlows, b: BankProjection, paidIn: Float64Array, levy: Float64Array, sink: Sink): void {
  let prevCash = b.openingPaidIn;
  let prevLoans = 0;
  for (let i = 0; i < b.years.count; i++) {
    const assets = b.cash[i]! + p.loans[i]! - b.allowance[i]! + p.equityHeld[i]!;
    sink('balance-sheet', i, assets - (b.borrowings[i]! + b.equity[i]!), assets);
    const reflows = p.principal[i]! + p.interest[i]! - p.capitalised[i]! + p.fees[i]! + p.dividends[i]! + p.exitProceeds[i]!;
    const sources = paidIn[i]! + levy[i]! + b.borrowingRaised[i]! + reflows + b.treasuryIncome[i]!;
    const uses = p.disbursed[i]! + p.invested[i]! + b.borrowingRepaid[i]! + b.interestExpense[i]! + b.operatingExpenses[i]! + b.creditCharge[i]! + (b.cash[i]! - prevCash);
    sink('cash-flow', i, sources - uses, Math.max(Math.abs(sources), Math.abs(uses)));
    const equityIncome = p.dividends[i]! + p.exitProceeds[i]! - p.exitCost[i]!;
    const ni = p.interest[i]! + p.fees[i]! + equityIncome + b.treasuryIncome[i]! - b.interestExpense[i]! - b.operatingExpenses[i]! - b.provisions[i]! - (b.fxLoss?.[i] ?? 0);
    sink('income-statement', i, b.netIncome[i]! - ni, Math.max(Math.abs(p.interest[i]!), Math.abs(b.operatingExpenses[i]!), 1));
    const movement = p.disbursed[i]! + p.capitalised[i]! - p.principal[i]! - p.writeOffs[i]!;
    sink('loan-roll-forward', i, p.loans[i]! - prevLoans - movement, p.loans[i]!);
    prevCash = b.cash[i]!;
    prevLoans = p.loans[i]!;
  }
}

/** The worst identity gap of a projection, as a multiple of its tolerance (≤ 1 passes). Inline: it runs on every path. */
export function worstIdentityGap(p: PortfolioFlows, b: BankProjection, paidIn: Float64Array, levy: Float64Array): IdentityGap {
  let ratio = 0;
  let which = 0;
  let year = -1;
  let worstGap = 0;
  let prevCash = b.openingPaidIn;
  let prevLoans = 0;
  const note = (k: number, i: number, gap: number, scale: number) => {
    const r = Math.abs(gap) / (CHECK_TOLERANCE * Math.max(1, Math.abs(scale)));
    if (!(r <= ratio)) {
      ratio = Number.isNaN(r) ? Infinity : r;
      which = k;
      year = i;
      worstGap = gap;
    }
  };
  for (let i = 0; i < b.years.count; i++) {
    const cash = b.cash[i]!;
    const loans = p.loans[i]!;
    const assets = cash + loans - b.allowance[i]! + p.equityHeld[i]!;
    note(0, i, assets - (b.borrowings[i]! + b.equity[i]!), assets);
    const reflows = p.principal[i]! + p.interest[i]! - p.capitalised[i]! + p.fees[i]! + p.dividends[i]! + p.exitProceeds[i]!;
    const sources = paidIn[i]! + levy[i]! + b.borrowingRaised[i]! + reflows + b.treasuryIncome[i]!;
    const uses = p.disbursed[i]! + p.invested[i]! + b.borrowingRepaid[i]! + b.interestExpense[i]! + b.operatingExpenses[i]! + b.creditCharge[i]! + (cash - prevCash);
    note(1, i, sources - uses, Math.max(Math.abs(sources), Math.abs(uses)));
    const ni =
      p.interest[i]! + p.fees[i]! + p.dividends[i]! + p.exitProceeds[i]! - p.exitCost[i]! + b.treasuryIncome[i]! - b.interestExpense[i]! - b.operatingExpenses[i]! - b.provisions[i]! - (b.fxLoss?.[i] ?? 0);
    note(2, i, b.netIncome[i]! - ni, Math.max(Math.abs(p.interest[i]!), Math.abs(b.operatingExpenses[i]!), 1));
    note(3, i, loans - prevLoans - (p.disbursed[i]! + p.capitalised[i]! - p.principal[i]! - p.writeOffs[i]!), loans);
    prevCash = cash;
    prevLoans = loans;
  }
  return { ratio, identity: IDENTITIES[which]!, yearIndex: year, gap: worstGap };
}

const WHAT: Readonly<Record<Identity, string>> = {
  'balance-sheet': 'assets = borrowings + equity (stressed projection)',
  'cash-flow': 'sources = uses, including the change in cash (stressed projection)',
  'income-statement': 'net income = income − interest expense − opex − provisions − FX loss (stressed projection)',
  'loan-roll-forward': 'gross loans move by disbursements + capitalised − principal − write-offs (stressed projection)',
};

/** The identities as invariant checks (largest gap and its year), for a stress run's results. */
export function identityChecks(p: PortfolioFlows, b: BankProjection, paidIn: Float64Array, levy: Float64Array): InvariantCheck[] {
  const state = new Map<Identity, { largest: number; year: number | null; ok: boolean }>(IDENTITIES.map((k) => [k, { largest: 0, year: null, ok: true }]));
  identityGaps(p, b, paidIn, levy, (identity, i, gap, scale) => {
    const g = state.get(identity)!;
    const a = Math.abs(gap);
    if (!(a <= CHECK_TOLERANCE * Math.max(1, Math.abs(scale)))) g.ok = false;
    if (!(a <= g.largest)) {
      g.largest = Number.isNaN(a) ? Infinity : a;
      g.year = b.years.start + i;
    }
  });
  return IDENTITIES.map((k) => {
    const g = state.get(k)!;
    return { name: k, ok: g.ok, largestError: g.largest, year: g.year, detail: WHAT[k] };
  });
}
