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
 * Objective: maximise Σ earned value · x (ranking.ts: the project's value,
 * funded share and delay), plus 1e-6 × scale per project funded (so a project
 * of value 0 is still funded when it fits) and minus 1e-8 × scale per year of
 * delay (earliest year among equals); scale = objectiveScale, 1 for ipf-score
 * and the largest project value for npv-per-capital. Both are far below any
 * value difference that matters and below the default MIP gap.
 */
import type { Sector } from '../../schema/codes.js';
import { MEMBER_CODES } from '../../schema/codes.js';
import type { BankProjection } from '../bank/project.js';
import { amountAt, amountUnder, capAt, type Placement } from './evaluate.js';
import type { LinearTerm, LpConstraint, LpProblem } from './lp-writer.js';
import type { AllocationModel, Eligible } from './model.js';
import { bankRows } from './milp-bank-rows.js';
import { portfolioTerms, type PortfolioTerms } from './milp-shapes.js';
import { earnedValue, objectiveScale } from './ranking.js';

export { AGGREGATE_ABOVE_NONZEROS } from './milp-shapes.js';

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
  /** Extra paid-in capital at the start of the horizon, millions FCFA. */
  readonly extraCapital?: number;
  /** Aggregate amounts by shape (default: when the binaries' year terms would exceed AGGREGATE_ABOVE_NONZEROS). */
  readonly aggregate?: boolean;
  /** One limit relaxed by `amount` millions FCFA (shadow-prices.ts): a named limit row, or the single-project cap of a year. */
  readonly relax?: MilpRelaxation;
}

export type MilpRelaxation = { readonly row: string; readonly amount: number } | { readonly singleProjectYear: number; readonly amount: number };

/** A limit row relaxed: a ≥ row may fall `amount` short of its right-hand side, a ≤ row exceed it by as much. */
function relaxRow(c: LpConstraint, relax: MilpRelaxation | undefined): LpConstraint {
  if (!relax || !('row' in relax) || c.name !== relax.row || c.sense === '=') return c;
  return { ...c, rhs: c.rhs + (c.sense === '>=' ? -relax.amount : relax.amount) };
}

/**
 * Every (project, candidate year) with a positive amount, read off the reference projection;
 * `capBonus` raises the single-project cap of one year (its shadow price).
 */
export function milpCandidates(model: AllocationModel, reference: BankProjection, capBonus?: { readonly year: number; readonly amount: number }): MilpCandidate[] {
  const candidates: MilpCandidate[] = [];
  model.eligible.forEach((e, p) => {
    for (const year of e.years) {
      const amount = capBonus?.year === year ? amountUnder(e, capAt(model, year, reference) + capBonus.amount) : amountAt(model, e, year, reference);
      if (amount > 0) candidates.push({ variable: `x_p${p}_${year}`, eligible: e, year, amount });
    }
  });
  return candidates;
}

/** Share limits on total commitments: Σ member amounts ≶ (capital share ± band) × Σ amounts; sector caps. */
function shareRows(model: AllocationModel, candidates: readonly MilpCandidate[], terms: PortfolioTerms): LpConstraint[] {
  const { ctx } = model;
  const s = ctx.scenario;
  const { totalAmount, memberAmount, carrier } = terms;
  const constraints: LpConstraint[] = [];
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
  return constraints;
}

/** One commitment year per project (exactly one when pinned). */
function choiceRows(model: AllocationModel, candidates: readonly MilpCandidate[]): LpConstraint[] {
  const constraints: LpConstraint[] = [];
  const byEligible = new Map<Eligible, MilpCandidate[]>();
  for (const c of candidates) {
    const list = byEligible.get(c.eligible);
    if (list) list.push(c);
    else byEligible.set(c.eligible, [c]);
  }
  model.eligible.forEach((e, p) => {
    const own = byEligible.get(e) ?? [];
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

  return constraints;
}

export function buildMilp(model: AllocationModel, reference: BankProjection, options: MilpOptions = {}): MilpModel {
  const { ctx } = model;
  const s = ctx.scenario;
  const relax = options.relax;
  const candidates = milpCandidates(model, reference, relax && 'singleProjectYear' in relax ? { year: relax.singleProjectYear, amount: relax.amount } : undefined);
  const terms = portfolioTerms(model, candidates, options.aggregate);
  const bank = bankRows(model, terms, ctx.funding.openingPaidIn + (options.extraCapital ?? 0));
  const constraints = [...bank.constraints, ...shareRows(model, candidates, terms), ...terms.links, ...choiceRows(model, candidates)].map((c) => relaxRow(c, relax));
  const free = bank.free;
  const scale = objectiveScale(model);
  const objective: LinearTerm[] = candidates.map((c) => ({
    variable: c.variable,
    coefficient: earnedValue(model, c.eligible, c.amount, c.year) + scale * (FUNDED_BONUS - DELAY_PENALTY * (c.year - c.eligible.years[0]!)),
  }));
  const comments = [
    `BCID-AES allocation MILP, scenario ${s.name}, horizon ${ctx.years.start}-${ctx.years.end}; amounts in millions of FCFA`,
    `x_p<k>_<year> = 1: project <k> committed in <year>; amount A = coefficient scale below`,
    ...candidates
      .filter((c) => c.year === c.eligible.years[0])
      .map((c) => `${c.variable.replace(/_\d+$/, '')} = ${c.eligible.project.id} (value ${c.eligible.value.toPrecision(6)})`),
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

export function placementsFrom(candidates: readonly MilpCandidate[], values: ReadonlyMap<string, number>): Placement[] {
  return candidates.filter((c) => (values.get(c.variable) ?? 0) > 0.5).map((c) => ({ projectId: c.eligible.project.id, year: c.year }));
}
