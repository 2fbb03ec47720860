/**
 * Each member's burden, year by year: what it owes the bank on its sovereign
 * loans, against its revenue and exports and the LIC-DSF thresholds for its
 * debt-carrying capacity (docs/domain-facts.md §4, 2018 framework):
 *
 *   capacity   debt service / revenue   debt service / exports
 *   weak            14 %                    10 %
 *   medium          18 %                    15 %
 *   strong          23 %                    21 %
 *
 * The thresholds apply to a country's TOTAL external public debt service; we
 * set only the BCID-AES part against them, so a ratio well under the
 * threshold does not mean the country is safe — it shows how much of the
 * room the bank's loans take.
 *
 * - Only sovereign loans are the member's debt; non-sovereign loans to
 *   projects located in the member are shown apart (`nonSovereignDebtService`).
 *   Cross-border loans are split by country share.
 * - Macro figures: members.csv for the years it covers; after its last year,
 *   grown at `members.nominalGrowth` a year. The debt-carrying capacity is that
 *   of the latest data year.
 * - Grant element: of the member's sovereign loans signed up to the year,
 *   weighted by the member's share of each amount (finance engine, 5 %).
 */
import { grantElement } from '../finance/index.js';
import { MEMBER_CODES, type DebtCapacity, type MemberCode } from '../schema/codes.js';
import type { MemberYear } from '../schema/records.js';
import type { Scenario } from '../schema/scenario.js';
import type { Calendar } from './context.js';
import type { Commitment } from './portfolio.js';
import type { MemberYearResult } from './results.js';

export const LIC_DSF_THRESHOLDS: Readonly<Record<DebtCapacity, { readonly revenue: number; readonly exports: number }>> = {
  weak: { revenue: 0.14, exports: 0.1 },
  medium: { revenue: 0.18, exports: 0.15 },
  strong: { revenue: 0.23, exports: 0.21 },
};

export interface MacroYear {
  readonly gdp: number;
  readonly revenue: number;
  readonly exports: number;
  readonly debtCapacity: DebtCapacity;
}

/** Member macro figures for `year`: data if present, else grown from the nearest earlier data year. */
export function macroFor(rows: readonly MemberYear[], member: MemberCode, year: number, growth: number): MacroYear | null {
  const own = rows.filter((r) => r.code === member).sort((a, b) => a.year - b.year);
  if (own.length === 0) return null;
  const latest = own[own.length - 1]!;
  const exact = own.find((r) => r.year === year);
  if (exact) return { gdp: exact.gdp, revenue: exact.revenue, exports: exact.exports, debtCapacity: latest.debtCapacity };
  const before = [...own].reverse().find((r) => r.year < year) ?? own[0]!;
  const f = (1 + growth) ** (year - before.year);
  return { gdp: before.gdp * f, revenue: before.revenue * f, exports: before.exports * f, debtCapacity: latest.debtCapacity };
}

export function memberRows(
  commitments: readonly Commitment[],
  macro: readonly MemberYear[],
  scenario: Scenario,
  years: Calendar,
): MemberYearResult[] {
  const grantElements = new Map<Commitment, number>();
  for (const c of commitments) {
    if (c.financing.loan && c.project.instrument === 'sovereign' && c.amount > 0) {
      grantElements.set(c, grantElement({ ...c.financing.loan.unit, amount: c.amount }).grantElement);
    }
  }
  const rows: MemberYearResult[] = [];
  for (const m of MEMBER_CODES) {
    for (let i = 0; i < years.count; i++) {
      const year = years.start + i;
      let disbursed = 0;
      let debtService = 0;
      let outstanding = 0;
      let privateService = 0;
      let geWeighted = 0;
      let geWeight = 0;
      for (const c of commitments) {
        const share = c.project.countries.find((s) => s.member === m)?.share ?? 0;
        if (share === 0 || c.financing.loan === null) continue;
        const u = c.financing.flows;
        const t = year - c.year;
        const service = t >= 0 && t < u.length ? c.amount * (u.interest[t]! - u.capitalised[t]! + u.fees[t]! + u.principal[t]!) : 0;
        if (c.project.instrument === 'sovereign') {
          if (t >= 0 && t < u.length) {
            disbursed += share * c.amount * u.disbursed[t]!;
            outstanding += share * c.amount * u.loanBalance[t]!;
          }
          debtService += share * service;
          const ge = grantElements.get(c);
          if (ge !== undefined && c.year <= year) {
            geWeighted += share * c.amount * ge;
            geWeight += share * c.amount;
          }
        } else {
          privateService += share * service;
        }
      }
      const mac = macroFor(macro, m, year, scenario.members.nominalGrowth[m]);
      const capacity: DebtCapacity = mac?.debtCapacity ?? 'medium';
      const th = LIC_DSF_THRESHOLDS[capacity];
      const revenue = mac?.revenue ?? 0;
      const exports = mac?.exports ?? 0;
      const toRevenue = revenue > 0 ? debtService / revenue : 0;
      const toExports = exports > 0 ? debtService / exports : 0;
      rows.push({
        member: m,
        year,
        debtCapacity: capacity,
        disbursed,
        debtService,
        nonSovereignDebtService: privateService,
        outstanding,
        revenue,
        exports,
        gdp: mac?.gdp ?? 0,
        debtServiceToRevenue: toRevenue,
        debtServiceToExports: toExports,
        thresholdRevenue: th.revenue,
        thresholdExports: th.exports,
        breachesRevenue: toRevenue > th.revenue,
        breachesExports: toExports > th.exports,
        grantElement: geWeight > 0 ? geWeighted / geWeight : null,
      });
    }
  }
  return rows;
}
