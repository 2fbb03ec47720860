/**
 * The maturity-gap table of a treasury: at the end of each year, what the bank
 * holds and owes by residual maturity, in the buckets < 1, 1–3, 3–5, 5–10 and
 * > 10 years. Annual model: what falls due in year t + k is k years away at the
 * end of year t, so the first bucket holds what falls due next year, 1–3 what
 * falls due in t + 2 and t + 3, and so on (> 10: t + 11 and later, or no date).
 *
 * - Cash: under a year.
 * - Loans: each commitment's balance (amount × unit balance) falls due as its
 *   later principal does, pro rata (exact for a loan fully disbursed; during
 *   drawdown the balance is taken to amortise as the whole loan). A balance with
 *   no later principal (beyond the schedule) is over 10 years.
 * - Equity investments: at the year of the exit (the first later year with
 *   exit proceeds), else over 10 years.
 * - Allowance (contra-asset): spread as loans and equity investments together.
 * - Liabilities, the bank's bonds: each year's issue falls due as its tranche is
 *   repaid (src/model/bank/borrowing.ts).
 * The profiles come from the contractual flows; each line is then scaled to the
 * balance sheet's figure of the year, so that the buckets add up to it when a
 * stress changes the balances (arrears, rescheduling, a peg-exit revaluation).
 * Without stress the scale is 1 to rounding (tested).
 */
import { trancheRemaining, trancheRepaid } from './bank/borrowing.js';
import type { Calendar } from './context.js';
import type { Commitment } from './portfolio.js';
import type { BankYear, MaturityGapYear } from './results.js';
import type { Scenario } from '../schema/scenario.js';

export const MATURITY_BUCKETS = ['under1', 'from1to3', 'from3to5', 'from5to10', 'over10'] as const;

/** Bucket of something falling due k ≥ 1 years after the year end. */
export function bucketOf(k: number): number {
  return k <= 1 ? 0 : k <= 3 ? 1 : k <= 5 ? 2 : k <= 10 ? 3 : 4;
}

export interface MaturityProfile {
  /** Per year index, five buckets each (unscaled contractual amounts). */
  readonly loans: Float64Array[];
  readonly equity: Float64Array[];
  readonly bonds: Float64Array[];
}

/** The contractual profiles, before scaling to the balance sheet. */
export function maturityProfile(commitments: readonly Commitment[], years: Calendar, raised: readonly number[], borrowing: Scenario['funding']['borrowing']): MaturityProfile {
  const n = years.count;
  const make = () => Array.from({ length: n }, () => new Float64Array(5));
  const loans = make();
  const equity = make();
  const bonds = make();
  for (const c of commitments) {
    const u = c.financing.flows;
    for (let i = 0; i < n; i++) {
      const t = years.start + i - c.year;
      if (t < 0 || t >= u.length) continue;
      const balance = c.amount * u.loanBalance[t]!;
      if (balance > 0) {
        let later = 0;
        for (let s = t + 1; s < u.length; s++) later += u.principal[s]!;
        if (later > 0) for (let s = t + 1; s < u.length; s++) loans[i]![bucketOf(s - t)]! += (balance * u.principal[s]!) / later;
        else loans[i]![4]! += balance;
      }
      const held = c.amount * u.equityHeld[t]!;
      if (held > 0) {
        let exit = -1;
        for (let s = t + 1; s < u.length && exit < 0; s++) if (u.exitProceeds[s]! > 0) exit = s;
        equity[i]![exit < 0 ? 4 : bucketOf(exit - t)]! += held;
      }
    }
  }
  const remaining = trancheRemaining(borrowing);
  for (let i = 0; i < n; i++) {
    for (let s = Math.max(0, i - remaining.length); s <= i; s++) {
      const r = raised[s]!;
      if (!(r > 0)) continue;
      for (let k = 1; i + k - s < remaining.length; k++) bonds[i]![bucketOf(k)]! += r * trancheRepaid(remaining, i + k - s);
    }
  }
  return { loans, equity, bonds };
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

/** `profile` scaled to `total` (all in the last bucket when the profile is empty). */
function scaled(profile: Float64Array, total: number): number[] {
  const p = sum(profile);
  if (total === 0) return [0, 0, 0, 0, 0];
  if (!(p > 0)) return [0, 0, 0, 0, total];
  return Array.from(profile, (x) => (x * total) / p);
}

export function maturityGap(commitments: readonly Commitment[], years: Calendar, bank: readonly BankYear[], borrowing: Scenario['funding']['borrowing']): MaturityGapYear[] {
  const profile = maturityProfile(commitments, years, bank.map((b) => b.borrowingRaised), borrowing);
  return bank.map((b, i) => {
    const cash = [b.cash, 0, 0, 0, 0];
    const loans = scaled(profile.loans[i]!, b.loansOutstanding);
    const equityInvestments = scaled(profile.equity[i]!, b.equityInvestments);
    const exposure = loans.map((x, k) => x + equityInvestments[k]!);
    const allowance = scaled(Float64Array.from(exposure), b.loanLossAllowance);
    const assets = cash.map((x, k) => x + loans[k]! + allowance[k]! + equityInvestments[k]!);
    return { year: b.year, cash, loans, allowance, equityInvestments, assets, liabilities: scaled(profile.bonds[i]!, b.borrowings) };
  });
}
