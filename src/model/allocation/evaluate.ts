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
import { aggregate, commitmentTotals, type Commitment, type CommitmentTotals, type PortfolioFlows } from '../portfolio.js';
import { openingEquity, scanBankLimits, shareLimitViolationsOf, singleProjectViolations, type Violation } from './limits.js';
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
  /** Committed amounts in total, by member and by sector (what the share limits read). */
  readonly totals: CommitmentTotals;
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

/** The single-project cap on a commitment in `year`, read off `projection` (the equity at the end of the year before). */
export function capAt(model: AllocationModel, year: number, projection: BankProjection | null): number {
  return model.ctx.scenario.policy.singleProjectLimit * equityBefore(model, projection, year);
}

/** The amount of `e` under a single-project cap `cap`. */
export function amountUnder(e: Eligible, cap: number): number {
  return Math.max(0, Math.min(e.maxAmount, cap));
}

export function amountAt(model: AllocationModel, e: Eligible, year: number, projection: BankProjection | null): number {
  return amountUnder(e, capAt(model, year, projection));
}

/**
 * The projection the amounts of an evaluation's commitments were read from (every
 * commitment's amount is `amountAt(…, that projection)`); null when it has none.
 * The incremental evaluator (incremental.ts) starts from it.
 */
const amountsFrom = new WeakMap<Evaluation, BankProjection | null>();

export function amountsReference(e: Evaluation): BankProjection | null | undefined {
  return amountsFrom.get(e);
}

export function recordAmountsReference(e: Evaluation, projection: BankProjection | null): void {
  amountsFrom.set(e, projection);
}

function project(model: AllocationModel, commitments: readonly Commitment[]): { portfolio: PortfolioFlows; projection: BankProjection } {
  const { ctx } = model;
  const portfolio = aggregate(commitments, ctx.years, model.elRates);
  const projection = projectBank(
    { years: ctx.years, openingPaidIn: ctx.funding.openingPaidIn, openingLevy: ctx.funding.openingLevy, paidIn: ctx.funding.paidIn, levy: ctx.funding.levy, portfolio },
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
  let assignedFrom: BankProjection | null = null;
  let result: { portfolio: PortfolioFlows; projection: BankProjection } | null = null;
  const distinctYears = new Set(placements.map((p) => p.year)).size;
  for (let pass = 0; pass <= distinctYears + 1; pass++) {
    const amounts = chosen.map(({ pl, e }) => amountAt(model, e, pl.year, reference));
    const changed =
      result === null || amounts.some((a, k) => Math.abs(a - commitments[k]!.amount) > 1e-9 * Math.max(1, a));
    if (!changed) break;
    commitments = chosen.map(({ pl, e }, k) => ({ project: e.project, financing: e.financing, year: pl.year, amount: amounts[k]! }));
    assignedFrom = reference;
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
  const totals = commitmentTotals(commitments);
  const ev: Evaluation = { placements, commitments, portfolio, projection, totals, hard, share: shareLimitViolationsOf(model.ctx, totals), breach };
  recordAmountsReference(ev, assignedFrom);
  return ev;
}

/** A commitment whose amount resolves to nothing: the single-project limit leaves no room (no equity yet). */
function zeroAmounts(model: AllocationModel, commitments: readonly Commitment[], projection: BankProjection): Violation[] {
  const out: Violation[] = [];
  for (const c of commitments) {
    const v = zeroAmountViolation(model, c, projection);
    if (v) out.push(v);
  }
  return out;
}

/** The violation of a commitment whose amount resolves to nothing, or null. */
export function zeroAmountViolation(model: AllocationModel, c: Commitment, projection: BankProjection): Violation | null {
  if (c.amount > 0) return null;
  const e = model.byId.get(c.project.id)!;
  return {
    limit: 'single-project',
    year: c.year,
    amount: e.maxAmount,
    reference: model.ctx.scenario.policy.singleProjectLimit * openingEquity(projection, c.year),
    projectId: c.project.id,
    detail: `${c.project.id}: the single-project limit leaves nothing to commit in ${c.year} (equity at the end of ${c.year - 1} is ${Math.round(openingEquity(projection, c.year))})`,
  };
}
