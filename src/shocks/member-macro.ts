/**
 * The members' macro stresses, in the manner of the LIC-DSF standard stress
 * tests (IMF/World Bank 2018 framework; see docs/member-debt.md):
 *
 *   member-growth-shock-<pct>    nominal GDP growth (and so revenue growth) lowered by pct
 *                                percentage points in the 2nd and 3rd projection years: one
 *                                standard deviation of real growth, the deflator unchanged
 *   member-exports-shock-<pct>   export growth lowered by pct points in the same two years
 *   member-depreciation-<pct>    a one-off pct % nominal depreciation of the FCFA against the
 *                                currencies of external debt in the 2nd projection year: the
 *                                FCFA value of existing external debt (and its service) × (1 + pct)
 *
 * The projection years count from the member's last data year (year 1 = the
 * year after it). Levels stay lower after the shock; growth returns to its
 * baseline rate. Under the growth shock primary spending keeps its baseline
 * path, so the revenue lost widens the deficit (src/model/members/debt-path.ts). The depreciation leaves BCID-AES loans alone (they are in
 * FCFA) and, as in the LIC-DSF test, GDP, revenue and exports in FCFA too.
 * These stresses touch the members' debt paths only, not the bank.
 */
import type { Stress } from '../schema/stress-names.js';

/** Projection years (after the last data year) hit by the growth and export shocks. */
export const MEMBER_SHOCK_YEARS: readonly number[] = [2, 3];
/** Projection year of the one-off depreciation. */
export const MEMBER_DEPRECIATION_YEAR = 2;

export interface MemberMacroShock {
  /** Cut in nominal GDP and revenue growth in the shock years (decimal: 0.03 = 3 points). */
  readonly growthCut: number;
  /** Cut in export growth in the shock years. */
  readonly exportsCut: number;
  /** Rise of the FCFA value of external debt in the depreciation year (0.3 = +30 %). */
  readonly depreciation: number;
}

export const NO_MEMBER_SHOCK: MemberMacroShock = { growthCut: 0, exportsCut: 0, depreciation: 0 };

/** The members' macro shock of a list of parsed stresses: cuts add, depreciations compound. */
export function memberMacroShock(stresses: readonly Stress[]): MemberMacroShock {
  let growthCut = 0;
  let exportsCut = 0;
  let factor = 1;
  for (const s of stresses) {
    if (s.kind === 'member-growth-shock') growthCut += s.pct / 100;
    else if (s.kind === 'member-exports-shock') exportsCut += s.pct / 100;
    else if (s.kind === 'member-depreciation') factor *= 1 + s.pct / 100;
  }
  return { growthCut, exportsCut, depreciation: factor - 1 };
}

/** Growth cut of projection year k (1 = the year after the last data year). */
export function shockCut(cut: number, k: number): number {
  return MEMBER_SHOCK_YEARS.includes(k) ? cut : 0;
}
