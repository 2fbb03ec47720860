/**
 * An LpProblem handed to HiGHS as numbers (a row-wise sparse matrix) rather
 * than as LP text: on large pipelines, writing and parsing the text cost
 * more than a second each. The LP text (lp-writer.ts) is still what
 * `--export-lp` writes; both describe the same problem.
 */
import type { ModelData } from 'highs';
import type { Highs } from './highs.js';
import { compactTerms, type LpProblem } from './lp-writer.js';

export interface NumericProblem {
  readonly data: ModelData;
  /** Column names in column order. */
  readonly columns: readonly string[];
}

/** `relax`: binaries become continuous in [0, 1] (the LP relaxation). */
export function numericProblem(highs: Highs, problem: LpProblem, relax = false): NumericProblem {
  const index = new Map<string, number>();
  const columns: string[] = [];
  const column = (name: string): number => {
    let j = index.get(name);
    if (j === undefined) {
      j = columns.length;
      index.set(name, j);
      columns.push(name);
    }
    return j;
  };
  for (const b of problem.binaries) column(b);
  const rows = problem.constraints.map((c) => compactTerms(c.terms));
  const objective = compactTerms(problem.objective);
  for (const t of objective) column(t.variable);
  for (const r of rows) for (const t of r) column(t.variable);
  for (const v of problem.free) column(v);
  for (const v of problem.upper.keys()) column(v);

  const numCols = columns.length;
  const numRows = rows.length;
  const inf = highs.infinity;
  const colCost = new Float64Array(numCols);
  for (const t of objective) colCost[index.get(t.variable)!] = t.coefficient;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(inf);
  const integrality = new Int32Array(numCols);
  for (const b of problem.binaries) {
    const j = index.get(b)!;
    colUpper[j] = 1;
    if (!relax) integrality[j] = highs.constants.variableType.integer;
  }
  for (const v of problem.free) colLower[index.get(v)!] = -inf;
  for (const [v, ub] of problem.upper) colUpper[index.get(v)!] = ub;

  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const nonzeros = rows.reduce((n, r) => n + r.length, 0);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let k = 0;
  problem.constraints.forEach((c, i) => {
    rowLower[i] = c.sense === '<=' ? -inf : c.rhs;
    rowUpper[i] = c.sense === '>=' ? inf : c.rhs;
    for (const t of rows[i]!) {
      indices[k] = index.get(t.variable)!;
      values[k++] = t.coefficient;
    }
    starts[i + 1] = k;
  });
  const data: ModelData = {
    numCols,
    numRows,
    sense: problem.sense === 'Maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
    integrality,
  };
  return { data, columns };
}
