/**
 * Portfolio reflows in long format: one row per year × (total | member |
 * sector). Member rows split cross-border projects by country share.
 * Member and sector rows sum the same unit flows the projection uses. The
 * total row, by `totals`:
 * - 'finance-kernel' (the plain run): the loan totals come from the finance
 *   engine's portfolio kernel (`portfolioReflows`), equity flows are added;
 *   `checks.ts` verifies that the kernel and the projection's arrays agree;
 * - 'unit-flows' (stressed runs): summed from the unit flows too. The kernel
 *   rightly refuses a sculpted loan above the debt its cash flow carries;
 *   under overruns and delays a project can end up there (its cover falls
 *   below target), and its flows are then the sculpted schedule scaled up, as
 *   the projection uses them.
 * Contractual flows: arrears and write-offs are in the bank rows, not here.
 */
import { portfolioReflows, type PortfolioLoan } from '../../finance/index.js';
import { MEMBER_CODES } from '../../schema/codes.js';
import type { Calendar } from '../context.js';
import type { Commitment } from '../portfolio.js';
import type { ReflowRow } from '../results.js';

/** One row's sums, before rounding into a ReflowRow. */
type Sums = { disbursed: number; interest: number; fees: number; principal: number; outstanding: number; capitalised: number; dividends: number; exitProceeds: number };

const zero = (): Sums => ({ disbursed: 0, interest: 0, fees: 0, principal: 0, outstanding: 0, capitalised: 0, dividends: 0, exitProceeds: 0 });

/** Adds scale × the commitment's unit flows of loan year t. */
function addScaled(into: Sums, c: Commitment, t: number, scale: number): void {
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

export type ReflowTotals = 'finance-kernel' | 'unit-flows';

export function reflowRows(commitments: readonly Commitment[], years: Calendar, totals: ReflowTotals = 'finance-kernel'): ReflowRow[] {
  const kernel = totals === 'finance-kernel' ? portfolioReflows(portfolioLoans(commitments), { firstYear: years.start, lastYear: years.end }) : null;
  const sectors = [...new Set(commitments.map((c) => c.project.sector))].sort();
  const rows: ReflowRow[] = [];
  for (let i = 0; i < years.count; i++) {
    const year = years.start + i;
    const total = zero();
    const k = kernel?.[i];
    if (k !== undefined) {
      total.disbursed = k.disbursed;
      total.interest = k.interest;
      total.fees = k.fees;
      total.principal = k.principal;
      total.outstanding = k.outstanding;
      total.capitalised = k.capitalized;
    }
    const byMember = new Map(MEMBER_CODES.map((m) => [m as string, zero()]));
    const bySector = new Map(sectors.map((s) => [s as string, zero()]));
    for (const c of commitments) {
      const t = year - c.year;
      if (k === undefined) addScaled(total, c, t, 1);
      else addEquity(total, c, t);
      for (const s of c.project.countries) addScaled(byMember.get(s.member)!, c, t, s.share);
      addScaled(bySector.get(c.project.sector)!, c, t, 1);
    }
    rows.push({ year, dimension: 'total', key: 'ALL', ...total });
    for (const [key, sums] of byMember) rows.push({ year, dimension: 'member', key, ...sums });
    for (const [key, sums] of bySector) rows.push({ year, dimension: 'sector', key, ...sums });
  }
  return rows;
}

/** An equity investment's flows of year t, added to the kernel's loan totals. */
function addEquity(into: Sums, c: Commitment, t: number): void {
  const u = c.financing.flows;
  if (c.financing.loan !== null || t < 0 || t >= u.length) return;
  const a = c.amount;
  into.disbursed += a * u.invested[t]!;
  into.outstanding += a * u.equityHeld[t]!;
  into.dividends += a * u.dividends[t]!;
  into.exitProceeds += a * u.exitProceeds[t]!;
}
