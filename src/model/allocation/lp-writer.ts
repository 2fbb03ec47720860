/**
 * A small writer for CPLEX LP text: the format HiGHS reads and any other
 * solver (CPLEX, Gurobi, SCIP, CBC, GLPK) can check. Names are made of
 * letters, digits and underscores; long expressions are wrapped; constants
 * go to the right-hand side.
 */

export type Sense = '<=' | '>=' | '=';

export interface LinearTerm {
  readonly variable: string;
  readonly coefficient: number;
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`LP coefficient is not finite: ${x}`);
  if (x === 0) return '0';
  const s = Number(x.toPrecision(15)).toString();
  return s;
}

/** Sums duplicate variables and drops (near-)zero coefficients. */
export function compactTerms(terms: readonly LinearTerm[], epsilon = 1e-12): LinearTerm[] {
  const sum = new Map<string, number>();
  for (const t of terms) sum.set(t.variable, (sum.get(t.variable) ?? 0) + t.coefficient);
  const out: LinearTerm[] = [];
  for (const [variable, coefficient] of sum) if (Math.abs(coefficient) > epsilon) out.push({ variable, coefficient });
  return out;
}

export function formatExpression(terms: readonly LinearTerm[], perLine = 6): string {
  if (terms.length === 0) return '0 zero_';
  const parts: string[] = [];
  terms.forEach((t, k) => {
    const sign = t.coefficient < 0 ? '-' : '+';
    const magnitude = Math.abs(t.coefficient);
    const coef = magnitude === 1 ? '' : `${formatNumber(magnitude)} `;
    const lead = k === 0 ? (sign === '-' ? '- ' : '') : `${sign} `;
    parts.push(`${lead}${coef}${t.variable}`);
  });
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += perLine) lines.push(parts.slice(i, i + perLine).join(' '));
  return lines.join('\n   ');
}

export interface LpConstraint {
  readonly name: string;
  readonly terms: readonly LinearTerm[];
  readonly sense: Sense;
  readonly rhs: number;
}

export interface LpProblem {
  readonly comments: readonly string[];
  readonly sense: 'Maximize' | 'Minimize';
  readonly objective: readonly LinearTerm[];
  readonly constraints: readonly LpConstraint[];
  /** Variables with a free lower bound (−∞); every other continuous variable is ≥ 0. */
  readonly free: readonly string[];
  /** Upper bounds on continuous variables. */
  readonly upper: ReadonlyMap<string, number>;
  readonly binaries: readonly string[];
}

export function writeLp(problem: LpProblem): string {
  const out: string[] = [];
  for (const c of problem.comments) out.push(`\\ ${c}`);
  out.push(problem.sense);
  out.push(` obj: ${formatExpression(compactTerms(problem.objective))}`);
  out.push('Subject To');
  for (const c of problem.constraints) {
    out.push(` ${c.name}: ${formatExpression(compactTerms(c.terms))} ${c.sense} ${formatNumber(c.rhs)}`);
  }
  out.push('Bounds');
  for (const v of problem.free) out.push(` ${v} free`);
  for (const [v, ub] of problem.upper) out.push(` 0 <= ${v} <= ${formatNumber(ub)}`);
  if (problem.binaries.length > 0) {
    out.push('Binary');
    for (let i = 0; i < problem.binaries.length; i += 8) out.push(` ${problem.binaries.slice(i, i + 8).join(' ')}`);
  }
  out.push('End');
  return `${out.join('\n')}\n`;
}
