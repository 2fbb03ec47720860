/**
 * Starting points and readings of a MILP solution: the MIP start of a known
 * allocation, the objective of a solution with its own amounts, and the
 * start built from the LP relaxation (its whole projects completed greedily).
 */
import type { Evaluation, Placement } from './evaluate.js';
import { greedyAllocation } from './greedy.js';
import type { Highs } from './highs.js';
import { solveLp, type SolverSettings } from './highs-solve.js';
import { AllocationInfeasible } from './infeasible.js';
import type { MilpCandidate, MilpModel } from './milp-model.js';
import type { AllocationModel } from './model.js';
import { earnedValue } from './ranking.js';

/** A MIP start: 1 for the candidates matching `placements`, 0 for every other binary. */
export function binaryStart(milp: MilpModel, placements: readonly Placement[]): Map<string, number> {
  const chosen = new Set(placements.map((p) => `${p.projectId}@${p.year}`));
  return new Map(milp.candidates.map((c) => [c.variable, chosen.has(`${c.eligible.project.id}@${c.year}`) ? 1 : 0]));
}

/** The objective of a MILP solution with its own amount coefficients (the tie-break terms left out). */
export function selectedScore(milp: MilpModel, values: ReadonlyMap<string, number>): number {
  return milp.candidates.reduce((s, c) => s + ((values.get(c.variable) ?? 0) > 0.5 ? earnedValue(milp.model, c.eligible, c.amount, c.year) : 0), 0);
}

/**
 * A MIP start from the LP relaxation: the projects the relaxation funds
 * whole, completed and checked by the greedy fill (which also repairs a limit
 * the projection finds broken). On large pipelines the relaxation funds all
 * but a handful of projects whole, so this start lies within a few projects
 * of the bound and HiGHS can stop at the root node instead of spending its
 * time in rounding heuristics. Null when the relaxation or the repair fails.
 */
export function relaxationStart(
  model: AllocationModel,
  highs: Highs,
  milp: MilpModel,
  settings: SolverSettings,
): { evaluation: Evaluation | null; bound: number | null } {
  const lp = solveLp(highs, milp.problem, settings, undefined, true);
  if (!lp.hasSolution || lp.status !== 'optimal') return { evaluation: null, bound: null };
  const bound = lp.objective;
  const value = (c: MilpCandidate): number => lp.values.get(c.variable) ?? 0;
  const whole = milp.candidates.filter((c) => value(c) > 1 - 1e-6);
  // A pinned project the relaxation spreads over several years goes in at its largest share:
  // the greedy completion keeps what it is given and never drops a pinned project.
  for (const e of model.eligible) {
    if (!e.pinned || whole.some((c) => c.eligible === e)) continue;
    const own = milp.candidates.filter((c) => c.eligible === e);
    if (own.length > 0) whole.push(own.reduce((a, b) => (value(b) > value(a) ? b : a)));
  }
  const placements = whole.map((c) => ({ projectId: c.eligible.project.id, year: c.year }));
  try {
    return { evaluation: greedyAllocation(model, placements).evaluation, bound };
  } catch (e) {
    if (e instanceof AllocationInfeasible) return { evaluation: null, bound };
    throw e;
  }
}

