/**
 * The bank's year-by-year accounts as rows of the allocation MILP
 * (milp-model.ts gives the formulation): bond issues and the debt they leave,
 * cash and equity per year, the liquidity buffer, gearing, equity-to-loans
 * and country exposure. The portfolio's terms come from milp-shapes.ts.
 */
import { MEMBER_CODES } from '../../schema/codes.js';
import { fixedOpex, mayBorrow } from '../bank/project.js';
import { trancheRemaining, trancheRepaid } from '../bank/borrowing.js';
import type { LinearTerm, LpConstraint } from './lp-writer.js';
import type { AllocationModel } from './model.js';
import type { PortfolioTerms } from './milp-shapes.js';

export function bankRows(model: AllocationModel, terms: PortfolioTerms, opening: number): { constraints: LpConstraint[]; free: string[] } {
  const { ctx } = model;
  const s = ctx.scenario;
  const policy = model.policy;
  const n = ctx.years.count;
  const ty = policy.treasuryYield;
  const r = policy.borrowing.rate;
  const k = policy.liquidityMonths / 12;
  const remaining = trancheRemaining(policy.borrowing);
  const Y = (i: number): number => ctx.years.start + i;
  const cashTerms = terms.cash;
  const incomeTerms = terms.income;
  const netOutTerms = terms.netOut;
  const exposureTerms = terms.exposure;
  const memberTerms = terms.member;
  const issueAllowed = (i: number): boolean => i < n && mayBorrow(policy, ctx.years, i);
  const issue = (i: number): string => `issue_${Y(i)}`;
  const debt = (i: number): string => `debt_${Y(i)}`;
  const cash = (i: number): string => `cash_${Y(i)}`;
  const eq = (i: number): string => `eq_${Y(i)}`;
  const anyBorrowing = Array.from({ length: n }, (_, i) => issueAllowed(i)).some(Boolean);
  /** Σ_s issue_s × f(i − s) over allowed issues s ≤ upTo. */
  const issueSum = (upTo: number, f: (age: number) => number, scale = 1): LinearTerm[] => {
    const out: LinearTerm[] = [];
    for (let s2 = 0; s2 <= upTo; s2++) {
      if (!issueAllowed(s2)) continue;
      const c = f(s2) * scale;
      if (c !== 0) out.push({ variable: issue(s2), coefficient: c });
    }
    return out;
  };

  const constraints: LpConstraint[] = [];
  const free: string[] = [];
  for (let i = 0; i < n; i++) {
    const year = Y(i);
    const inflow = ctx.funding.paidIn[i]! + ctx.funding.levy[i]! - fixedOpex(policy, i);
    if (anyBorrowing) {
      constraints.push({
        name: `debt_def_${year}`,
        terms: [{ variable: debt(i), coefficient: 1 }, ...issueSum(i, (s2) => -remaining[i - s2]!)],
        sense: '=',
        rhs: 0,
      });
    }
    // Cash.
    const cashRow: LinearTerm[] = [{ variable: cash(i), coefficient: 1 }];
    let cashRhs = inflow;
    if (i === 0) cashRhs += (1 + ty) * opening;
    else {
      cashRow.push({ variable: cash(i - 1), coefficient: -(1 + ty) });
      if (anyBorrowing) cashRow.push({ variable: debt(i - 1), coefficient: r });
    }
    if (issueAllowed(i)) cashRow.push({ variable: issue(i), coefficient: -1 });
    cashRow.push(...issueSum(i - 1, (s2) => trancheRepaid(remaining, i - s2)));
    for (const t of cashTerms[i]!) cashRow.push({ variable: t.variable, coefficient: -t.coefficient });
    constraints.push({ name: `cash_def_${year}`, terms: cashRow, sense: '=', rhs: cashRhs });
    // Equity.
    const eqRow: LinearTerm[] = [{ variable: eq(i), coefficient: 1 }];
    let eqRhs = inflow;
    if (i === 0) eqRhs += opening + ty * opening;
    else {
      eqRow.push({ variable: eq(i - 1), coefficient: -1 }, { variable: cash(i - 1), coefficient: -ty });
      if (anyBorrowing) eqRow.push({ variable: debt(i - 1), coefficient: r });
    }
    for (const t of incomeTerms[i]!) eqRow.push({ variable: t.variable, coefficient: -t.coefficient });
    constraints.push({ name: `equity_def_${year}`, terms: eqRow, sense: '=', rhs: eqRhs });
    free.push(eq(i));
    // Liquidity: cash_i − k·(netOut_{i+1} + r·debt_i + bond principal due_{i+1}) ≥ k·fixed opex_{i+1}.
    const liq: LinearTerm[] = [{ variable: cash(i), coefficient: 1 }];
    if (k > 0) {
      for (const t of netOutTerms[i + 1]!) liq.push({ variable: t.variable, coefficient: -k * t.coefficient });
      if (anyBorrowing) liq.push({ variable: debt(i), coefficient: -k * r });
      liq.push(...issueSum(i, (s2) => trancheRepaid(remaining, i + 1 - s2), -k));
    }
    constraints.push({ name: `liquidity_${year}`, terms: liq, sense: '>=', rhs: k * fixedOpex(policy, i + 1) });
    if (anyBorrowing) {
      constraints.push({
        name: `gearing_${year}`,
        terms: [
          { variable: debt(i), coefficient: 1 },
          { variable: eq(i), coefficient: -policy.borrowing.maxGearing },
        ],
        sense: '<=',
        rhs: 0,
      });
    }
    if (exposureTerms[i]!.length > 0) {
      constraints.push({
        name: `equity_to_loans_${year}`,
        terms: [{ variable: eq(i), coefficient: 1 }, ...exposureTerms[i]!.map((t) => ({ variable: t.variable, coefficient: -s.policy.equityToLoansFloor * t.coefficient }))],
        sense: '>=',
        rhs: 0,
      });
    }
    MEMBER_CODES.forEach((m, mi) => {
      const terms = memberTerms[mi]![i]!;
      if (terms.length === 0) return;
      constraints.push({
        name: `country_${m}_${year}`,
        terms: [{ variable: eq(i), coefficient: s.policy.countryExposureLimit }, ...terms.map((t) => ({ variable: t.variable, coefficient: -t.coefficient }))],
        sense: '>=',
        rhs: 0,
      });
    });
  }

  return { constraints, free };
}
