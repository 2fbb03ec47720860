/**
 * The lending window of the capacity envelope: `capacity.firstYear` and
 * `capacity.lastYear`, by default the allocation window extended to the
 * horizon end minus the longest tenor (a loan signed later would not be
 * repaid within the projection).
 */
import type { Scenario } from '../../schema/scenario.js';

export interface CapacityWindow {
  readonly firstYear: number;
  readonly lastYear: number;
}

export function longestTenor(s: Scenario): number {
  return Math.max(s.lending.sovereign.years, s.lending['non-sovereign'].years, s.lending.equity.holdingYears);
}

export function capacityWindow(s: Scenario): CapacityWindow {
  const firstYear = Math.max(s.capacity?.firstYear ?? s.allocation.firstCommitmentYear, s.horizon.start);
  const lastYear = Math.min(s.capacity?.lastYear ?? Math.max(s.allocation.lastCommitmentYear, s.horizon.end - longestTenor(s)), s.horizon.end);
  return { firstYear, lastYear: Math.max(firstYear, lastYear) };
}
