/**
 * Each member's year: its debt path without BCID-AES (debt-path.ts), the
 * bank's loans on top (bcid-flows.ts), and the six indicators with, without
 * and their increment, against the thresholds of its debt-carrying capacity
 * (thresholds.ts). Rows run from the member's last data year (or the horizon
 * start, if earlier) to the horizon end.
 *
 * BCID-AES loans (`members.bcidDebtIs`):
 * - domestic (default): WAEMU classifies public debt by currency (FCFA debt is
 *   domestic; see docs/member-debt.md), so the loans add to public debt at face
 *   value, in the PV of public debt at face value too (LIC-DSF convention for
 *   domestic debt), and to no external indicator;
 * - external: they add to external debt at their PV, to the PV of public debt
 *   at their PV, and their service to external debt service.
 * Either way the increment of publicDebtToGdp is outstanding / GDP.
 *
 * The bank-only fields of earlier versions (debtServiceToRevenue, …) stay: the
 * bank's service set against the LIC-DSF service thresholds.
 */
import { grantElement } from '../../finance/index.js';
import { MEMBER_CODES, type MemberCode } from '../../schema/codes.js';
import type { BcidDebtClass, MemberDebtPathRow } from '../../schema/member-debt.js';
import type { MemberYear } from '../../schema/records.js';
import type { Scenario } from '../../schema/scenario.js';
import { parseStress, type Stress } from '../../schema/stress-names.js';
import { memberMacroShock } from '../../shocks/member-macro.js';
import type { Calendar } from '../context.js';
import type { Commitment } from '../portfolio.js';
import type { MemberYearResult } from '../results.js';
import { bcidFlows } from './bcid-flows.js';
import { debtDynamicsFor } from './debt-defaults.js';
import { debtPath, type DebtYear } from './debt-path.js';
import { bindingIndicator, breaches, DEBT_INDICATORS, DEBT_THRESHOLDS, LIC_DSF_THRESHOLDS, type DebtIndicator, type IndicatorValues } from './thresholds.js';

export interface MemberRowOptions {
  /** The analyst's paths (`data.memberDebtPaths`); none: projected. */
  readonly paths?: readonly MemberDebtPathRow[];
  /** Stress names; only the member-* stresses act here. None in the plain run. */
  readonly stresses?: readonly string[];
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

function indicators(y: Pick<DebtYear, 'gdp' | 'revenue' | 'exports'>, publicDebt: number, pvPublicDebt: number, pvExternal: number, externalService: number): IndicatorValues {
  return {
    publicDebtToGdp: ratio(publicDebt, y.gdp),
    pvPublicDebtToGdp: ratio(pvPublicDebt, y.gdp),
    pvExternalDebtToGdp: ratio(pvExternal, y.gdp),
    pvExternalDebtToExports: ratio(pvExternal, y.exports),
    externalDebtServiceToExports: ratio(externalService, y.exports),
    externalDebtServiceToRevenue: ratio(externalService, y.revenue),
  };
}

function suffixed(v: IndicatorValues): { [K in DebtIndicator as `${K}WithoutBcid`]: number } {
  return {
    publicDebtToGdpWithoutBcid: v.publicDebtToGdp,
    pvPublicDebtToGdpWithoutBcid: v.pvPublicDebtToGdp,
    pvExternalDebtToGdpWithoutBcid: v.pvExternalDebtToGdp,
    pvExternalDebtToExportsWithoutBcid: v.pvExternalDebtToExports,
    externalDebtServiceToExportsWithoutBcid: v.externalDebtServiceToExports,
    externalDebtServiceToRevenueWithoutBcid: v.externalDebtServiceToRevenue,
  };
}

/** Grant element of each sovereign loan (finance engine, 5 %). */
function loanGrantElements(commitments: readonly Commitment[]): Map<Commitment, number> {
  const out = new Map<Commitment, number>();
  for (const c of commitments) {
    if (c.financing.loan && c.project.instrument === 'sovereign' && c.amount > 0) {
      out.set(c, grantElement({ ...c.financing.loan.unit, amount: c.amount }).grantElement);
    }
  }
  return out;
}

function memberGrantElement(commitments: readonly Commitment[], ges: Map<Commitment, number>, member: MemberCode, year: number): number | null {
  let weighted = 0;
  let weight = 0;
  for (const c of commitments) {
    const ge = ges.get(c);
    const share = c.project.countries.find((s) => s.member === member)?.share ?? 0;
    if (ge === undefined || share === 0 || c.year > year) continue;
    weighted += share * c.amount * ge;
    weight += share * c.amount;
  }
  return weight > 0 ? weighted / weight : null;
}

export function memberRows(
  commitments: readonly Commitment[],
  macro: readonly MemberYear[],
  scenario: Scenario,
  years: Calendar,
  options: MemberRowOptions = {},
): MemberYearResult[] {
  const bcidDebtIs: BcidDebtClass = scenario.members.bcidDebtIs ?? 'domestic';
  const stresses = (options.stresses ?? []).map(parseStress).filter((s): s is Stress => s !== null);
  const shock = memberMacroShock(stresses);
  const ges = loanGrantElements(commitments);
  const end = years.start + years.count - 1;
  const rows: MemberYearResult[] = [];
  for (const m of MEMBER_CODES) {
    const path = debtPath({
      member: m,
      data: macro,
      dynamics: debtDynamicsFor(m, scenario.members.debt),
      growth: scenario.members.nominalGrowth[m],
      shock,
      analyst: options.paths ?? [],
      from: years.start,
      to: end,
    });
    if (path === null) continue;
    const first = path.years[0]!.year;
    const flows = bcidFlows(commitments, m, first, path.years.length);
    const thresholds = DEBT_THRESHOLDS[path.debtCapacity];
    const bankThresholds = LIC_DSF_THRESHOLDS[path.debtCapacity];
    path.years.forEach((y, i) => {
      const outstanding = flows.outstanding[i]!;
      const pv = flows.pv[i]!;
      const service = flows.debtService[i]!;
      const external = bcidDebtIs === 'external';
      const domestic = y.publicDebt - y.externalDebt;
      const publicDebt = y.publicDebt + outstanding;
      const externalDebt = y.externalDebt + (external ? outstanding : 0);
      const pvExternal = y.pvExternalDebt + (external ? pv : 0);
      const externalService = y.externalDebtService + (external ? service : 0);
      const pvPublic = pvExternal + domestic + (external ? 0 : outstanding);
      const without = indicators(y, y.publicDebt, y.pvExternalDebt + domestic, y.pvExternalDebt, y.externalDebtService);
      const withBcid = indicators(y, publicDebt, pvPublic, pvExternal, externalService);
      const increments = {} as Record<DebtIndicator, number>;
      for (const k of DEBT_INDICATORS) increments[k] = withBcid[k] - without[k];
      const binding = bindingIndicator(withBcid, thresholds);
      const toRevenue = ratio(service, y.revenue);
      const toExports = ratio(service, y.exports);
      rows.push({
        member: m,
        year: y.year,
        debtCapacity: path.debtCapacity,
        disbursed: flows.disbursed[i]!,
        debtService: service,
        nonSovereignDebtService: flows.nonSovereignDebtService[i]!,
        outstanding,
        revenue: y.revenue,
        exports: y.exports,
        gdp: y.gdp,
        debtServiceToRevenue: toRevenue,
        debtServiceToExports: toExports,
        thresholdRevenue: bankThresholds.revenue,
        thresholdExports: bankThresholds.exports,
        breachesRevenue: toRevenue > bankThresholds.revenue,
        breachesExports: toExports > bankThresholds.exports,
        grantElement: memberGrantElement(commitments, ges, m, y.year),
        bcidDebtIs,
        bcidPresentValue: pv,
        publicDebt,
        externalDebt,
        externalDebtService: externalService,
        pvExternalDebt: pvExternal,
        publicDebtWithoutBcid: y.publicDebt,
        externalDebtWithoutBcid: y.externalDebt,
        externalDebtServiceWithoutBcid: y.externalDebtService,
        pvExternalDebtWithoutBcid: y.pvExternalDebt,
        ...withBcid,
        ...suffixed(without),
        increments,
        thresholds,
        breaches: breaches(withBcid, thresholds),
        breachesWithoutBcid: breaches(without, thresholds),
        bindingIndicator: binding.indicator,
        bindingRatio: binding.ratio,
      });
    });
  }
  return rows;
}
