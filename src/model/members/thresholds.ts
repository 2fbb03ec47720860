/**
 * The debt indicators of a member and their thresholds.
 *
 * LIC-DSF 2018 framework (IMF/World Bank; docs/domain-facts.md §4, H), by debt-carrying
 * capacity, in % (PVs at the unified 5 % discount rate):
 *
 *   capacity  PV ext./GDP  PV ext./exports  ext. service/exports  ext. service/revenue  PV public/GDP (benchmark)
 *   weak          30            140                10                    14                      35
 *   medium        40            180                15                    18                      55
 *   strong        55            240                21                    23                      70
 *
 * plus the WAEMU convergence criterion (2015 pact, first rank): public debt
 * ≤ 70 % of GDP, in face value.
 */
import type { DebtCapacity } from '../../schema/codes.js';

/** The six indicators, named as in results.json. */
export const DEBT_INDICATORS = [
  'publicDebtToGdp',
  'pvPublicDebtToGdp',
  'pvExternalDebtToGdp',
  'pvExternalDebtToExports',
  'externalDebtServiceToExports',
  'externalDebtServiceToRevenue',
] as const;
export type DebtIndicator = (typeof DEBT_INDICATORS)[number];

/** The five LIC-DSF indicators (all but the WAEMU criterion). */
export const LIC_DSF_INDICATORS = DEBT_INDICATORS.filter((i) => i !== 'publicDebtToGdp');

/** WAEMU convergence pact: public debt at most 70 % of GDP. */
export const WAEMU_DEBT_CEILING = 0.7;

export type IndicatorValues<T = number> = Readonly<Record<DebtIndicator, T>>;

export const DEBT_THRESHOLDS: Readonly<Record<DebtCapacity, IndicatorValues>> = {
  weak: {
    publicDebtToGdp: WAEMU_DEBT_CEILING,
    pvPublicDebtToGdp: 0.35,
    pvExternalDebtToGdp: 0.3,
    pvExternalDebtToExports: 1.4,
    externalDebtServiceToExports: 0.1,
    externalDebtServiceToRevenue: 0.14,
  },
  medium: {
    publicDebtToGdp: WAEMU_DEBT_CEILING,
    pvPublicDebtToGdp: 0.55,
    pvExternalDebtToGdp: 0.4,
    pvExternalDebtToExports: 1.8,
    externalDebtServiceToExports: 0.15,
    externalDebtServiceToRevenue: 0.18,
  },
  strong: {
    publicDebtToGdp: WAEMU_DEBT_CEILING,
    pvPublicDebtToGdp: 0.7,
    pvExternalDebtToGdp: 0.55,
    pvExternalDebtToExports: 2.4,
    externalDebtServiceToExports: 0.21,
    externalDebtServiceToRevenue: 0.23,
  },
};

/** The two service thresholds under their earlier names (the bank-only ratios of a member row). */
export const LIC_DSF_THRESHOLDS: Readonly<Record<DebtCapacity, { readonly revenue: number; readonly exports: number }>> = {
  weak: { revenue: DEBT_THRESHOLDS.weak.externalDebtServiceToRevenue, exports: DEBT_THRESHOLDS.weak.externalDebtServiceToExports },
  medium: { revenue: DEBT_THRESHOLDS.medium.externalDebtServiceToRevenue, exports: DEBT_THRESHOLDS.medium.externalDebtServiceToExports },
  strong: { revenue: DEBT_THRESHOLDS.strong.externalDebtServiceToRevenue, exports: DEBT_THRESHOLDS.strong.externalDebtServiceToExports },
};

/** A value breaches its threshold when it is above it (at the threshold is not a breach). */
export function breaches(values: IndicatorValues, thresholds: IndicatorValues): IndicatorValues<boolean> {
  const out = {} as Record<DebtIndicator, boolean>;
  for (const k of DEBT_INDICATORS) out[k] = values[k] > thresholds[k];
  return out;
}

/** The LIC-DSF indicator closest to (or furthest over) its threshold: largest value / threshold. */
export function bindingIndicator(values: IndicatorValues, thresholds: IndicatorValues): { readonly indicator: DebtIndicator; readonly ratio: number } {
  let best: { indicator: DebtIndicator; ratio: number } = { indicator: LIC_DSF_INDICATORS[0]!, ratio: -Infinity };
  for (const k of LIC_DSF_INDICATORS) {
    const ratio = values[k] / thresholds[k];
    if (ratio > best.ratio) best = { indicator: k, ratio };
  }
  return best;
}
