/**
 * Economic appraisal of one project from the few figures in projects.csv.
 *
 * We rebuild a stylised economic flow on the finance engine's time grid
 * (row t = t years after the start of construction):
 * - the cost K is spent in equal shares at t = 0 … c−1 (start of construction
 *   years 1 … c, like the loan draws);
 * - the project then yields a constant net benefit B at the end of each year
 *   of its economic life, t = c+1 … c+L.
 * B is the annuity that gives this flow the project's stated EIRR on its
 * stated cost. With a reference-class uplift u the cost becomes u·K while B
 * is unchanged (the overrun buys nothing more), so the NPV falls and the
 * return falls to the IRR of the uplifted flow. The same construction turns
 * a FIRR into an uplifted FIRR.
 */
import { irr, npv } from '../../finance/index.js';

export interface EconomicShape {
  /** Construction years c ≥ 1. */
  readonly constructionYears: number;
  /** Economic life L ≥ 1, years of benefits after construction. */
  readonly economicLife: number;
}

/** Σ_{t=a..b} (1+r)^−t. */
function discountSum(rate: number, from: number, to: number): number {
  let s = 0;
  for (let t = from; t <= to; t++) s += (1 + rate) ** -t;
  return s;
}

/** Yearly benefit that makes the flow's IRR equal `rate` for a cost of `cost`. */
export function benefitAnnuity(cost: number, rate: number, shape: EconomicShape): number {
  const c = shape.constructionYears;
  const pvCost = (cost / c) * discountSum(rate, 0, c - 1);
  return pvCost / discountSum(rate, c + 1, c + shape.economicLife);
}

/** The flow, rows 0 … c+L: −cost/c while building, 0 in year c, +benefit afterwards. */
export function economicFlow(cost: number, benefit: number, shape: EconomicShape): number[] {
  const c = shape.constructionYears;
  const flow: number[] = [];
  for (let t = 0; t <= c + shape.economicLife; t++) flow.push(t < c ? -cost / c : t === c ? 0 : benefit);
  return flow;
}

/** Present value at the start of construction (row 0 undiscounted). */
export function presentValue(flow: readonly number[], rate: number): number {
  if (flow.length <= 1) return flow[0] ?? 0;
  return (flow[0] ?? 0) + npv(rate, flow.slice(1));
}

export interface EconomicResult {
  /** NPV at the discount rate of the uplifted flow, millions FCFA. */
  readonly npv: number;
  /** Return of the uplifted flow (= the stated rate when there is no uplift). */
  readonly upliftedRate: number;
  readonly benefit: number;
}

/**
 * NPV at `discountRate` and the return after the uplift, for a project of
 * stated cost `cost` and stated return `rate`.
 */
export function appraiseFlow(cost: number, rate: number, uplift: number, discountRate: number, shape: EconomicShape): EconomicResult {
  const benefit = benefitAnnuity(cost, rate, shape);
  const flow = economicFlow(cost * uplift, benefit, shape);
  const upliftedRate = uplift === 1 ? rate : irr(flow, rate);
  return { npv: presentValue(flow, discountRate), upliftedRate, benefit };
}
