/**
 * The objective both methods maximise, and the greedy priority.
 *
 * Objective: Σ over funded projects of
 *   score × approved / maxAmount × (1 + d)^−delay
 * - maxAmount = min(request × uplift, debt capacity), the most the project can
 *   use from the bank: a project funded in full earns its whole score, one cut
 *   by the single-project limit the share it gets;
 * - delay = commitment year − the project's earliest candidate year, and d the
 *   appraisal discount rate (floored at 0): a year's delay postpones the
 *   project's benefits by a year, worth (1 + d)^−1 of them. So the bank does
 *   not sign 2 bn of a 60 bn need this year when it can sign 30 bn next year,
 *   nor wait nine years to commit 3 % more.
 *
 * Greedy priority: score per FCFA, score / maxAmount, highest first. Ties:
 * higher score, then id.
 */
import type { Commitment } from '../portfolio.js';
import type { AllocationModel, Eligible } from './model.js';

/** Value of one year of delay: (1 + d)^−1 with d the appraisal discount rate, floored at 0. */
export function delayFactor(model: AllocationModel): number {
  return 1 / (1 + Math.max(0, model.ctx.scenario.appraisal.discountRate));
}

/** Score earned by committing `amount` to `e` in `year`. */
export function earnedScore(model: AllocationModel, e: Eligible, amount: number, year: number): number {
  if (!(e.maxAmount > 0)) return 0;
  const share = Math.min(amount, e.maxAmount) / e.maxAmount;
  return e.appraisal.score * share * delayFactor(model) ** (year - e.years[0]!);
}

/** The objective of an allocation: Σ earned score. */
export function portfolioScore(model: AllocationModel, commitments: readonly Commitment[]): number {
  let s = 0;
  for (const c of commitments) {
    const e = model.byId.get(c.project.id);
    if (e) s += earnedScore(model, e, c.amount, c.year);
  }
  return s;
}

export function scorePerFcfa(e: Eligible): number {
  return e.maxAmount > 0 ? e.appraisal.score / e.maxAmount : -Infinity;
}

export function rankEligible(model: AllocationModel): Eligible[] {
  const keyed = model.eligible.map((e) => ({ e, key: scorePerFcfa(e) }));
  keyed.sort(
    (a, b) =>
      b.key - a.key ||
      b.e.appraisal.score - a.e.appraisal.score ||
      (a.e.project.id < b.e.project.id ? -1 : a.e.project.id > b.e.project.id ? 1 : 0),
  );
  return keyed.map((k) => k.e);
}
