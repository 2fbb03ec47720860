/**
 * The bank's own bonds. Each year's issue is a tranche repaid over the
 * scenario tenor by its method (bullet, linear or annuity, no grace),
 * computed with the finance engine so that the bank's debt follows the same
 * arithmetic as its loans. Interest expense is rate × the opening balance.
 */
import { loanSchedule } from '../../finance/index.js';
import type { Scenario } from '../../schema/scenario.js';

/** remaining[k] = share of a tranche still owed k years after issue (remaining[0] = 1, 0 from the tenor on). */
export function trancheRemaining(borrowing: Scenario['funding']['borrowing']): Float64Array {
  const schedule = loanSchedule({
    amount: 1,
    rate: borrowing.rate,
    years: borrowing.tenor,
    grace: 0,
    method: borrowing.method,
  });
  const remaining = new Float64Array(borrowing.tenor + 1);
  schedule.rows.forEach((r, k) => {
    remaining[k] = Math.max(0, r.closing);
  });
  remaining[borrowing.tenor] = 0;
  return remaining;
}

/** Share of a tranche repaid k ≥ 1 years after issue. */
export function trancheRepaid(remaining: Float64Array, k: number): number {
  if (k < 1 || k >= remaining.length) return 0;
  return remaining[k - 1]! - remaining[k]!;
}
