/**
 * The risk-adjusted capital ratio, after S&P's RAC for multilateral lenders:
 *
 *   RAC = adjusted equity / RWA
 *   adjusted equity = paid-in capital + retained earnings (+ levy contributions when they count)
 *   RWA = Σ weight × exposure × concentration + treasury weight × cash
 *   concentration = 1 + addOn × max(0, HHI − HHI₀) / (1 − HHI₀)
 *
 * HHI is the Herfindahl index of the members' shares of the exposure (three
 * sovereign borrowers: at least 1/3). S&P's capital-adequacy bands (2018
 * criteria, domain-facts §3.1) name the result.
 */
import type { CapitalSettings } from './settings.js';

export type CapitalBand = 'extremely-strong' | 'very-strong' | 'strong' | 'adequate' | 'moderate' | 'weak' | 'very-weak';

/** Lower bounds of S&P's bands, strongest first. */
export const CAPITAL_BANDS: readonly { readonly band: CapitalBand; readonly from: number }[] = [
  { band: 'extremely-strong', from: 0.23 },
  { band: 'very-strong', from: 0.15 },
  { band: 'strong', from: 0.1 },
  { band: 'adequate', from: 0.07 },
  { band: 'moderate', from: 0.05 },
  { band: 'weak', from: 0.03 },
  { band: 'very-weak', from: -Infinity },
];

export function capitalBand(ratio: number | null): CapitalBand | null {
  if (ratio === null || !Number.isFinite(ratio)) return ratio === Infinity ? 'extremely-strong' : null;
  return CAPITAL_BANDS.find((b) => ratio >= b.from)!.band;
}

/** Multiplier on credit RWA for single-name concentration, from the three members' exposures. */
export function concentrationFactor(a: number, b: number, c: number, settings: Pick<CapitalSettings, 'concentrationAddOn' | 'diversifiedHhi'>): number {
  const x = Math.max(0, a), y = Math.max(0, b), z = Math.max(0, c);
  const total = x + y + z;
  if (!(total > 0)) return 1;
  const hhi = (x / total) ** 2 + (y / total) ** 2 + (z / total) ** 2;
  const h0 = settings.diversifiedHhi;
  return 1 + (settings.concentrationAddOn * Math.max(0, hhi - h0)) / (1 - h0);
}

/** Adjusted equity (the RAC numerator; S&P's total adjusted capital counts no callable capital). */
export function adjustedEquity(settings: Pick<CapitalSettings, 'levyCountsAsCapital'>, paidInCapital: number, levyContributions: number, retainedEarnings: number): number {
  return paidInCapital + retainedEarnings + (settings.levyCountsAsCapital ? levyContributions : 0);
}

export function treasuryWeight(settings: CapitalSettings): number {
  return settings.sovereignByRating[settings.treasuryIssuerRating];
}
