/**
 * The lending terms of one project's loan, from the scenario (`lending`) and
 * the project's figures.
 *
 * - Lending rate = the bank's cost of funds (`funding.borrowing.rate`) + the
 *   instrument's spread.
 * - Disbursement follows the construction profile: equal shares at the start
 *   of construction years 1 … c (finance engine rows t = 0 … c−1; row 0 is the
 *   commitment year).
 * - The engine needs every draw made by the end of grace. When construction
 *   outlasts grace + 1 years the grace is extended to c − 1 (and the maturity
 *   to at least grace + 1): no one repays a loan still being drawn. A sculpted
 *   loan's grace covers the whole construction (≥ c): its first repayment
 *   year must have operating cash flow.
 * - Sculpted loans: the project's CFADS starts in the first operating year,
 *   loan year c + 1 (cfads[c]), as cfadsYear1 × (1 + cfadsGrowth)^k, and is
 *   scaled to the bank's share of the project financing,
 *   bcidRequested / (bcidRequested + coFinancing): the other lenders are
 *   served pari passu from the same cash flow. Without CFADS a sculpted loan
 *   falls back to an annuity (noted in `fallback`).
 */
import { endOfGraceBalance, sculptedDebtCapacity, type LoanTerms } from '../../finance/index.js';
import type { Project } from '../../schema/records.js';
import type { LoanTermsSetting, Scenario } from '../../schema/scenario.js';

export interface ProjectLoanTerms {
  /** Terms for an amount of 1 (million FCFA); scale `amount` for the real loan. */
  readonly unit: LoanTerms;
  /** Largest amount the CFADS carries at the target DSCR (sculpted only); Infinity otherwise. */
  readonly debtCapacity: number;
  readonly graceExtended: boolean;
  /** Set when the scenario's method could not be applied as such. */
  readonly fallback: string | null;
}

export function lendingRate(scenario: Scenario, setting: LoanTermsSetting): number {
  return scenario.funding.borrowing.rate + setting.spread;
}

/** The share of the project financing the bank provides, used to scale CFADS. */
export function bankShareOfFinancing(p: Project): number {
  const total = p.bcidRequested + p.coFinancing;
  return total > 0 ? p.bcidRequested / total : 1;
}

/** CFADS by loan year 1 … N (index 0 = loan year 1), already scaled to the bank's share. */
export function projectCfads(p: Project, years: number): number[] | null {
  if (p.cfadsYear1 === null) return null;
  const growth = p.cfadsGrowth ?? 0;
  const share = bankShareOfFinancing(p);
  const c = p.constructionYears;
  return Array.from({ length: years }, (_, i) => (i < c ? 0 : p.cfadsYear1! * (1 + growth) ** (i - c) * share));
}

export function loanTermsFor(p: Project, scenario: Scenario): ProjectLoanTerms {
  if (p.instrument === 'equity') throw new RangeError(`project ${p.id} is an equity investment, not a loan`);
  const setting = scenario.lending[p.instrument];
  const c = Math.max(1, p.constructionYears);
  // A sculpted loan is repaid from operating cash flow, which starts in loan year c + 1:
  // its grace must cover construction, or the first repayment year has no CFADS.
  const grace = Math.max(setting.grace, setting.method === 'sculpted' ? c : c - 1);
  const years = Math.max(setting.years, grace + 1);
  const rate = lendingRate(scenario, setting);
  let method = setting.method;
  let fallback: string | null = null;
  let cfads: number[] | undefined;
  if (method === 'sculpted') {
    const flows = projectCfads(p, years);
    if (flows === null || setting.targetDscr === undefined) {
      method = 'annuity';
      fallback = flows === null ? 'no CFADS in projects.csv: annuity instead of sculpting' : 'no targetDscr in the scenario: annuity instead of sculpting';
    } else cfads = flows;
  }
  const unit: LoanTerms = {
    amount: 1,
    rate,
    years,
    grace,
    method,
    disbursement: Array.from({ length: c }, () => 1 / c),
    ...(setting.capitalize !== undefined ? { capitalize: setting.capitalize } : {}),
    ...(method === 'custom' && setting.profile ? { profile: setting.profile } : {}),
    ...(cfads ? { cfads, targetDscr: setting.targetDscr } : {}),
    frontEndFee: setting.frontEndFee,
    commitmentFee: setting.commitmentFee,
  };
  let debtCapacity = Infinity;
  if (cfads && setting.targetDscr !== undefined) {
    const balanceCapacity = sculptedDebtCapacity(cfads, rate, setting.targetDscr, grace);
    // With capitalised grace interest 1 lent grows to endOfGraceBalance(1) by the end of grace.
    debtCapacity = balanceCapacity / endOfGraceBalance(unit);
  }
  return { unit, debtCapacity, graceExtended: grace !== setting.grace, fallback };
}
