/**
 * The allocation MILP: binaries x[p,y] = "commit project p in year y", with
 * the bank's year-by-year accounts written as linear constraints, so that the
 * solver sees the same cash, equity and borrowing the projection computes
 * (bank/project.ts) — every portfolio flow is linear in x, and the bank's own
 * state (cash, equity, bonds) is carried by continuous variables per year.
 *
 * Projects whose unit flows give the same coefficients (same instrument,
 * terms and construction profile: about 20 shapes for 1,000 projects) share
 * amount variables a[g,y] = Σ A[p,y]·x[p,y] (and a[m,g,y] with member m's
 * share), so the year rows below hold one term per shape and year instead of
 * one per candidate (on large pipelines: AGGREGATE_ABOVE_NONZEROS). Below,
 * "Σ x·f" stands for Σ a·f over shapes when aggregated:
 *
 *   issue_i ≥ 0      bonds issued at the end of year i (only where allowed)
 *   debt_i  = Σ_{s≤i} remaining(i−s) · issue_s
 *   cash_i  = (1+ty)·cash_{i−1} + paid-in + levy − fixed opex + issue_i
 *             − bond principal due_i − r·debt_{i−1} + Σ x·(portfolio cash flow − variable opex)
 *   eq_i    = eq_{i−1} + paid-in + levy + ty·cash_{i−1} − r·debt_{i−1} − fixed opex
 *             + Σ x·(interest + fees + dividends + exit gains − variable opex − Δ expected loss)
 *   cash_i ≥ k · (next year's net outflows)           (liquidity buffer, k = months/12)
 *   debt_i ≤ maxGearing · eq_i                         (gearing)
 *   eq_i   ≥ floor · Σ x·(loans + equity at cost)_i    (equity-to-loans)
 *   limit·eq_i ≥ Σ x·share_m·(loans + equity)_i        (country exposure, each member)
 *   Σ x·A·(share_m − capital share_m ∓ band) ≶ 0       (fair-return band on total commitments)
 *   Σ x·A·([sector] − cap) ≤ 0                         (sector caps)
 *   Σ_y x[p,y] ≤ 1   (= 1 when pinned)
 *
 * The only freedom the MILP has that the projection does not is *when* to
 * issue bonds (the projection issues just enough, just in time), so every
 * allocation the projection accepts is feasible here; the solution is then
 * checked by the projection (milp.ts).
 *
 * The amounts A[p,y] = min(request, debt capacity, singleProjectLimit ×
 * equity at the end of y−1) are coefficients, taken from a reference
 * projection (first the contributions-only equity path, then the projected
 * one: the fixed-point loop in milp.ts).
 *
 * Objective: maximise Σ earned score · x (ranking.ts: funded share of the
 * project, discounted for delay), plus 1e-6 per project
 * funded (so a project with score 0 is still funded when it fits) and minus
 * 1e-8 per year of delay (earliest year among equals). Both are far below any
 * score difference that matters and below the default MIP gap.
 */
import { MEMBER_CODES, type Sector } from '../../schema/codes.js';
import { fixedOpex, mayBorrow, type BankPolicy, type BankProjection } from '../bank/project.js';
import { bankPolicy } from '../bank/project.js';
import { trancheRemaining, trancheRepaid } from '../bank/borrowing.js';
import { amountAt, type Placement } from './evaluate.js';
import type { LinearTerm, LpConstraint, LpProblem } from './lp-writer.js';
import type { AllocationModel, Eligible } from './model.js';
import { earnedScore } from './ranking.js';

export const FUNDED_BONUS = 1e-6;
export const DELAY_PENALTY = 1e-8;

export interface MilpCandidate {
  readonly variable: string;
  readonly eligible: Eligible;
  readonly year: number;
  readonly amount: number;
}

export interface MilpModel {
  readonly model: AllocationModel;
  readonly problem: LpProblem;
  readonly candidates: readonly MilpCandidate[];
}

export interface MilpOptions {
  /** Extra paid-in capital at the start of the horizon (marginal-value re-solve), millions FCFA. */
  readonly extraCapital?: number;
  /** Aggregate amounts by shape (default: when the binaries' year terms would exceed AGGREGATE_ABOVE_NONZEROS). */
  readonly aggregate?: boolean;
}

/**
 * With the binaries in the year rows, HiGHS derives knapsack cuts from them,
 * which close the last tenths of a percent of gap on pipelines of a few
 * hundred projects; beyond this many nonzeros the LP itself dominates and the
 * aggregated rows (7× sparser on 1,000 projects) win. Measured on generated
 * pipelines (docs/performance.md).
 */
export const AGGREGATE_ABOVE_NONZEROS = 250_000;

/** Nonzeros the year rows would hold with the binaries in them: per candidate and row, cash, liquidity, equity, exposure and members. */
function denseNonzeros(groups: readonly ShapeGroup[], horizon: number): number {
  let total = 0;
  for (const g of groups) {
    for (const [, members] of g.byYear) {
      const rows = members.reduce((k, c) => k + 4 + c.eligible.project.countries.length, 0);
      total += rows * Math.min(g.length, horizon + 1);
    }
  }
  return total;
}

export function buildMilp(model: AllocationModel, reference: BankProjection, options: MilpOptions = {}): MilpModel {
  const { ctx } = model;
  const s = ctx.scenario;
  const policy: BankPolicy = bankPolicy(s);
  const n = ctx.years.count;
  const ty = policy.treasuryYield;
  const r = policy.borrowing.rate;
  const k = policy.liquidityMonths / 12;
  const shareOfLoans = policy.operatingExpenses.shareOfLoans;
  const remaining = trancheRemaining(policy.borrowing);
  const opening = ctx.funding.openingPaidIn + (options.extraCapital ?? 0);
  const Y = (i: number): number => ctx.years.start + i;

  // Candidates and their amounts.
  const candidates: MilpCandidate[] = [];
  model.eligible.forEach((e, p) => {
    for (const year of e.years) {
      const amount = amountAt(model, e, year, reference);
      if (amount > 0) candidates.push({ variable: `x_p${p}_${year}`, eligible: e, year, amount });
    }
  });

  // Projects whose unit flows give the same year-by-year coefficients (same instrument, terms
  // and construction profile) form a shape group. The year rows see one continuous variable per
  // (group, commitment year), the amount committed, defined by a link row over the binaries;
  // this keeps each binary out of the dense year rows (7× fewer nonzeros on large pipelines)
  // without changing the LP relaxation: the link rows are an exact substitution.
  const groups = shapeGroups(model, candidates, n);
  const aggregate = options.aggregate ?? denseNonzeros(groups, n) > AGGREGATE_ABOVE_NONZEROS;
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
      spread(netOutTerms, offset, amount, g.cash, -1);
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

  // Share limits on total commitments: Σ member amounts ≶ (capital share ± band) × Σ amounts.
  const scaled = (terms: readonly LinearTerm[], k: number): LinearTerm[] => terms.map((t) => ({ variable: t.variable, coefficient: k * t.coefficient }));
  if (ctx.capitalShares && candidates.length > 0) {
    MEMBER_CODES.forEach((m, mi) => {
      const band = s.policy.fairReturnBand;
      const cs = ctx.capitalShares![m];
      constraints.push({ name: `fair_return_max_${m}`, terms: [...memberAmount[mi]!, ...scaled(totalAmount, -(cs + band))], sense: '<=', rhs: 0 });
      if (cs - band > 0) {
        constraints.push({ name: `fair_return_min_${m}`, terms: [...memberAmount[mi]!, ...scaled(totalAmount, -(cs - band))], sense: '>=', rhs: 0 });
      }
    });
  }
  for (const [sector, cap] of Object.entries(s.policy.sectorCaps) as [Sector, number | undefined][]) {
    const own = candidates.filter((c) => c.eligible.project.sector === sector);
    if (cap === undefined || own.length === 0) continue;
    const name = sector.replace(/-/g, '_');
    const amount = carrier(`as_${name}`, `amount_${name}`, own.map((c) => ({ variable: c.variable, coefficient: c.amount })));
    constraints.push({ name: `sector_cap_${name}`, terms: [...amount, ...scaled(totalAmount, -cap)], sense: '<=', rhs: 0 });
  }
  constraints.push(...links);
  // One commitment year per project.
  model.eligible.forEach((e, p) => {
    const own = candidates.filter((c) => c.eligible === e);
    if (own.length === 0) {
      if (e.pinned) constraints.push({ name: `pinned_p${p}`, terms: [], sense: '=', rhs: 1 });
      return;
    }
    constraints.push({
      name: `${e.pinned ? 'pinned' : 'once'}_p${p}`,
      terms: own.map((c) => ({ variable: c.variable, coefficient: 1 })),
      sense: e.pinned ? '=' : '<=',
      rhs: 1,
    });
  });

  const objective: LinearTerm[] = candidates.map((c) => ({
    variable: c.variable,
    coefficient: earnedScore(model, c.eligible, c.amount, c.year) + FUNDED_BONUS - DELAY_PENALTY * (c.year - c.eligible.years[0]!),
  }));
  const comments = [
    `BCID-AES allocation MILP, scenario ${s.name}, horizon ${ctx.years.start}-${ctx.years.end}; amounts in millions of FCFA`,
    `x_p<k>_<year> = 1: project <k> committed in <year>; amount A = coefficient scale below`,
    ...candidates
      .filter((c) => c.year === c.eligible.years[0])
      .map((c) => `${c.variable.replace(/_\d+$/, '')} = ${c.eligible.project.id} (score ${c.eligible.appraisal.score.toFixed(6)})`),
    ...(options.extraCapital ? [`re-solve with ${options.extraCapital} more paid-in capital at the start`] : []),
  ];
  const problem: LpProblem = {
    comments,
    sense: 'Maximize',
    objective,
    constraints,
    free,
    upper: new Map(),
    binaries: candidates.map((c) => c.variable),
  };
  return { model, problem, candidates };
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
  /** Ascending commitment years. */
  readonly byYear: Map<number, MilpCandidate[]>;
}

function shapeGroups(model: AllocationModel, candidates: readonly MilpCandidate[], horizon: number): ShapeGroup[] {
  const policy = bankPolicy(model.ctx.scenario);
  const shareOfLoans = policy.operatingExpenses.shareOfLoans;
  // credit.centralCase expected-loss (bank/project.ts): provisions are the whole year-end allowance and last year's is not collected.
  const charge = policy.expectedLossCharge === true;
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
      for (let t = 0; t < length; t++) {
        const cashIn = u.principal[t]! + u.interest[t]! - u.capitalised[t]! + u.fees[t]! + u.dividends[t]! + u.exitProceeds[t]!;
        const cashOut = u.disbursed[t]! + u.invested[t]! + shareOfLoans * u.loanBalance[t]!;
        exposure[t] = u.loanBalance[t]! + u.equityHeld[t]!;
        const prevExposure = t > 0 ? exposure[t - 1]! : 0;
        cash[t] = charge ? cashIn - cashOut - el * prevExposure : cashIn - cashOut;
        income[t] = u.interest[t]! + u.fees[t]! + u.dividends[t]! + u.exitProceeds[t]! - u.exitCost[t]! - shareOfLoans * u.loanBalance[t]! - (charge ? el * exposure[t]! : el * (exposure[t]! - prevExposure));
      }
      // Exact equality of the coefficients (toString is exact for doubles), so grouping changes no number.
      const key = `${cash.join(',')}|${income.join(',')}|${exposure.join(',')}`;
      g = groups.get(key);
      if (!g) {
        g = { index: groups.size, length, cash, income, exposure, byYear: new Map() };
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

export function placementsFrom(candidates: readonly MilpCandidate[], values: ReadonlyMap<string, number>): Placement[] {
  return candidates.filter((c) => (values.get(c.variable) ?? 0) > 0.5).map((c) => ({ projectId: c.eligible.project.id, year: c.year }));
}
