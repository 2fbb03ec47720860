/**
 * One solve with HiGHS: a problem (LP text as `--export-lp` writes it, or an
 * LpProblem passed as numbers), the solver's settings, an optional MIP start,
 * and what comes back (status, values, objective, gap, time).
 */
import type { Highs } from './highs.js';
import { numericProblem } from './highs-model.js';
import type { LpProblem } from './lp-writer.js';

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

