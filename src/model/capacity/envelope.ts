/**
 * The lending envelope (issue 14 §3), by bisection on the bank projection
 * (a projection takes well under a millisecond, so some forty per year are
 * cheap; the limits are monotone in the amount lent in practice, which
 * bisection needs):
 *
 * - envelope: year by year through the window, the largest generic
 *   commitment on top of the named pipeline such that every limit holds in
 *   every year of the horizon, given the years before (and nothing after);
 * - sustainableAnnual: the largest constant annual commitment A, in the
 *   generic mix, over the whole window (A funds everything: the named
 *   pipeline is not added on top), with every limit holding every year.
 *
 * The binding limit of each answer is the worst limit broken just above it.
 */
import { bankRows } from '../bank/rows.js';
import { capitalSettings } from '../capital/settings.js';
import { callableCapital } from '../capital/usable.js';
import type { RunContext } from '../context.js';
import { addCommitment, aggregate, clonePortfolio, emptyPortfolio, expectedLossRates, type Commitment, type PortfolioFlows } from '../portfolio.js';
import type { CapacityResults, EnvelopeYear } from '../results.js';
import { genericCommitments, genericShapes, type GenericShape } from './generic.js';
import { projectOn, worstBreach, type Breach } from './limits.js';
import { capacityWindow } from './window.js';

/** Relative precision of the bisection. */
export const BISECTION_PRECISION = 1e-5;
/** Upper bound of the search: this many times the capital contributed over the horizon. */
const SEARCH_CEILING = 50;

export interface Bisection {
  readonly amount: number;
  readonly binding: Breach | null;
}

/**
 * Largest x in [0, ceiling] with feasible(x) (null: breaks a limit), assuming
 * feasible(0). The binding limit is the breach found just above the answer.
 */
export function bisect(breachAt: (x: number) => Breach | null, ceiling: number): Bisection {
  const atZero = breachAt(0);
  if (atZero !== null) return { amount: 0, binding: atZero };
  let lo = 0;
  let hi = Math.max(1, ceiling / 1024);
  let binding = breachAt(hi);
  while (binding === null && hi < ceiling) {
    lo = hi;
    hi = Math.min(ceiling, hi * 2);
    binding = breachAt(hi);
  }
  if (binding === null) return { amount: hi, binding: null };
  while (hi - lo > BISECTION_PRECISION * Math.max(1, hi)) {
    const mid = (lo + hi) / 2;
    const b = breachAt(mid);
    if (b === null) lo = mid;
    else {
      hi = mid;
      binding = b;
    }
  }
  return { amount: lo, binding };
}

export interface CapacityInput {
  readonly ctx: RunContext;
  /** The named pipeline: the run's funded commitments. */
  readonly named: readonly Commitment[];
  readonly largestProjectExposure: Float64Array;
}

function withGeneric(base: PortfolioFlows, ctx: RunContext, shapes: readonly GenericShape[], year: number, amount: number): PortfolioFlows {
  const p = clonePortfolio(base);
  const el = expectedLossRates(ctx.scenario.credit);
  for (const c of genericCommitments(shapes, year, amount)) addCommitment(p, c, ctx.years, el);
  return p;
}

/** The breach of `portfolio`, or null. */
function breachOf(ctx: RunContext, portfolio: PortfolioFlows): Breach | null {
  return worstBreach(ctx, portfolio, projectOn(ctx, portfolio));
}

function searchCeiling(ctx: RunContext): number {
  let capital = ctx.funding.openingPaidIn;
  for (const x of ctx.funding.paidIn) capital += x;
  for (const x of ctx.funding.levy) capital += x;
  return SEARCH_CEILING * Math.max(capital, 1);
}

/** Generic amounts by year of the window that make the envelope; with its rows. */
export function lendingEnvelope(input: CapacityInput): { rows: EnvelopeYear[]; portfolio: PortfolioFlows; generic: Commitment[] } {
  const { ctx, named } = input;
  const s = ctx.scenario;
  const window = capacityWindow(s);
  const shapes = genericShapes(s, named);
  const el = expectedLossRates(s.credit);
  let path = aggregate(named, ctx.years, el);
  const rows: EnvelopeYear[] = [];
  const generic: Commitment[] = [];
  const ceiling = searchCeiling(ctx);
  for (let year = window.firstYear; year <= window.lastYear; year++) {
    const namedAmount = named.filter((c) => c.year === year).reduce((a, c) => a + c.amount, 0);
    const base = path;
    const found = shapes.length === 0 ? { amount: 0, binding: breachOf(ctx, base) } : bisect((x) => breachOf(ctx, withGeneric(base, ctx, shapes, year, x)), ceiling);
    path = withGeneric(base, ctx, shapes, year, found.amount);
    generic.push(...genericCommitments(shapes, year, found.amount));
    rows.push({
      year,
      commitments: namedAmount + found.amount,
      named: namedAmount,
      generic: found.amount,
      bindingLimit: found.binding?.limit ?? null,
      bindingYear: found.binding?.year ?? null,
    });
  }
  return { rows, portfolio: path, generic };
}

/** The largest constant annual commitment over the window, in the generic mix. */
export function sustainableAnnual(input: CapacityInput): Bisection {
  const { ctx, named } = input;
  const window = capacityWindow(ctx.scenario);
  const shapes = genericShapes(ctx.scenario, named);
  if (shapes.length === 0) return { amount: 0, binding: null };
  const el = expectedLossRates(ctx.scenario.credit);
  const empty = emptyPortfolio(ctx.years);
  return bisect((x) => {
    const p = clonePortfolio(empty);
    for (let y = window.firstYear; y <= window.lastYear; y++) for (const c of genericCommitments(shapes, y, x)) addCommitment(p, c, ctx.years, el);
    return breachOf(ctx, p);
  }, searchCeiling(ctx));
}

export function capacityResults(input: CapacityInput): CapacityResults {
  const { ctx } = input;
  const window = capacityWindow(ctx.scenario);
  const env = lendingEnvelope(input);
  const sustainable = sustainableAnnual(input);
  const projection = projectOn(ctx, env.portfolio);
  const settings = capitalSettings(ctx.scenario);
  const bank = bankRows(ctx.years, env.portfolio, projection, {
    equityToLoansFloor: ctx.scenario.policy.equityToLoansFloor,
    paidIn: ctx.funding.paidIn,
    levy: ctx.funding.levy,
    largestProjectExposure: input.largestProjectExposure,
    callable: callableCapital(ctx.funding, settings),
    levyCountsAsCapital: settings.levyCountsAsCapital,
  });
  return {
    firstYear: window.firstYear,
    lastYear: window.lastYear,
    method: 'bisection',
    envelope: env.rows,
    sustainableAnnual: { amount: sustainable.amount, bindingLimit: sustainable.binding?.limit ?? null, bindingYear: sustainable.binding?.year ?? null },
    bank,
  };
}
