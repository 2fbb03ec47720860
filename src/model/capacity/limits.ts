/**
 * Does a portfolio keep every bank limit in every year? The envelope's test:
 * the allocation's own bank limits (liquidity, gearing, equity/loans, country
 * exposure: allocation/limits.ts) and the risk-adjusted capital floor
 * (capital/floor.ts). Single-project and fair-return limits belong to named
 * projects and the allocation, not to generic lending.
 */
import { bankLimitViolations } from '../allocation/limits.js';
import { bankPolicy, projectBank, type BankProjection } from '../bank/project.js';
import { riskCapitalFloorGaps } from '../capital/floor.js';
import { capitalSettings } from '../capital/settings.js';
import type { RunContext } from '../context.js';
import type { PortfolioFlows } from '../portfolio.js';
import type { CapacityLimit } from '../results.js';

export interface Breach {
  readonly limit: CapacityLimit;
  readonly year: number;
}

export function projectOn(ctx: RunContext, portfolio: PortfolioFlows): BankProjection {
  const f = ctx.funding;
  return projectBank({ years: ctx.years, openingPaidIn: f.openingPaidIn, openingLevy: f.openingLevy, paidIn: f.paidIn, levy: f.levy, portfolio }, bankPolicy(ctx.scenario));
}

/** The worst broken limit (largest gap), or null when every limit holds every year. */
export function worstBreach(ctx: RunContext, portfolio: PortfolioFlows, projection: BankProjection): Breach | null {
  let worst: { breach: Breach; amount: number } | null = null;
  const consider = (limit: CapacityLimit, year: number, amount: number) => {
    if (worst === null || amount > worst.amount) worst = { breach: { limit, year }, amount };
  };
  for (const v of bankLimitViolations(ctx, projection, portfolio)) {
    if (v.limit === 'capacity') consider(v.aspect === 'gearing' ? 'gearing' : 'liquidity', v.year ?? ctx.years.start, v.amount);
    else if (v.limit === 'equity-to-loans' || v.limit === 'country-exposure') consider(v.limit, v.year ?? ctx.years.start, v.amount);
  }
  const floor = capitalSettings(ctx.scenario).minRiskAdjustedCapital;
  const gap = riskCapitalFloorGaps(projection, floor)[0];
  if (gap !== undefined) consider('risk-adjusted-capital', ctx.years.start + gap.yearIndex, gap.amount);
  return worst === null ? null : (worst as { breach: Breach }).breach;
}
