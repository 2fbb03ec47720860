/**
 * The portfolio side of the allocation MILP (milp-model.ts): every portfolio
 * flow is linear in the binaries, so each year row gets Σ x·A·(unit flow).
 * Projects whose unit flows give the same coefficients (same instrument,
 * terms and construction profile: about 20 shapes for 1,000 projects) form a
 * shape group; on large pipelines they share amount variables a[g,y] defined
 * by link rows, so that the dense year rows hold one term per shape and year
 * instead of one per candidate.
 */
import { MEMBER_CODES } from '../../schema/codes.js';
import type { LinearTerm, LpConstraint } from './lp-writer.js';
import type { AllocationModel, Eligible } from './model.js';
import type { MilpCandidate } from './milp-model.js';

/**
 * With the binaries in the year rows, HiGHS derives knapsack cuts from them,
 * which close the last tenths of a percent of gap on pipelines of a few
 * hundred projects; beyond this many nonzeros the LP itself dominates and the
 * aggregated rows (7× sparser on 1,000 projects) win. Measured on generated
 * pipelines (docs/performance.md).
 */
export const AGGREGATE_ABOVE_NONZEROS = 250_000;

/** Nonzeros the year rows would hold with the binaries in them: per candidate and row, cash, liquidity, equity, exposure and members. */
export function denseNonzeros(groups: readonly ShapeGroup[], horizon: number): number {
  let total = 0;
  for (const g of groups) {
    for (const [, members] of g.byYear) {
      const rows = members.reduce((k, c) => k + 4 + c.eligible.project.countries.length, 0);
      total += rows * Math.min(g.length, horizon + 1);
    }
  }
  return total;
}

/** Per year row (index 0 … n), the terms the portfolio contributes; and the share-limit sums. */
export interface PortfolioTerms {
  readonly cash: readonly LinearTerm[][];
  readonly income: readonly LinearTerm[][];
  readonly netOut: readonly LinearTerm[][];
  readonly exposure: readonly LinearTerm[][];
  /** Per member (MEMBER_CODES order), per year. */
  readonly member: readonly (readonly LinearTerm[][])[];
  /** All committed amounts, and per member its share of them. */
  readonly totalAmount: readonly LinearTerm[];
  readonly memberAmount: readonly (readonly LinearTerm[])[];
  /** Link rows defining the aggregate amount variables (empty when not aggregated). */
  readonly links: LpConstraint[];
  /** The amount of `terms` as terms: one aggregate variable defined by a link row, or the terms themselves. */
  readonly carrier: (variable: string, link: string, terms: LinearTerm[]) => LinearTerm[];
}

export function portfolioTerms(model: AllocationModel, candidates: readonly MilpCandidate[], aggregateOption: boolean | undefined): PortfolioTerms {
  const { ctx } = model;
  const n = ctx.years.count;
  // Projects whose unit flows give the same year-by-year coefficients (same instrument, terms
  // and construction profile) form a shape group. The year rows see one continuous variable per
  // (group, commitment year), the amount committed, defined by a link row over the binaries;
  // this keeps each binary out of the dense year rows (7× fewer nonzeros on large pipelines)
  // without changing the LP relaxation: the link rows are an exact substitution.
  const groups = shapeGroups(model, candidates, n);
  const aggregate = aggregateOption ?? denseNonzeros(groups, n) > AGGREGATE_ABOVE_NONZEROS;
  const cashTerms: LinearTerm[][] = Array.from({ length: n + 1 }, () => []);
  const incomeTerms: LinearTerm[][] = Array.from({ length: n + 1 }, () => []);
  const netOutTerms: LinearTerm[][] = Array.from({ length: n + 1 }, () => []);
  const exposureTerms: LinearTerm[][] = Array.from({ length: n + 1 }, () => []);
  const memberTerms = MEMBER_CODES.map(() => Array.from({ length: n + 1 }, (): LinearTerm[] => []));
  const links: LpConstraint[] = [];
  /** All committed amounts, and per member its share of them. */
  const totalAmount: LinearTerm[] = [];
  const memberAmount = MEMBER_CODES.map((): LinearTerm[] => []);
  /**
   * The amount a group commits in a year, as terms: one aggregate variable
   * defined by a link row, or (not aggregated) the binaries themselves.
   */
  const carrier = (variable: string, link: string, terms: LinearTerm[]): LinearTerm[] => {
    if (!aggregate) return terms;
    links.push({ name: link, terms: [{ variable, coefficient: 1 }, ...terms.map((t) => ({ variable: t.variable, coefficient: -t.coefficient }))], sense: '=', rhs: 0 });
    return [{ variable, coefficient: 1 }];
  };
  const spread = (rows: LinearTerm[][], offset: number, carried: readonly LinearTerm[], series: Float64Array, sign = 1): void => {
    for (let t = 0; t < series.length && offset + t <= n; t++) {
      if (series[t] === 0) continue;
      for (const c of carried) rows[offset + t]!.push({ variable: c.variable, coefficient: sign * c.coefficient * series[t]! });
    }
  };
  for (const g of groups) {
    for (const [year, members] of g.byYear) {
      const offset = year - ctx.years.start;
      const amount = carrier(`a_g${g.index}_${year}`, `amount_g${g.index}_${year}`, members.map((c) => ({ variable: c.variable, coefficient: c.amount })));
      totalAmount.push(...amount);
      spread(cashTerms, offset, amount, g.cash);
      spread(netOutTerms, offset, amount, g.netOut);
      spread(incomeTerms, offset, amount, g.income);
      spread(exposureTerms, offset, amount, g.exposure);
      MEMBER_CODES.forEach((m, mi) => {
        const shares = members.filter((c) => memberShare(c, m) > 0);
        if (shares.length === 0) return;
        const own = carrier(`a_${m}_g${g.index}_${year}`, `amount_${m}_g${g.index}_${year}`, shares.map((c) => ({ variable: c.variable, coefficient: c.amount * memberShare(c, m) })));
        memberAmount[mi]!.push(...own);
        spread(memberTerms[mi]!, offset, own, g.exposure);
      });
    }
  }

  return { cash: cashTerms, income: incomeTerms, netOut: netOutTerms, exposure: exposureTerms, member: memberTerms, totalAmount, memberAmount, links, carrier };
}

function memberShare(c: MilpCandidate, member: string): number {
  return c.eligible.project.countries.find((x) => x.member === member)?.share ?? 0;
}

/** Projects that contribute the same coefficients per unit committed, with their candidates by commitment year. */
interface ShapeGroup {
  readonly index: number;
  readonly length: number;
  /** Per unit, row t after commitment: net cash flow (in − out), income, exposure (loans + equity at cost). */
  readonly cash: Float64Array;
  readonly income: Float64Array;
  readonly exposure: Float64Array;
  /** Per unit, the portfolio's net outflow (bank/project.ts portfolioNetOutflow): − cash, less the expected-loss charge, which the buffer does not count. */
  readonly netOut: Float64Array;
  /** Ascending commitment years. */
  readonly byYear: Map<number, MilpCandidate[]>;
}

function shapeGroups(model: AllocationModel, candidates: readonly MilpCandidate[], horizon: number): ShapeGroup[] {
  const shareOfLoans = model.policy.operatingExpenses.shareOfLoans;
  // credit.centralCase expected-loss (bank/project.ts): provisions are the whole year-end allowance and last year's is not collected.
  const charge = model.policy.expectedLossCharge === true;
  const groups = new Map<string, ShapeGroup>();
  const ofEligible = new Map<Eligible, ShapeGroup>();
  for (const c of candidates) {
    let g = ofEligible.get(c.eligible);
    if (!g) {
      const u = c.eligible.financing.flows;
      const el = model.elRates[c.eligible.project.instrument];
      const length = Math.min(u.length, horizon + 1);
      const cash = new Float64Array(length);
      const income = new Float64Array(length);
      const exposure = new Float64Array(length);
      const netOut = new Float64Array(length);
      for (let t = 0; t < length; t++) {
        const cashIn = u.principal[t]! + u.interest[t]! - u.capitalised[t]! + u.fees[t]! + u.dividends[t]! + u.exitProceeds[t]!;
        const cashOut = u.disbursed[t]! + u.invested[t]! + shareOfLoans * u.loanBalance[t]!;
        exposure[t] = u.loanBalance[t]! + u.equityHeld[t]!;
        const prevExposure = t > 0 ? exposure[t - 1]! : 0;
        cash[t] = charge ? cashIn - cashOut - el * prevExposure : cashIn - cashOut;
        netOut[t] = cashOut - cashIn;
        income[t] = u.interest[t]! + u.fees[t]! + u.dividends[t]! + u.exitProceeds[t]! - u.exitCost[t]! - shareOfLoans * u.loanBalance[t]! - (charge ? el * exposure[t]! : el * (exposure[t]! - prevExposure));
      }
      // Exact equality of the coefficients (toString is exact for doubles), so grouping changes no number.
      const key = `${cash.join(',')}|${income.join(',')}|${exposure.join(',')}|${netOut.join(',')}`;
      g = groups.get(key);
      if (!g) {
        g = { index: groups.size, length, cash, income, exposure, netOut, byYear: new Map() };
        groups.set(key, g);
      }
      ofEligible.set(c.eligible, g);
    }
    const list = g.byYear.get(c.year) ?? [];
    list.push(c);
    g.byYear.set(c.year, list);
  }
  for (const g of groups.values()) {
    const sorted = [...g.byYear].sort((a, b) => a[0] - b[0]);
    g.byYear.clear();
    for (const [y, list] of sorted) g.byYear.set(y, list);
  }
  return [...groups.values()];
}

