/**
 * The oracle: given where each chosen project is committed, resolve the
 * amounts, project the bank and list every limit broken.
 *
 * Amounts depend on the equity at the end of the year before commitment
 * (single-project limit), and equity depends on the portfolio. Equity at the
 * end of y−1 only depends on commitments made before y, so the system is
 * triangular: starting from a guess, recomputing amounts from the projected
 * equity and re-projecting settles year by year, in at most one pass per
 * distinct commitment year (usually one or two).
 */
import { bankPolicy, projectBank, type BankProjection } from '../bank/project.js';
import { aggregate, type Commitment, type PortfolioFlows } from '../portfolio.js';
import { openingEquity, scanBankLimits, shareLimitViolations, singleProjectViolations, type Violation } from './limits.js';
import type { AllocationModel, Eligible } from './model.js';

export interface Placement {
  readonly projectId: string;
  readonly year: number;
}

export interface Evaluation {
  readonly placements: readonly Placement[];
  readonly commitments: readonly Commitment[];
  readonly portfolio: PortfolioFlows;
  readonly projection: BankProjection;
  /** Capacity, equity-to-loans, country exposure, single project. */
  readonly hard: readonly Violation[];
  /** Fair-return band and sector caps (final-portfolio limits). */
  readonly share: readonly Violation[];
  /** Σ of the bank-limit gaps over all years, millions FCFA (0 when `hard` is empty). */
  readonly breach: number;
}

export function isFeasible(e: Evaluation): boolean {
  return e.hard.length === 0 && e.share.length === 0;
}

/** Equity at the end of the year before `year`, from a projection or, before any, the opening paid-in capital. */
function equityBefore(model: AllocationModel, projection: BankProjection | null, year: number): number {
  if (projection) return openingEquity(projection, year);
  return model.ctx.funding.openingPaidIn;
}

export function amountAt(model: AllocationModel, e: Eligible, year: number, projection: BankProjection | null): number {
  const cap = model.ctx.scenario.policy.singleProjectLimit * equityBefore(model, projection, year);
  return Math.max(0, Math.min(e.maxAmount, cap));
}

function project(model: AllocationModel, commitments: readonly Commitment[]): { portfolio: PortfolioFlows; projection: BankProjection } {
  const { ctx } = model;
  const portfolio = aggregate(commitments, ctx.years, model.elRates);
  const projection = projectBank(
    { years: ctx.years, openingPaidIn: ctx.funding.openingPaidIn, paidIn: ctx.funding.paidIn, levy: ctx.funding.levy, portfolio },
    bankPolicy(ctx.scenario),
  );
  return { portfolio, projection };
}

/**
 * Resolves amounts and projects. `guess` is a projection whose equity seeds
 * the amounts (e.g. the previous evaluation); without it, the empty
 * portfolio's projection is used.
 */
export function evaluate(model: AllocationModel, placements: readonly Placement[], guess?: BankProjection): Evaluation {
  const chosen = placements.map((pl) => {
    const e = model.byId.get(pl.projectId);
    if (!e) throw new RangeError(`project ${pl.projectId} is not eligible for allocation`);
    return { pl, e };
  });
  let reference: BankProjection = guess ?? project(model, []).projection;
  let commitments: Commitment[] = [];
  let result: { portfolio: PortfolioFlows; projection: BankProjection } | null = null;
  const distinctYears = new Set(placements.map((p) => p.year)).size;
  for (let pass = 0; pass <= distinctYears + 1; pass++) {
    const amounts = chosen.map(({ pl, e }) => amountAt(model, e, pl.year, reference));
    const changed =
      result === null || amounts.some((a, k) => Math.abs(a - commitments[k]!.amount) > 1e-9 * Math.max(1, a));
    if (!changed) break;
    commitments = chosen.map(({ pl, e }, k) => ({ project: e.project, financing: e.financing, year: pl.year, amount: amounts[k]! }));
    result = project(model, commitments);
    reference = result.projection;
  }
  const { portfolio, projection } = result ?? project(model, commitments);
  const bank = scanBankLimits(model.ctx, projection, portfolio);
  const hard = [
    ...bank.violations,
    ...singleProjectViolations(model.ctx, projection, commitments),
    ...zeroAmounts(model, commitments, projection),
  ];
  const breach = bank.total + hard.filter((v) => v.limit === 'single-project').reduce((s, v) => s + v.amount, 0);
  return { placements, commitments, portfolio, projection, hard, share: shareLimitViolations(model.ctx, commitments), breach };
}

/** A commitment whose amount resolves to nothing: the single-project limit leaves no room (no equity yet). */
function zeroAmounts(model: AllocationModel, commitments: readonly Commitment[], projection: BankProjection): Violation[] {
  const out: Violation[] = [];
  for (const c of commitments) {
    if (c.amount > 0) continue;
    const e = model.byId.get(c.project.id)!;
    out.push({
      limit: 'single-project',
      year: c.year,
      amount: e.maxAmount,
      reference: model.ctx.scenario.policy.singleProjectLimit * openingEquity(projection, c.year),
      projectId: c.project.id,
      detail: `${c.project.id}: the single-project limit leaves nothing to commit in ${c.year} (equity at the end of ${c.year - 1} is ${Math.round(openingEquity(projection, c.year))})`,
    });
  }
  return out;
}
