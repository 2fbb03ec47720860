/**
 * Shadow prices of the allocation's limits (issue 17): for each limit that
 * binds in the last MILP solution, the objective gained per extra 1 bn FCFA
 * of it, found by solving the MILP again with that limit relaxed by 1 bn.
 *
 * - Binding: less than 1 bn of room left in the projected solution (1 bn
 *   more could let something in; `bindingLimits`).
 * - Relaxed: a ≥ row may fall 1 bn short, a ≤ row exceed by 1 bn; a
 *   single-project cap is 1 bn higher. The amounts are not frozen: the
 *   relaxed solution is projected, and the MILP is solved once more with the
 *   single-project caps of its own equity path (this is what the old marginal
 *   value of capital missed: it kept every coefficient of the base solve).
 * - Price: (relaxed objective − base objective) per bn, both with their own
 *   amount coefficients and without the tie-break terms; the relaxed
 *   objective is the better of the two solves (the first starts from the
 *   base allocation, feasible there, so a price is never below 0). Binary choices make
 *   it lumpy: 0 until 1 bn lets a whole project in.
 */
import type { BankProjection } from '../bank/project.js';
import { MEMBER_CODES, type Sector } from '../../schema/codes.js';
import { mayBorrow } from '../bank/project.js';
import type { ShadowPrice } from '../results.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { Highs } from './highs.js';
import { solveLp, type SolverSettings } from './highs-solve.js';
import { buildMilp, placementsFrom, type MilpModel, type MilpOptions, type MilpRelaxation } from './milp-model.js';
import { binaryStart, selectedScore } from './milp-start.js';
import type { AllocationModel } from './model.js';

/** 1 bn FCFA, millions. */
export const RELAXATION = 1000;
/** At most this many limits are priced (the tightest first), so that the re-solves fit the time left. */
export const MAX_PRICED = 12;

export interface BindingLimit {
  readonly price: Omit<ShadowPrice, 'perBillion'>;
  readonly relax: MilpRelaxation;
  /** Slack in the base solution, millions FCFA (0 for single-project). */
  readonly slack: number;
}

/**
 * The limits that bind for the allocation `evaluation` (the MILP solution projected by the
 * just-in-time bank), tightest first: those with less than 1 bn FCFA of room, read off the
 * projection, not off the MILP's own bank variables (which may issue bonds up to their cap at no
 * cost to the objective, so their slacks say nothing). Only limits with a row in `milp`.
 * - capacity, liquidity side: cash − buffer, plus the borrowing room under the gearing cap in a
 *   year the bank may borrow; gearing side (borrowing years): maxGearing × equity − borrowings;
 * - equity-to-loans: equity − floor × (loans + equity investments);
 * - country exposure: limit × equity − the member's exposure;
 * - fair-return: room to the band's upper (over) or lower (under) edge; sector caps: cap × total − sector;
 * - single-project: a year whose cap cuts a chosen project.
 */
export function bindingLimits(model: AllocationModel, milp: MilpModel, evaluation: Evaluation): BindingLimit[] {
  const { ctx } = model;
  const policy = ctx.scenario.policy;
  const gearing = model.policy.borrowing.maxGearing;
  const rows = new Set(milp.problem.constraints.map((c) => c.name));
  const out: BindingLimit[] = [];
  const add = (row: string, price: Omit<ShadowPrice, 'perBillion'>, slack: number): void => {
    if (rows.has(row) && slack < RELAXATION) out.push({ price, relax: { row, amount: RELAXATION }, slack: Math.max(0, slack) });
  };
  const p = evaluation.projection;
  const f = evaluation.portfolio;
  for (let i = 0; i < ctx.years.count; i++) {
    const year = ctx.years.start + i;
    const borrowingRoom = mayBorrow(model.policy, ctx.years, i) ? Math.max(0, gearing * p.equity[i]! - p.borrowings[i]!) : 0;
    add(`liquidity_${year}`, { limit: 'capacity', year, aspect: 'liquidity' }, p.cash[i]! - p.buffer[i]! + borrowingRoom);
    if (mayBorrow(model.policy, ctx.years, i)) add(`gearing_${year}`, { limit: 'capacity', year, aspect: 'gearing' }, borrowingRoom);
    add(`equity_to_loans_${year}`, { limit: 'equity-to-loans', year }, p.equity[i]! - policy.equityToLoansFloor * (f.loans[i]! + f.equityHeld[i]!));
    for (const m of MEMBER_CODES) add(`country_${m}_${year}`, { limit: 'country-exposure', year, member: m }, policy.countryExposureLimit * p.equity[i]! - f.memberExposure[m][i]!);
  }
  const t = evaluation.totals;
  if (ctx.capitalShares && t.total > 0) {
    for (const m of MEMBER_CODES) {
      const cs = ctx.capitalShares[m];
      add(`fair_return_max_${m}`, { limit: 'fair-return', year: null, member: m, aspect: 'over' }, (cs + policy.fairReturnBand) * t.total - t.byMember[m]);
      add(`fair_return_min_${m}`, { limit: 'fair-return', year: null, member: m, aspect: 'under' }, t.byMember[m] - (cs - policy.fairReturnBand) * t.total);
    }
  }
  for (const [sector, cap] of Object.entries(policy.sectorCaps) as [Sector, number | undefined][]) {
    if (cap !== undefined) add(`sector_cap_${sector.replace(/-/g, '_')}`, { limit: 'sector-cap', year: null, sector }, cap * t.total - (t.bySector.get(sector) ?? 0));
  }
  const capped = new Set<number>();
  for (const c of evaluation.commitments) {
    const e = model.byId.get(c.project.id);
    if (e && c.amount < e.maxAmount * (1 - 1e-9)) capped.add(c.year);
  }
  for (const year of [...capped].sort((a, b) => a - b)) out.push({ price: { limit: 'single-project', year }, relax: { singleProjectYear: year, amount: RELAXATION }, slack: 0 });
  return out.sort((a, b) => a.slack - b.slack);
}

export interface ShadowPriceRun {
  readonly prices: ShadowPrice[];
  readonly notes: string[];
}

/**
 * Prices the binding limits of the solution `values` of `milp` (solved on the equity path
 * `reference`). `settingsFor(k)` gives the solver settings of the k-th of `count` solves.
 */
export function shadowPrices(
  model: AllocationModel,
  highs: Highs,
  base: { readonly milp: MilpModel; readonly values: ReadonlyMap<string, number>; readonly reference: BankProjection },
  formulation: Pick<MilpOptions, 'aggregate'>,
  settingsFor: (count: number) => SolverSettings,
): ShadowPriceRun {
  const notes: string[] = [];
  const baseStart = placementsFrom(base.milp.candidates, base.values);
  const all = bindingLimits(model, base.milp, evaluate(model, baseStart, base.reference));
  const binding = all.slice(0, MAX_PRICED);
  if (all.length > binding.length) notes.push(`${all.length} limits bind; the ${binding.length} tightest are priced`);
  const baseValue = selectedScore(base.milp, base.values);
  const prices: ShadowPrice[] = [];
  let indicative = false;
  binding.forEach((b, k) => {
    const settings = settingsFor(2 * (binding.length - k));
    const first = buildMilp(model, base.reference, { ...formulation, relax: b.relax });
    const firstSolution = solveLp(highs, first.problem, settings, binaryStart(first, baseStart));
    if (!firstSolution.hasSolution) return;
    // The caps follow the relaxation: the relaxed solution's own equity path sets the single-project caps.
    const chosen = placementsFrom(first.candidates, firstSolution.values);
    const path = evaluate(model, chosen, base.reference).projection;
    const again = buildMilp(model, path, { ...formulation, relax: b.relax });
    const solution = solveLp(highs, again.problem, settings, binaryStart(again, chosen));
    // The better of the two: the first solve keeps the base allocation as its start (so it never
    // prices a relaxation below 0); the second lets the caps follow where that is worth more.
    const value = Math.max(selectedScore(first, firstSolution.values), solution.hasSolution ? selectedScore(again, solution.values) : -Infinity);
    if ((solution.hasSolution ? solution.status : firstSolution.status) !== 'optimal') indicative = true;
    prices.push({ ...b.price, perBillion: ((value - baseValue) * 1000) / RELAXATION });
  });
  if (indicative) notes.push('some shadow prices compare solutions not proven optimal; read them as indicative');
  prices.sort((a, b) => b.perBillion - a.perBillion);
  return { prices, notes };
}
