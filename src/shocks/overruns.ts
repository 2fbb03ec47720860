/**
 * Cost overruns at the reference-class P50 or P80 of each project's sector
 * (docs/domain-facts.md §5, src/model/appraisal/reference-classes.ts).
 *
 * Convention: the bank co-finances its pro-rata share of the overrun. Its
 * commitment grows by the factor by which the cost exceeds what the approved
 * amount already allowed for (the appraisal's own uplift, `appraisal.costUplift`),
 * capped at `overrunFinancingCap`; the extra is drawn on the loan's own
 * construction profile and repaid on its terms. So the bank disburses more, the
 * member's sovereign debt grows, and a non-sovereign project carries more debt
 * on the same cash flow. A project-finance (sculpted) loan is raised only as
 * far as the project's cash flow carries at the target DSCR: the lender stops
 * there and the sponsors fund the rest, as in project finance. The rest of the
 * overrun, above the cap, is the borrower's and co-financiers' problem.
 */
import type { StressContext } from './context.js';
import { copyShocks, type ShockSet } from './shock-set.js';

/** The factor on one commitment: reference uplift ÷ uplift already approved, at most the cap. */
export function overrunFactor(ctx: StressContext, index: number, level: 'p50' | 'p80'): number {
  const p = ctx.projects[index]!;
  const factor = ctx.referenceUplift(p.sector, level) / ctx.appliedUplift(p.sector);
  return Math.min(ctx.overrunFinancingCap, p.overrunRoom, Math.max(0, factor));
}

export function applyOverruns(s: ShockSet, ctx: StressContext, level: 'p50' | 'p80'): ShockSet {
  const out = copyShocks(s);
  for (let k = 0; k < ctx.projects.length; k++) out.amountFactor[k] = out.amountFactor[k]! * overrunFactor(ctx, k, level);
  return out;
}
