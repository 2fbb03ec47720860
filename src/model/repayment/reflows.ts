/**
 * Portfolio reflows in long format: one row per year × (total | member |
 * sector). Member rows split cross-border projects by country share.
 * The loan totals come from the finance engine's portfolio kernel
 * (`portfolioReflows`), equity flows are added; member and sector rows sum
 * the same unit flows the projection uses. `checks.ts` verifies that the
 * kernel and the projection's arrays agree.
 */
import { portfolioReflows, type PortfolioLoan } from '../../finance/index.js';
import { MEMBER_CODES } from '../../schema/codes.js';
import type { Calendar } from '../context.js';
import type { Commitment } from '../portfolio.js';
import type { ReflowRow } from '../results.js';

/** One row's sums, before rounding into a ReflowRow. */
export type Sums = { disbursed: number; interest: number; fees: number; principal: number; outstanding: number; capitalised: number; dividends: number; exitProceeds: number };

export const zero = (): Sums => ({ disbursed: 0, interest: 0, fees: 0, principal: 0, outstanding: 0, capitalised: 0, dividends: 0, exitProceeds: 0 });

/** Adds scale × the commitment's unit flows of loan year t. */
export function addScaled(into: Sums, c: Commitment, t: number, scale: number): void {
  const u = c.financing.flows;
  if (t < 0 || t >= u.length) return;
  const a = c.amount * scale;
  into.disbursed += a * (u.disbursed[t]! + u.invested[t]!);
  into.interest += a * u.interest[t]!;
  into.fees += a * u.fees[t]!;
  into.principal += a * u.principal[t]!;
  into.outstanding += a * (u.loanBalance[t]! + u.equityHeld[t]!);
  into.capitalised += a * u.capitalised[t]!;
  into.dividends += a * u.dividends[t]!;
  into.exitProceeds += a * u.exitProceeds[t]!;
}

/** The finance-engine view of the funded loans (equity investments are not loans). */
export function portfolioLoans(commitments: readonly Commitment[]): PortfolioLoan[] {
  return commitments
    .filter((c) => c.financing.loan !== null && c.amount > 0)
    .map((c) => ({ ...c.financing.loan!.unit, amount: c.amount, startYear: c.year }));
}

export function reflowRows(commitments: readonly Commitment[], years: Calendar): ReflowRow[] {
  const kernel = portfolioReflows(portfolioLoans(commitments), { firstYear: years.start, lastYear: years.end });
  const sectors = [...new Set(commitments.map((c) => c.project.sector))].sort();
  const rows: ReflowRow[] = [];
  for (let i = 0; i < years.count; i++) {
    const year = years.start + i;
    const total = zero();
    const k = kernel[i]!;
    total.disbursed = k.disbursed;
    total.interest = k.interest;
    total.fees = k.fees;
    total.principal = k.principal;
    total.outstanding = k.outstanding;
    total.capitalised = k.capitalized;
    const byMember = new Map(MEMBER_CODES.map((m) => [m as string, zero()]));
    const bySector = new Map(sectors.map((s) => [s as string, zero()]));
    for (const c of commitments) {
      const t = year - c.year;
      const u = c.financing.flows;
      if (c.financing.loan === null && t >= 0 && t < u.length) {
        const a = c.amount;
        total.disbursed += a * u.invested[t]!;
        total.outstanding += a * u.equityHeld[t]!;
        total.dividends += a * u.dividends[t]!;
        total.exitProceeds += a * u.exitProceeds[t]!;
      }
      for (const s of c.project.countries) addScaled(byMember.get(s.member)!, c, t, s.share);
      addScaled(bySector.get(c.project.sector)!, c, t, 1);
    }
    rows.push({ year, dimension: 'total', key: 'ALL', ...total });
    for (const [key, sums] of byMember) rows.push({ year, dimension: 'member', key, ...sums });
    for (const [key, sums] of bySector) rows.push({ year, dimension: 'sector', key, ...sums });
  }
  return rows;
}
