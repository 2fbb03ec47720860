import type { MemberYearResult } from '../results.js';

/**
 * The heaviest member burden of a run: the member-year whose binding LIC-DSF
 * indicator is closest to (or furthest over) its threshold, with BCID-AES;
 * the earliest such year on ties. Null without rows.
 */
export function heaviestBurden(rows: readonly MemberYearResult[]): MemberYearResult | null {
  let best: MemberYearResult | null = null;
  for (const r of rows) if (best === null || r.bindingRatio > best.bindingRatio) best = r;
  return best;
}
