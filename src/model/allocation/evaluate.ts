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
import { projectBank, type BankProjection } from '../bank/project.js';
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
  /**
   * Commitment year → the single-project cap its commitments' amounts were read under (every
   * amount is min(maxAmount, cap)); NaN when unknown. The incremental evaluator starts from it.
   */
  readonly caps: ReadonlyMap<number, number>;
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

/** The bank projected with `portfolio` (the model's policy, computed once per model). */
export function projectPortfolio(model: AllocationModel, portfolio: PortfolioFlows): BankProjection {
  const { ctx } = model;
  return projectBank({ years: ctx.years, openingPaidIn: ctx.funding.openingPaidIn, openingLevy: ctx.funding.openingLevy, paidIn: ctx.funding.paidIn, levy: ctx.funding.levy, portfolio }, model.policy);
}

function project(model: AllocationModel, commitments: readonly Commitment[]): { portfolio: PortfolioFlows; projection: BankProjection } {
  const portfolio = aggregate(commitments, model.ctx.years, model.elRates);
  return { portfolio, projection: projectPortfolio(model, portfolio) };
}

/**
 * The fixed point on the amounts, shared by `evaluate` and the incremental
 * evaluator (incremental.ts): starting from `guess`, `reassign` re-reads the
 * amounts off the reference projection and says whether any moved (always
 * true on the first pass); if so, `reproject` projects the bank with them and
 * that projection becomes the reference. Equity at the end of y − 1 depends
 * only on commitments before y, so this settles in at most one pass per
 * distinct commitment year, plus one to confirm. Returns the last projection
 * made (null when none was).
 */
export function settleAmounts(
  guess: BankProjection,
  distinctYears: number,
  reassign: (reference: BankProjection, first: boolean) => boolean,
  reproject: () => BankProjection,
): BankProjection | null {
  let reference = guess;
  let projection: BankProjection | null = null;
  for (let pass = 0; pass <= distinctYears + 1; pass++) {
    if (!reassign(reference, projection === null)) break;
    projection = reproject();
    reference = projection;
  }
  return projection;
}

/** Relative tolerance under which a re-read amount counts as unchanged. */
export function amountMoved(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9 * Math.max(1, a);
}

/**
 * The violation assembly shared with the incremental evaluator: the bank limits read off the
 * projection, then the single-project and nothing-to-commit violations (in commitment order),
 * the total breach and the share limits.
 */
export function assembleViolations(
  model: AllocationModel,
  projection: BankProjection,
  portfolio: PortfolioFlows,
  totals: CommitmentTotals,
  single: readonly Violation[],
  zero: readonly Violation[],
): Pick<Evaluation, 'hard' | 'share' | 'breach'> {
  const bank = scanBankLimits(model.ctx, projection, portfolio);
  const hard = [...bank.violations, ...single, ...zero];
  const breach = bank.total + single.reduce((s, v) => s + v.amount, 0) + zero.reduce((s, v) => s + v.amount, 0);
  return { hard, share: shareLimitViolationsOf(model.ctx, totals), breach };
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
  let commitments: Commitment[] = [];
  let assignedFrom: BankProjection | null = null;
  let result: { portfolio: PortfolioFlows; projection: BankProjection } | null = null;
  settleAmounts(
    guess ?? project(model, []).projection,
    new Set(placements.map((p) => p.year)).size,
    (reference, first) => {
      const amounts = chosen.map(({ pl, e }) => amountAt(model, e, pl.year, reference));
      if (!first && !amounts.some((a, k) => amountMoved(a, commitments[k]!.amount))) return false;
      commitments = chosen.map(({ pl, e }, k) => ({ project: e.project, financing: e.financing, year: pl.year, amount: amounts[k]! }));
      assignedFrom = reference;
      return true;
    },
    () => {
      result = project(model, commitments);
      return result.projection;
    },
  );
  const { portfolio, projection } = result ?? project(model, commitments);
  const totals = commitmentTotals(commitments);
  const caps = new Map<number, number>();
  for (const pl of placements) caps.set(pl.year, assignedFrom === null ? Number.NaN : capAt(model, pl.year, assignedFrom));
  const violations = assembleViolations(model, projection, portfolio, totals, singleProjectViolations(model.ctx, projection, commitments), zeroAmounts(model, commitments, projection));
  return { placements, commitments, portfolio, projection, totals, ...violations, caps };
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
