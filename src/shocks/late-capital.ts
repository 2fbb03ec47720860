/**
 * Late capital calls: the members pay each paid-in instalment `years` later
 * than the scenario already assumes (funding.paidInDelayYears, applied by
 * `delayPaidIn` before the run). The levy is not delayed.
 */
import type { MemberCode } from '../schema/codes.js';
import { copyShocks, type ShockSet } from './shock-set.js';

export function applyLateCapital(s: ShockSet, members: readonly MemberCode[], years: number): ShockSet {
  const out = copyShocks(s);
  for (const m of members) out.paidInDelay[m] += years;
  return out;
}
