/**
 * The objective both methods maximise, and the greedy priority.
 *
 * Objective: Σ over funded projects of
 *   value × approved / maxAmount × (1 + d)^−delay
 * - value: what funding the project in full is worth (objective.ts: economic
 *   NPV with its social weight by default, the IPF score with ipf-score);
 * - maxAmount = min(request × uplift, debt capacity), the most the project can
 *   use from the bank: a project funded in full earns its whole value, one cut
 *   by the single-project limit the share it gets;
 * - delay = commitment year − the project's earliest candidate year, and d the
 *   appraisal discount rate (floored at 0): a year's delay postpones the
 *   project's benefits by a year, worth (1 + d)^−1 of them. So the bank does
 *   not sign 2 bn of a 60 bn need this year when it can sign 30 bn next year,
 *   nor wait nine years to commit 3 % more.
 *
 * Greedy priority: value per franc of capital consumed, value /
 * capitalConsumed(maxAmount), highest first. Ties: by id (npv-per-capital,
 * so that scaling a project never moves it), or higher score then id
 * (ipf-score, as before).
 */
import type { Commitment } from '../portfolio.js';
import type { AllocationModel, Eligible } from './model.js';
import { capitalConsumed, objectiveOf } from './objective.js';

/** Value of one year of delay: (1 + d)^−1 with d the appraisal discount rate, floored at 0. */
export function delayFactor(model: AllocationModel): number {
  return 1 / (1 + Math.max(0, model.ctx.scenario.appraisal.discountRate));
}

/** Value earned by committing `amount` to `e` in `year`. */
export function earnedValue(model: AllocationModel, e: Eligible, amount: number, year: number): number {
  if (!(e.maxAmount > 0)) return 0;
  const share = Math.min(amount, e.maxAmount) / e.maxAmount;
  return e.value * share * delayFactor(model) ** (year - e.years[0]!);
}

/** The objective of an allocation: Σ earned value. */
export function portfolioValue(model: AllocationModel, commitments: readonly Commitment[]): number {
  let s = 0;
  for (const c of commitments) {
    const e = model.byId.get(c.project.id);
    if (e) s += earnedValue(model, e, c.amount, c.year);
  }
  return s;
}

/** The greedy priority: value per franc of capital consumed when funded in full. */
export function valuePerCapital(e: Eligible): number {
  const capital = capitalConsumed(e.maxAmount);
  return capital > 0 ? e.value / capital : -Infinity;
}

const byId = (a: Eligible, b: Eligible): number => (a.project.id < b.project.id ? -1 : a.project.id > b.project.id ? 1 : 0);

export function rankEligible(model: AllocationModel): Eligible[] {
  const ipf = objectiveOf(model.ctx.scenario) === 'ipf-score';
  const keyed = model.eligible.map((e) => ({ e, key: valuePerCapital(e) }));
  keyed.sort((a, b) => b.key - a.key || (ipf ? b.e.appraisal.score - a.e.appraisal.score : 0) || byId(a.e, b.e));
  return keyed.map((k) => k.e);
}

/**
 * Divisor of the MILP's objective coefficients: 1 for ipf-score (scores are
 * 0–1 already), the largest project value for npv-per-capital, so that the
 * coefficients are of order 1 and the tie-break terms of milp-model.ts stay
 * far below any difference that matters.
 */
export function objectiveScale(model: AllocationModel): number {
  if (objectiveOf(model.ctx.scenario) === 'ipf-score') return 1;
  let m = 0;
  for (const e of model.eligible) m = Math.max(m, Math.abs(e.value));
  return m > 0 ? m : 1;
}
