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
 * Marginal value of capital: the last MILP is solved again with 1,000
 * million FCFA (1 bn) more paid-in capital at the start of the horizon, all
 * coefficients unchanged; the difference in total score is reported per bn.
 * With binary choices this is lumpy: often 0, sometimes a whole project.
 */
import type { BankProjection } from '../bank/project.js';
import { evaluate, isFeasible, type Evaluation, type Placement } from './evaluate.js';
import { greedyAllocation, type GreedyResult } from './greedy.js';
import type { Highs } from './highs.js';
import { loadHighs } from './highs.js';
import { AllocationInfeasible } from './infeasible.js';
import { numericProblem } from './highs-model.js';
import type { LpProblem } from './lp-writer.js';
import { buildMilp, placementsFrom, type MilpCandidate, type MilpModel, type MilpOptions } from './milp-model.js';
import type { AllocationModel } from './model.js';
import { earnedValue, portfolioValue } from './ranking.js';

export const MAX_ITERATIONS = 3;
/** Share of the scenario's time limit kept for the marginal-value re-solve. */
export const MARGINAL_TIME_SHARE = 0.25;
export const MARGINAL_CAPITAL = 1000;

export interface LpSolution {
  readonly status: string;
  readonly hasSolution: boolean;
  readonly values: ReadonlyMap<string, number>;
  readonly objective: number;
  readonly gap: number | null;
  readonly seconds: number;
}

export interface SolverSettings {
  readonly timeLimitSeconds: number;
  readonly mipRelativeGap: number;
  readonly seed: number;
}

const STATUS_NAMES: Readonly<Record<number, string>> = {
  0: 'not set',
  1: 'load error',
  2: 'model error',
  3: 'presolve error',
  4: 'solve error',
  5: 'postsolve error',
  6: 'empty',
  7: 'optimal',
  8: 'infeasible',
  9: 'infeasible or unbounded',
  10: 'unbounded',
  11: 'objective bound',
  12: 'objective target',
  13: 'time limit',
  14: 'iteration limit',
  15: 'unknown',
  16: 'solution limit',
  17: 'interrupted',
};

/**
 * Solves a problem with HiGHS: LP text (as `--export-lp` writes it) or an
 * LpProblem, passed as numbers. `start` (variable → value, typically the
 * binaries of a known feasible allocation) is passed as a MIP start; HiGHS
 * completes and checks it, and ignores it if it is not feasible.
 */
export function solveLp(highs: Highs, source: string | LpProblem, settings: SolverSettings, start?: ReadonlyMap<string, number>, relax = false): LpSolution {
  const numeric = typeof source === 'string' ? null : numericProblem(highs, source, relax);
  const model = numeric ? highs.createModel(numeric.data) : highs.createModel({ format: 'lp', data: source as string });
  try {
    const cols = model.getDimensions().numCols;
    const names = numeric ? numeric.columns : Array.from({ length: cols }, (_, i) => model.getColName(i));
    model.options.set({
      output_flag: false,
      time_limit: settings.timeLimitSeconds,
      mip_rel_gap: settings.mipRelativeGap,
      random_seed: settings.seed % 2147483647,
    });
    if (start && start.size > 0) {
      const indices: number[] = [];
      const values: number[] = [];
      names.forEach((name, i) => {
        const v = start.get(name);
        if (v !== undefined) {
          indices.push(i);
          values.push(v);
        }
      });
      if (indices.length > 0) model.setSolution({ indices, values });
    }
    const run = model.run();
    const status = STATUS_NAMES[run.modelStatus] ?? `status ${run.modelStatus}`;
    const primal = Number(model.info.get('primal_solution_status'));
    const hasSolution = primal === 2;
    const values = new Map<string, number>();
    if (hasSolution) {
      const sol = model.getSolution();
      names.forEach((name, i) => values.set(name, sol.colValue[i] ?? 0));
    }
    let gap: number | null = null;
    try {
      const g = Number(model.info.get('mip_gap'));
      gap = Number.isFinite(g) ? g : null;
    } catch {
      gap = null;
    }
    return {
      status,
      hasSolution,
      values,
      objective: hasSolution ? model.getObjectiveValue() : Number.NaN,
      gap,
      seconds: model.getRunTime(),
    };
  } finally {
    model.dispose();
  }
}

/** Relative gap as HiGHS defines it: |bound − objective| / |objective| (undefined at a zero objective). */
export function gapToBound(bound: number | null, objective: number): number | null {
  if (bound === null || !Number.isFinite(objective) || !Number.isFinite(bound)) return null;
  if (objective === 0) return bound === 0 ? 0 : null;
  return Math.abs(bound - objective) / Math.abs(objective);
}

/** Every pinned project of the model is placed. */
function keepsPins(model: AllocationModel, evaluation: Evaluation): boolean {
  const placed = new Set(evaluation.placements.map((p) => p.projectId));
  return model.eligible.every((e) => !e.pinned || placed.has(e.project.id));
}

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

export interface OptimalResult {
  readonly evaluation: Evaluation;
  readonly status: string;
  readonly gap: number | null;
  /** Wall time of the whole method: model building, LP relaxations, greedy completions and HiGHS. */
  readonly seconds: number;
  readonly iterations: number;
  /** Objective of the last MILP solution (its own amounts), before the projection checks and completion. */
  readonly milpScore: number | null;
  readonly marginalScorePerBillion: number | null;
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

  let marginal: number | null = null;
  if (last && last.solution.hasSolution) {
    const more = buildMilp(model, last.reference, { ...formulation, extraCapital: MARGINAL_CAPITAL });
    const moreSolution = solveLp(
      highs,
      more.problem,
      settingsFor(budget - elapsed()),
      binaryStart(more, placementsFrom(last.milp.candidates, last.solution.values)),
    );
    if (moreSolution.hasSolution) {
      marginal = ((selectedScore(more, moreSolution.values) - selectedScore(last.milp, last.solution.values)) * 1000) / MARGINAL_CAPITAL;
      if (moreSolution.status !== 'optimal' || last.solution.status !== 'optimal') {
        notes.push('the marginal value compares solutions not proven optimal; read it as indicative');
      }
    }
  }

  return {
    evaluation: final,
    status,
    // Stopped before its own bound: the LP relaxation's objective still bounds the MILP's.
    gap: last ? (last.solution.gap ?? gapToBound(last.bound, last.solution.objective)) : null,
    seconds: elapsed(),
    iterations,
    milpScore,
    marginalScorePerBillion: marginal,
    problem: last?.milp.problem ?? null,
    notes,
  };
}
