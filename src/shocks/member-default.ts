/**
 * A member's default on its sovereign loans from the bank (one member, or the
 * three at once: joint default). From the year of default the member pays
 * nothing and draws nothing (undisbursed balances are cancelled); the exposure
 * at default stays on the books as non-performing, provisioned at LGD, for
 * `arrearsYears`; then LGD × exposure is written off and the rest is
 * rescheduled (equal instalments over `rescheduleYears`, at the sovereign
 * lending rate). GEMs (docs/domain-facts.md §3.4): recoveries above 90 %, median
 * resolution just over 3 years.
 * When several defaults name the same member, the earliest counts.
 */
import type { MemberCode } from '../schema/codes.js';
import type { StressContext } from './context.js';
import { copyShocks, type DefaultEvent, type ShockSet } from './shock-set.js';

export function applyMemberDefault(
  s: ShockSet,
  ctx: StressContext,
  members: readonly MemberCode[],
  year: number,
  arrearsYears: number,
  recovery: number | null,
): ShockSet {
  const out = copyShocks(s);
  const event: DefaultEvent = {
    yearIndex: year - ctx.years.start,
    arrearsYears,
    lgd: recovery === null ? null : 1 - recovery,
    rescheduleYears: ctx.rescheduleYears,
  };
  for (const m of members) {
    const before = out.memberDefault[m];
    if (before === null || event.yearIndex < before.yearIndex) out.memberDefault[m] = event;
  }
  return out;
}
