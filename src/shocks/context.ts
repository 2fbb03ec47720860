/**
 * What a named stress needs to know about the run it stresses: the calendar,
 * the committed projects (in commitment order) and the shared parameters,
 * already resolved from the scenario (src/risk/calibration.ts).
 */
import type { Instrument, MemberCode, Sector } from '../schema/codes.js';

export interface StressProject {
  readonly id: string;
  readonly sector: Sector;
  readonly instrument: Instrument;
  readonly constructionYears: number;
  /**
   * Largest factor on the approved amount that the project's own cash flow carries
   * at the target DSCR (sculpted project-finance loans; Infinity otherwise, ≥ 1).
   */
  readonly overrunRoom: number;
}

export interface StressContext {
  readonly years: { readonly start: number; readonly count: number };
  readonly projects: readonly StressProject[];
  /** Factor of the reference-class cost uplift already in the approved amounts (appraisal.costUplift), by sector. */
  readonly appliedUplift: (sector: Sector) => number;
  /** Reference-class P50 and P80 cost factors by sector (src/model/appraisal/reference-classes.ts). */
  readonly referenceUplift: (sector: Sector, level: 'p50' | 'p80') => number;
  /** Largest factor by which the bank raises a commitment to co-finance an overrun. */
  readonly overrunFinancingCap: number;
  /** Expected construction delay in years of a project (reference-class schedule overrun × Sahel multiplier). */
  readonly expectedDelay: (p: StressProject) => number;
  readonly rescheduleYears: number;
  readonly members: readonly MemberCode[];
  /**
   * The central case's sovereign exposure to a member (its share of the sovereign loans'
   * balances) at the end of year index i, before any stress: what `largest-borrower-default`
   * ranks the members by.
   */
  readonly sovereignExposure: (member: MemberCode, yearIndex: number) => number;
}

/** Year index of a calendar year, clamped into [0, count]; null → `fallback`. */
export function yearIndexOf(ctx: StressContext, year: number | null, fallback: number): number {
  if (year === null) return fallback;
  return Math.max(0, Math.min(ctx.years.count, year - ctx.years.start));
}
