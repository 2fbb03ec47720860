/**
 * The central case's sovereign exposure to each member, year by year: its share
 * of the balances of the sovereign loans, from the commitments' own unit flows
 * (amount × unit loan balance, as src/model/portfolio.ts aggregates them). What
 * the `largest-borrower-default` stress ranks the members by.
 */
import { MEMBER_CODES, type MemberCode } from '../schema/codes.js';
import type { Commitment } from '../model/portfolio.js';

export function sovereignExposureByMember(commitments: readonly Commitment[], start: number, count: number): Readonly<Record<MemberCode, Float64Array>> {
  const out = Object.fromEntries(MEMBER_CODES.map((m) => [m, new Float64Array(count)])) as Record<MemberCode, Float64Array>;
  for (const c of commitments) {
    if (c.project.instrument !== 'sovereign') continue;
    const balance = c.financing.flows.loanBalance;
    for (let i = 0; i < count; i++) {
      const t = start + i - c.year;
      if (t < 0 || t >= balance.length) continue;
      for (const x of c.project.countries) out[x.member][i]! += x.share * c.amount * balance[t]!;
    }
  }
  return out;
}
