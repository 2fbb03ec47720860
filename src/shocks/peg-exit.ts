/**
 * Exit from the CFA peg (1 EUR = 655.957 FCFA, docs/domain-facts.md §2): at the start of
 * the year the FCFA loses `pct` % of its EUR value, so one euro costs
 * 1 / (1 − pct/100) times as many francs (30 %: 655.957 → 937.08). The
 * foreign-currency share of the bank's bonds (funding.borrowing.foreignCurrencyShare)
 * is revalued; the bank's loans are in FCFA, so the loss is not passed on.
 * The LIC-DSF standard test is a one-off 30 % depreciation in the second
 * projected year, the default year here. The earliest exit counts.
 */
import { copyShocks, type ShockSet } from './shock-set.js';

/** FCFA per EUR after an exit that costs the FCFA `devaluation` (0–1) of its value. */
export function pegAfterExit(devaluation: number, peg = 655.957): number {
  return peg / (1 - devaluation);
}

export function applyPegExit(s: ShockSet, pct: number, yearIndex: number): ShockSet {
  const out = copyShocks(s);
  if (out.pegExit === null || yearIndex < out.pegExit.yearIndex) out.pegExit = { yearIndex, devaluation: pct / 100 };
  return out;
}
