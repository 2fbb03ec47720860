/**
 * Callable capital and the usable-capital rule. The rule is Fitch's
 * (Supranationals criteria, domain-facts §3.1): callable capital supports the
 * bank only when it is owed by shareholders rated AA− or better; none of the
 * members (Caa/CCC) is, so their callable capital adds nothing to usable capital.
 */
import { MEMBER_CODES } from '../../schema/codes.js';
import type { RatingGrade } from '../../schema/capital.js';
import type { FundingInflows } from '../context.js';
import type { CapitalSettings } from './settings.js';

/** Grades at or above AA− on our letter scale (AA stands for AA+, AA and AA−). */
const CALLABLE_COUNTS: ReadonlySet<RatingGrade> = new Set<RatingGrade>(['AAA', 'AA']);

export function callableCounts(rating: RatingGrade): boolean {
  return CALLABLE_COUNTS.has(rating);
}

/** Callable capital subscribed by each year end, in all and the part that counts (length count + 1). */
export function callableCapital(funding: FundingInflows, settings: CapitalSettings): { subscribed: Float64Array; usable: Float64Array } {
  const n = funding.paidIn.length;
  const subscribed = new Float64Array(n);
  const usable = new Float64Array(n);
  const byMember = funding.byMember;
  if (byMember === undefined) return { subscribed, usable };
  for (const m of MEMBER_CODES) {
    const f = byMember[m];
    const counts = callableCounts(settings.memberRatings[m]);
    let total = f.openingCallable;
    for (let i = 0; i < n; i++) {
      total += f.callable[i]!;
      subscribed[i]! += total;
      if (counts) usable[i]! += total;
    }
  }
  return { subscribed, usable };
}
