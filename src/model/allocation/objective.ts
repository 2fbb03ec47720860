/**
 * What the allocation maximises (issue 17), one definition for the greedy
 * fill, the MILP, the reasons and the reported objective.
 *
 * - `npv-per-capital` (default): a project funded in full is worth its
 *   economic NPV at the scenario's discount rate, with its social-integration
 *   value as a stated weight on it: value = NPV × (1 + socialWeight × social
 *   value) (appraisal/social-value.ts, a fixed 0–1 scale, not min-max). The
 *   greedy priority is that value per franc of the bank's capital the project
 *   consumes, so the bank buys the most development value per franc.
 * - `ipf-score`: the World Bank IPF score (min-max over the pipeline), as
 *   before issue 17; value = score.
 *
 * Capital consumed is measured by the approved amount (`capitalConsumed`):
 * the risk-weighted assets of the capacity work can replace it there, in one
 * place, when they land.
 */
import { DEFAULT_OBJECTIVE, DEFAULT_SOCIAL_WEIGHT, type AllocationObjective } from '../../schema/allocation-objective.js';
import type { Scenario } from '../../schema/scenario.js';
import type { Appraisal } from '../appraisal/appraise.js';

export function objectiveOf(s: Scenario): AllocationObjective {
  return s.allocation.objective ?? DEFAULT_OBJECTIVE;
}

export function socialWeightOf(s: Scenario): number {
  return s.allocation.socialWeight ?? DEFAULT_SOCIAL_WEIGHT;
}

/** The return hurdle: appraisal.minEirr, by default the discount rate. */
export function minEirrOf(s: Scenario): number {
  return s.appraisal.minEirr ?? s.appraisal.discountRate;
}

/** The value of funding a project in full at its earliest year, in the objective's unit (millions FCFA for npv-per-capital). */
export function projectValue(s: Scenario, a: Appraisal): number {
  if (objectiveOf(s) === 'ipf-score') return a.score;
  return a.npv * (1 + socialWeightOf(s) * a.socialValue);
}

/**
 * The bank capital a commitment of `amount` consumes, millions FCFA. Today the
 * amount itself; the one place to switch to risk-weighted assets.
 */
export function capitalConsumed(amount: number): number {
  return amount;
}

/** Unit of the objective in reports. */
export function objectiveUnit(s: Scenario): 'score' | 'millions FCFA' {
  return objectiveOf(s) === 'ipf-score' ? 'score' : 'millions FCFA';
}
