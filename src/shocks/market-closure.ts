/**
 * Market closure: the bank cannot issue bonds at the end of years `fromIndex` …
 * `fromIndex + years − 1` (a sovereign crisis, sanctions, or a regional market
 * that will not take the name; S&P's MDB liquidity ratios assume no market access
 * over 6 and 12 months, domain-facts §3). Commitments keep being disbursed and
 * bonds falling due are repaid from cash, so the liquidity buffer runs down, and
 * cash may go below zero, which the reports show as such. Issuance resumes after
 * the closure; closures from several stresses add up (union of the years).
 */
import { copyShocks, type ShockSet } from './shock-set.js';

export function applyMarketClosure(s: ShockSet, fromIndex: number, years: number): ShockSet {
  const out = copyShocks(s);
  const end = Math.min(out.issuanceClosed.length, fromIndex + years);
  for (let i = Math.max(0, fromIndex); i < end; i++) out.issuanceClosed[i] = 1;
  return out;
}
