/**
 * Commitment totals (what the share limits read: total, by member, by
 * sector), updated by deltas instead of re-summed over the portfolio: the
 * incremental oracle keeps them this way, and the greedy fill uses them to
 * screen a candidate against the share limits before projecting the bank.
 */
import type { MemberCode } from '../../schema/codes.js';
import type { Project } from '../../schema/records.js';
import type { CommitmentTotals } from '../portfolio.js';

export interface MutableTotals {
  total: number;
  byMember: Record<MemberCode, number>;
  bySector: Map<string, number>;
}

export function copyTotals(t: CommitmentTotals): MutableTotals {
  return { total: t.total, byMember: { ...t.byMember }, bySector: new Map(t.bySector) };
}

/** Adds `amount` committed to `project` (negative: removes it), in the same terms as `commitmentTotals`. */
export function addToTotals(t: MutableTotals, project: Project, amount: number): void {
  t.total += amount;
  for (const s of project.countries) t.byMember[s.member] += s.share * amount;
  t.bySector.set(project.sector, (t.bySector.get(project.sector) ?? 0) + amount);
}

/** `t` with `amount` more committed to `project`, leaving `t` as it is. */
export function totalsWith(t: CommitmentTotals, project: Project, amount: number): CommitmentTotals {
  const out = copyTotals(t);
  addToTotals(out, project, amount);
  return out;
}
