/**
 * The optimal method: solve the MILP (milp-model.ts) with HiGHS, check the
 * solution with the projection, and iterate on the equity path.
 *
 * Each solve starts from the better of the greedy allocation and the LP
 * relaxation's whole projects completed greedily (`relaxationStart`): on large
 * pipelines the latter is within a few hundredths of a percent of the bound,
 * so HiGHS proves the gap at the root node instead of searching for it.
 *
 * Fixed point: the amounts (single-project limit) are coefficients taken from
 * an equity path: first the greedy allocation's projected path (a real
 * portfolio's; the contributions-only path when greedy found none). The
 * solution is projected; unless the projection accepts it and, on its own
 * equity path, it earns at least what the MILP assumed, the MILP is solved
 * again with that path (at most MAX_ITERATIONS solves, keeping the best
 * solution the projection accepts). If none was accepted (the bank's
 * just-in-time borrowing differs from the MILP's, or amounts moved), the
 * lowest-ranked projects of the last one are dropped until the limits hold. Then, because a MIP gap or the tie-breaking
 * terms may leave room, projects are added greedily while every limit holds
 * (so that every unfunded project has a true binding limit). Finally, if the
 * greedy allocation scores higher (time limit, or repairs), it is kept and
 * the report says so: `optimal` never scores below `greedy`.
 *
 * Shadow prices: each limit that binds in the last MILP solution is relaxed
 * by 1 bn FCFA and the MILP solved again, its amounts following the relaxed
 * solution's equity path (shadow-prices.ts); the time left after the
 * fixed-point solves (25 % of the limit or more) is shared among them.
 */
import type { BankProjection } from '../bank/project.js';
import type { ShadowPrice } from '../results.js';
import { evaluate, isFeasible, type Evaluation } from './evaluate.js';
import { greedyAllocation, type GreedyResult } from './greedy.js';
import type { Highs } from './highs.js';
import { loadHighs } from './highs.js';
import { gapToBound, solveLp, type LpSolution, type SolverSettings } from './highs-solve.js';
import { AllocationInfeasible } from './infeasible.js';
import type { LpProblem } from './lp-writer.js';
import { buildMilp, placementsFrom, type MilpModel, type MilpOptions } from './milp-model.js';
import { binaryStart, relaxationStart, selectedScore } from './milp-start.js';
import type { AllocationModel } from './model.js';
import { portfolioValue } from './ranking.js';
import { shadowPrices } from './shadow-prices.js';

export { gapToBound, solveLp, type LpSolution, type SolverSettings } from './highs-solve.js';
export { binaryStart, relaxationStart, selectedScore } from './milp-start.js';

export const MAX_ITERATIONS = 3;
/** Share of the scenario's time limit kept for the shadow-price re-solves. */
export const MARGINAL_TIME_SHARE = 0.25;

/** Every pinned project of the model is placed. */
function keepsPins(model: AllocationModel, evaluation: Evaluation): boolean {
  const placed = new Set(evaluation.placements.map((p) => p.projectId));
  return model.eligible.every((e) => !e.pinned || placed.has(e.project.id));
}

export interface OptimalResult {
  readonly evaluation: Evaluation;
  readonly status: string;
  readonly gap: number | null;
  /** Wall time of the whole method: model building, LP relaxations, greedy completions and HiGHS. */
  readonly seconds: number;
  readonly iterations: number;
  /** Objective of the last MILP solution (its own amounts), before the projection checks and completion. */
  readonly milpScore: number | null;
  /** Per binding limit, the objective gained per extra bn FCFA of it (shadow-prices.ts); null when no MILP was solved. */
  readonly shadowPrices: readonly ShadowPrice[] | null;
  /** The last MILP solved (lp-writer.ts turns it into CPLEX LP text); null when none was. */
  readonly problem: LpProblem | null;
  readonly notes: readonly string[];
}

export interface OptimalOptions extends Pick<MilpOptions, 'aggregate'> {
  /**
   * Seconds on a monotonic clock (default: performance.now). The time limit is counted on it,
   * so that building the models and completing allocations count as well as HiGHS's own time.
   */
  readonly clock?: () => number;
}

/**
 * `greedy` is the greedy allocation to beat and to start from; null when the
 * greedy method found none (the MILP may still find one).
 */
export async function optimalAllocation(
  model: AllocationModel,
  greedy: GreedyResult | null,
  highsIn?: Highs,
  options: OptimalOptions = {},
): Promise<OptimalResult> {
  const clock = options.clock ?? (() => performance.now() / 1000);
  const startedAt = clock();
  const elapsed = () => clock() - startedAt;
  const highs = highsIn ?? (await loadHighs());
  const a = model.ctx.scenario.allocation;
  const formulation: Pick<MilpOptions, 'aggregate'> = options.aggregate === undefined ? {} : { aggregate: options.aggregate };
  // The scenario's time limit is for the whole method, on the wall clock (loading HiGHS included):
  // the fixed-point solves share 75 % of it, the marginal-value re-solve gets what is left. Each
  // solve gets at least 0.1 s, and HiGHS checks its limit between steps, so a limit far too short
  // for the problem is overrun by those margins.
  const budget = a.timeLimitSeconds;
  const settingsFor = (seconds: number): SolverSettings => ({
    timeLimitSeconds: Math.max(0.1, seconds),
    mipRelativeGap: a.mipRelativeGap,
    seed: model.ctx.scenario.seed,
  });
  const notes: string[] = [];
  // First equity path: the greedy allocation's (a real portfolio's), else contributions only.
  let reference: BankProjection = greedy?.evaluation.projection ?? evaluate(model, []).projection;
  let last: { milp: MilpModel; solution: LpSolution; reference: BankProjection; bound: number | null } | null = null;
  /** The best allocation the projection accepts among the iterations, and the last one tried. */
  let best: Evaluation | null = null;
  let evaluation: Evaluation | null = null;
  let iterations = 0;
  let settled = false;
  /** Of the last MILP solve. */
  let status = 'not run';
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    iterations++;
    if (iter > 0 && (1 - MARGINAL_TIME_SHARE) * budget - elapsed() < 0.1 * budget) {
      notes.push('no time left to settle the equity path further');
      break;
    }
    const milp = buildMilp(model, reference, formulation);
    let start = best ?? greedy?.evaluation;
    const guided = relaxationStart(model, highs, milp, settingsFor((1 - MARGINAL_TIME_SHARE) * budget - elapsed()));
    // The relaxation's allocation has passed the projection: a result in its own right, not only a start.
    if (guided.evaluation && isFeasible(guided.evaluation) && keepsPins(model, guided.evaluation)) {
      const score = portfolioValue(model, guided.evaluation.commitments);
      if (!best || score > portfolioValue(model, best.commitments)) best = guided.evaluation;
      if (!start || score > portfolioValue(model, start.commitments)) start = guided.evaluation;
    }
    const remaining = (1 - MARGINAL_TIME_SHARE) * budget - elapsed();
    const solution = solveLp(highs, milp.problem, settingsFor(remaining), start ? binaryStart(milp, start.placements) : undefined);
    status = solution.status;
    // The objective is bounded (binaries), so "infeasible or unbounded" means infeasible.
    if (solution.status === 'infeasible' || solution.status === 'infeasible or unbounded') {
      if (best || greedy) break; // an earlier equity path gave a feasible allocation: keep it
      const pins = model.eligible.filter((e) => e.pinned).map((e) => e.project.id);
      throw new AllocationInfeasible(
        `the allocation MILP is infeasible${pins.length ? `: the pinned projects ${pins.join(', ')} cannot all be funded within the limits` : ': no allocation, not even an empty one, lets the bank meet its limits'}`,
        pins,
      );
    }
    if (!solution.hasSolution) {
      if (!greedy && !best) throw new AllocationInfeasible(`HiGHS stopped (${solution.status}) without a feasible allocation, and the greedy method found none either`);
      notes.push(`HiGHS stopped (${solution.status}) without a feasible solution`);
      break;
    }
    last = { milp, solution, reference, bound: guided.bound };
    evaluation = evaluate(model, placementsFrom(milp.candidates, solution.values), reference);
    if (isFeasible(evaluation) && (!best || portfolioValue(model, evaluation.commitments) > portfolioValue(model, best.commitments))) {
      best = evaluation;
    }
    // Settled when the projection accepts the solution and, on its own equity path, it earns
    // at least what the MILP assumed.
    settled = isFeasible(evaluation) && portfolioValue(model, evaluation.commitments) >= selectedScore(milp, solution.values) - 1e-9;
    if (settled) break;
    reference = evaluation.projection;
  }
  if (iterations > 1) {
    notes.push(
      `the MILP was solved ${iterations} times to settle the equity path behind the single-project limit${settled ? '' : ' (not settled: the amounts were resolved and checked by the projection)'}`,
    );
  }
  if (best) evaluation = best;

  let final: Evaluation | null = greedy?.evaluation ?? null;
  let milpScore: number | null = null;
  if (evaluation) {
    milpScore = last ? selectedScore(last.milp, last.solution.values) : null;
    if (!isFeasible(evaluation)) notes.push('the last MILP solution broke a limit in the projection; the lowest-ranked projects were dropped');
    if (!last) notes.push('the allocation comes from the LP relaxation, completed greedily: HiGHS returned no solution of its own');
    const completed = greedyAllocation(model, evaluation.placements).evaluation;
    const added = completed.placements.length - evaluation.placements.length;
    if (added > 0) notes.push(`${added} project(s) still fitting after the MILP were added`);
    final = completed;
    const optimalScore = portfolioValue(model, completed.commitments);
    const greedyScore = greedy ? portfolioValue(model, greedy.evaluation.commitments) : -Infinity;
    if (greedy && greedyScore > optimalScore + 1e-9) {
      notes.push(`the greedy allocation scores higher (${greedyScore.toFixed(4)} vs ${optimalScore.toFixed(4)}) and is kept`);
      final = greedy.evaluation;
    }
  }
  if (!final) throw new AllocationInfeasible('no allocation found that respects every limit');

  let prices: ShadowPrice[] | null = null;
  if (last && last.solution.hasSolution) {
    const run = shadowPrices(model, highs, { milp: last.milp, values: last.solution.values, reference: last.reference }, formulation, (count) =>
      settingsFor((budget - elapsed()) / Math.max(1, count)),
    );
    prices = run.prices;
    notes.push(...run.notes);
  }

  return {
    evaluation: final,
    status,
    // Stopped before its own bound: the LP relaxation's objective still bounds the MILP's.
    gap: last ? (last.solution.gap ?? gapToBound(last.bound, last.solution.objective)) : null,
    seconds: elapsed(),
    iterations,
    milpScore,
    shadowPrices: prices,
    problem: last?.milp.problem ?? null,
    notes,
  };
}
