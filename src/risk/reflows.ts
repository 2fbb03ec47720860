/**
 * Reflow rows of a stressed portfolio, in the long format of results.json
 * (src/model/repayment/reflows.ts), summed from the commitments' unit flows.
 * The plain run takes its totals from the finance kernel, which rightly refuses
 * a sculpted loan above the debt its cash flow carries; under overruns and
 * delays a project can end up there (its cover falls below target), and its
 * flows are then the sculpted schedule scaled up, as the projection uses them.
 * Contractual flows: arrears and write-offs are in the bank rows, not here.
 */
import { MEMBER_CODES } from '../schema/codes.js';
import type { Calendar } from '../model/context.js';
import type { Commitment } from '../model/portfolio.js';
import type { ReflowRow } from '../model/results.js';
import { addScaled as add, zero } from '../model/repayment/reflows.js';

export function unitReflowRows(commitments: readonly Commitment[], years: Calendar): ReflowRow[] {
  const sectors = [...new Set(commitments.map((c) => c.project.sector))].sort();
  const rows: ReflowRow[] = [];
  for (let i = 0; i < years.count; i++) {
    const year = years.start + i;
    const total = zero();
    const byMember = new Map(MEMBER_CODES.map((m) => [m as string, zero()]));
    const bySector = new Map(sectors.map((s) => [s as string, zero()]));
    for (const c of commitments) {
      const t = year - c.year;
      add(total, c, t, 1);
      for (const s of c.project.countries) add(byMember.get(s.member)!, c, t, s.share);
      add(bySector.get(c.project.sector)!, c, t, 1);
    }
    rows.push({ year, dimension: 'total', key: 'ALL', ...total });
    for (const [key, sums] of byMember) rows.push({ year, dimension: 'member', key, ...sums });
    for (const [key, sums] of bySector) rows.push({ year, dimension: 'sector', key, ...sums });
  }
  return rows;
}
