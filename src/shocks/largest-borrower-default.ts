/**
 * The default of the bank's largest borrower (the concentration test of the
 * rating agencies' MDB criteria: S&P and Fitch stress the default of the largest
 * exposures). The member with the largest sovereign exposure at the end of the
 * year before the default, in the central case (ties: member order MLI, BFA,
 * NER), goes into arrears as `default-<M>-<year>-<n>y[-r<pct>]` would make it;
 * when the default falls in the first projected year, the exposure at its end
 * ranks them (nothing is outstanding before).
 */
import type { MemberCode } from '../schema/codes.js';
import type { StressContext } from './context.js';
import { applyMemberDefault } from './member-default.js';
import type { ShockSet } from './shock-set.js';

/** The member with the largest sovereign exposure before `year` (see the file comment). */
export function largestBorrower(ctx: StressContext, year: number): MemberCode {
  const i = Math.max(0, Math.min(ctx.years.count - 1, year - ctx.years.start - 1));
  let best = ctx.members[0]!;
  let largest = -Infinity;
  for (const m of ctx.members) {
    const e = ctx.sovereignExposure(m, i);
    if (e > largest) {
      largest = e;
      best = m;
    }
  }
  return best;
}

export function applyLargestBorrowerDefault(s: ShockSet, ctx: StressContext, year: number, arrearsYears: number, recovery: number | null): ShockSet {
  return applyMemberDefault(s, ctx, [largestBorrower(ctx, year)], year, arrearsYears, recovery);
}
