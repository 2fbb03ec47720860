/**
 * A member's public debt without BCID-AES, year by year from its last data year
 * in members.csv: the standard debt dynamics, in FCFA levels.
 *
 * For a projected year t (k = t − last data year ≥ 1):
 *
 *   GDP_t = GDP_{t−1} (1 + g − cut_k),  revenue likewise,  exports at g − exportsCut_k
 *   E'    = E_{t−1} (1 + dep_k),  D' = D_{t−1} + E_{t−1} dep_k        (valuation, external only)
 *   interest_t = iE E' + iD (D' − E')
 *   deficit_t  = interest_t − pb × GDP*_t + (R*_t − R_t)                (overall deficit)
 *   D_t = D' + deficit_t,   E_t = E' + s × deficit_t                  (s: external financing share)
 *   external debt service_t = (iE + a) E'                             (a: amortisation rate)
 *   PV(E_t) = E_t (iE + a) / (r + a),  r = 5 %
 *
 * GDP* and R* are the unshocked GDP and revenue: under a growth shock primary
 * spending stays on its baseline path, so the revenue lost widens the deficit
 * (as in the LIC-DSF growth test); without shocks GDP* = GDP and R* = R.
 *
 * The PV is the closed form of a stock repaid at a constant rate a a year and
 * bearing iE: Σ_k (iE + a)(1 − a)^{k−1} / (1 + r)^k = (iE + a)/(r + a); new
 * external borrowing is assumed on the same terms as the existing stock.
 * Domestic debt counts at face value in the PV of public debt (LIC-DSF
 * convention). Data years keep their members.csv figures; their external
 * service is (iE + a) × the previous data year's stock. An analyst's row
 * (`data.memberDebtPaths`) replaces the year's figures, and the projection
 * continues from it. Shocks apply to projected years only.
 */
import type { DebtCapacity, MemberCode } from '../../schema/codes.js';
import type { MemberDebtPathRow } from '../../schema/member-debt.js';
import type { MemberYear } from '../../schema/records.js';
import { MEMBER_DEPRECIATION_YEAR, shockCut, type MemberMacroShock } from '../../shocks/member-macro.js';
import { GE_DISCOUNT_RATE } from '../../finance/index.js';
import type { DebtDynamics } from './debt-defaults.js';

/** LIC-DSF PVs use the IMF/World Bank unified discount rate, as the grant element does. */
export const DSF_DISCOUNT_RATE = GE_DISCOUNT_RATE;

export interface DebtYear {
  readonly year: number;
  readonly gdp: number;
  readonly revenue: number;
  readonly exports: number;
  readonly publicDebt: number;
  readonly externalDebt: number;
  readonly externalDebtService: number;
  readonly pvExternalDebt: number;
}

export interface DebtPath {
  readonly member: MemberCode;
  readonly lastDataYear: number;
  readonly debtCapacity: DebtCapacity;
  /** One entry per year from `from` to `to`. */
  readonly years: readonly DebtYear[];
}

/** PV at 5 % of the future service of an external stock of 1 (closed form above). */
export function pvFactor(d: DebtDynamics, rate = DSF_DISCOUNT_RATE): number {
  return (d.externalInterestRate + d.externalAmortisation) / (rate + d.externalAmortisation);
}

export interface DebtPathInput {
  readonly member: MemberCode;
  readonly data: readonly MemberYear[];
  readonly dynamics: DebtDynamics;
  /** Nominal growth of GDP, revenue and exports after the last data year (`members.nominalGrowth`). */
  readonly growth: number;
  readonly shock: MemberMacroShock;
  readonly analyst: readonly MemberDebtPathRow[];
  /** First and last year wanted; the path starts no later than the last data year. */
  readonly from: number;
  readonly to: number;
}

/** Null when members.csv has no row for the member. */
export function debtPath(input: DebtPathInput): DebtPath | null {
  const own = input.data.filter((r) => r.code === input.member).sort((a, b) => a.year - b.year);
  if (own.length === 0) return null;
  const latest = own[own.length - 1]!;
  const d = input.dynamics;
  const factor = pvFactor(d);
  const service = d.externalInterestRate + d.externalAmortisation;
  const share = d.externalFinancingShare ?? (latest.publicDebt > 0 ? latest.externalDebt / latest.publicDebt : 0);
  const analyst = new Map(input.analyst.filter((r) => r.code === input.member).map((r) => [r.year, r]));
  const first = Math.min(input.from, latest.year);
  const years: DebtYear[] = [];
  let prev: DebtYear | null = null;
  // GDP / unshocked GDP: below 1 once a growth shock has hit (revenue moves with GDP).
  let level = 1;
  for (let year = first; year <= input.to; year++) {
    const a = analyst.get(year);
    let row: DebtYear;
    if (a) {
      row = {
        year,
        gdp: a.gdp,
        revenue: a.revenue,
        exports: a.exports,
        publicDebt: a.publicDebt,
        externalDebt: a.externalDebt,
        externalDebtService: a.externalDebtService,
        pvExternalDebt: a.pvExternalDebt ?? a.externalDebt * factor,
      };
      level = 1;
    } else if (year <= latest.year || prev === null) {
      const data = own.find((r) => r.year === year) ?? [...own].reverse().find((r) => r.year < year) ?? own[0]!;
      const before = own.find((r) => r.year === year - 1) ?? data;
      row = {
        year,
        gdp: data.gdp,
        revenue: data.revenue,
        exports: data.exports,
        publicDebt: data.publicDebt,
        externalDebt: data.externalDebt,
        externalDebtService: service * before.externalDebt,
        pvExternalDebt: data.externalDebt * factor,
      };
    } else {
      const k = year - latest.year;
      const g = input.growth - shockCut(input.shock.growthCut, k);
      const gx = input.growth - shockCut(input.shock.exportsCut, k);
      const dep = k === MEMBER_DEPRECIATION_YEAR ? input.shock.depreciation : 0;
      level *= (1 + g) / (1 + input.growth);
      const gdp = prev.gdp * (1 + g);
      const revenue = prev.revenue * (1 + g);
      const external0 = prev.externalDebt * (1 + dep);
      const public0 = prev.publicDebt + prev.externalDebt * dep;
      const interest = d.externalInterestRate * external0 + d.domesticInterestRate * (public0 - external0);
      const revenueLost = revenue / level - revenue;
      const deficit = interest - d.primaryBalance * (gdp / level) + revenueLost;
      const externalDebt = external0 + share * deficit;
      row = {
        year,
        gdp,
        revenue,
        exports: prev.exports * (1 + gx),
        publicDebt: public0 + deficit,
        externalDebt,
        externalDebtService: service * external0,
        pvExternalDebt: externalDebt * factor,
      };
    }
    years.push(row);
    prev = row;
  }
  return { member: input.member, lastDataYear: latest.year, debtCapacity: latest.debtCapacity, years };
}
