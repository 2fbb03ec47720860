/**
 * The risk-adjusted capital floor (`policy.minRiskAdjustedCapital`) read off a
 * projection: for the capacity envelope now, and for the allocation to call.
 * Gap = floor × RWA − adjusted equity, millions FCFA (> 0: broken).
 */
import type { BankProjection } from '../bank/project.js';

export interface FloorGap {
  readonly yearIndex: number;
  readonly amount: number;
}

/** Every year the floor is broken by more than the relative tolerance `tol`, worst first. */
export function riskCapitalFloorGaps(projection: BankProjection, floor: number, tol = 1e-6): FloorGap[] {
  const gaps: FloorGap[] = [];
  for (let i = 0; i < projection.years.count; i++) {
    const rwa = projection.riskWeightedAssets[i]!;
    const gap = floor * rwa - projection.adjustedEquity[i]!;
    if (gap > tol * Math.max(1, rwa)) gaps.push({ yearIndex: i, amount: gap });
  }
  return gaps.sort((a, b) => b.amount - a.amount);
}
