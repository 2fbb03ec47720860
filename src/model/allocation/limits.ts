/**
 * The bank's limits, read off a projection: which are broken, where, and by
 * how much. One function serves the greedy fill, the repair of a MILP
 * solution, the reasons given for unfunded projects and the final invariant
 * check, so they cannot disagree about what "respects every limit" means.
 *
 * Amounts by which a limit is exceeded are in millions of FCFA:
 * - capacity: liquidity buffer − cash at year end (cash below its buffer or
 *   below zero), or borrowings − maxGearing × equity;
 * - equity-to-loans: floor × (loans + equity investments) − equity;
 * - country-exposure: member exposure − limit × equity;
 * - single-project: approved − singleProjectLimit × equity at the end of the
 *   year before commitment;
 * - fair-return: member commitments − (capital share + band) × total, or
 *   (capital share − band) × total − member commitments;
 * - sector-cap: sector commitments − cap × total.
 * The share limits (fair-return, sector caps) apply to the final portfolio
 * and only once something is committed: an empty portfolio respects them.
 */
import { MEMBER_CODES, type MemberCode, type Sector } from '../../schema/codes.js';
import type { FundingLimit } from '../results.js';
import type { BankProjection } from '../bank/project.js';
import type { RunContext } from '../context.js';
import { commitmentTotals, type Commitment, type CommitmentTotals, type PortfolioFlows } from '../portfolio.js';

export interface Violation {
  readonly limit: FundingLimit;
  /** Calendar year where the gap is largest (null for portfolio-wide limits). */
  readonly year: number | null;
  /** How much the limit is exceeded by, millions FCFA (> 0). */
  readonly amount: number;
  /** The limit's own value there (buffer, required equity, cap …), for relative sizes and messages. */
  readonly reference: number;
  readonly member?: MemberCode;
  readonly sector?: Sector;
  readonly projectId?: string;
  /** The same gap in ratio points, for ratio limits (equity-to-loans, fair-return). */
  readonly points?: number;
  /** Which side of the limit: cash under its buffer or debt over gearing (capacity); over or under a share band. */
  readonly aspect?: 'liquidity' | 'gearing' | 'over' | 'under';
  readonly detail: string;
}

/** Relative tolerance on limit comparisons (millions FCFA scale). */
export const LIMIT_TOLERANCE = 1e-6;

const tol = (scale: number): number => LIMIT_TOLERANCE * Math.max(1, Math.abs(scale));

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Equity at the end of the year before `year` (opening equity of `year`). */
export function openingEquity(projection: BankProjection, year: number): number {
  const i = year - projection.years.start - 1;
  if (i < 0) return projection.openingPaidIn;
  return projection.equity[Math.min(i, projection.equity.length - 1)]!;
}

/** Keeps, per kind of limit (and member or sector), the worst year only. */
function worstOf(violations: Violation[]): Violation[] {
  const best = new Map<string, Violation>();
  for (const v of violations) {
    const key = `${v.limit}|${v.member ?? ''}|${v.sector ?? ''}|${v.projectId ?? ''}|${v.aspect ?? ''}`;
    const prev = best.get(key);
    if (!prev || v.amount > prev.amount) best.set(key, v);
  }
  return [...best.values()];
}

export function bankLimitViolations(ctx: RunContext, projection: BankProjection, portfolio: PortfolioFlows): Violation[] {
  return worstOf(bankLimitGaps(ctx, projection, portfolio));
}

/**
 * The bank limits broken (worst year of each) and the sum of every gap over
 * all years (0 when they hold), millions FCFA.
 */
export function scanBankLimits(
  ctx: RunContext,
  projection: BankProjection,
  portfolio: PortfolioFlows,
): { readonly violations: Violation[]; readonly total: number } {
  const gaps = bankLimitGaps(ctx, projection, portfolio);
  return { violations: worstOf(gaps), total: gaps.reduce((s, v) => s + v.amount, 0) };
}

/** Every year's gap, not only the worst year of each limit. */
function bankLimitGaps(ctx: RunContext, projection: BankProjection, portfolio: PortfolioFlows): Violation[] {
  const policy = ctx.scenario.policy;
  const gearing = ctx.scenario.funding.borrowing.maxGearing;
  const found: Violation[] = [];
  for (let i = 0; i < ctx.years.count; i++) {
    const year = ctx.years.start + i;
    const cash = projection.cash[i]!;
    const buffer = projection.buffer[i]!;
    const equity = projection.equity[i]!;
    const b = projection.borrowings[i]!;
    if (buffer - cash > tol(Math.max(buffer, Math.abs(cash)))) {
      found.push({
        limit: 'capacity',
        year,
        amount: buffer - cash,
        reference: buffer,
        aspect: 'liquidity',
        detail: `cash ${fmt(cash)} is ${fmt(buffer - cash)} below the liquidity buffer of ${fmt(buffer)} at the end of ${year}`,
      });
    }
    if (b > 0 && b - gearing * equity > tol(b)) {
      found.push({
        limit: 'capacity',
        year,
        amount: b - gearing * equity,
        reference: gearing * equity,
        aspect: 'gearing',
        detail: `gearing: borrowings ${fmt(b)} exceed ${gearing} × equity (${fmt(gearing * equity)}) at the end of ${year}`,
      });
    }
    const exposure = portfolio.loans[i]! + portfolio.equityHeld[i]!;
    const required = policy.equityToLoansFloor * exposure;
    if (exposure > 0 && required - equity > tol(required)) {
      found.push({
        limit: 'equity-to-loans',
        year,
        amount: required - equity,
        reference: required,
        points: policy.equityToLoansFloor - equity / exposure,
        detail: `equity ${fmt(equity)} is ${fmt(required - equity)} short of ${policy.equityToLoansFloor} × loans and equity investments (${fmt(exposure)}) at the end of ${year}`,
      });
    }
    for (const m of MEMBER_CODES) {
      const e = portfolio.memberExposure[m][i]!;
      const cap = policy.countryExposureLimit * equity;
      if (e > 0 && e - cap > tol(e)) {
        found.push({
          limit: 'country-exposure',
          year,
          amount: e - cap,
          reference: cap,
          member: m,
          detail: `${m} exposure ${fmt(e)} exceeds ${policy.countryExposureLimit} × equity (${fmt(cap)}) by ${fmt(e - cap)} at the end of ${year}`,
        });
      }
    }
  }
  return found;
}

export function singleProjectViolations(ctx: RunContext, projection: BankProjection, commitments: readonly Commitment[]): Violation[] {
  const found: Violation[] = [];
  for (const c of commitments) {
    const v = singleProjectViolation(ctx, projection, c);
    if (v) found.push(v);
  }
  return found;
}

/** The single-project limit broken by one commitment, or null. */
export function singleProjectViolation(ctx: RunContext, projection: BankProjection, c: Commitment): Violation | null {
  const limit = ctx.scenario.policy.singleProjectLimit;
  const cap = limit * openingEquity(projection, c.year);
  if (!(c.amount - cap > tol(c.amount))) return null;
  return {
    limit: 'single-project',
    year: c.year,
    amount: c.amount - cap,
    reference: cap,
    projectId: c.project.id,
    detail: `${c.project.id}: ${fmt(c.amount)} exceeds ${limit} × equity at the end of ${c.year - 1} (${fmt(cap)})`,
  };
}

export function shareLimitViolations(ctx: RunContext, commitments: readonly Commitment[]): Violation[] {
  return shareLimitViolationsOf(ctx, commitmentTotals(commitments));
}

/** `shareLimitViolations` from the portfolio's commitment totals (kept incrementally by the greedy fill). */
export function shareLimitViolationsOf(ctx: RunContext, totals: CommitmentTotals): Violation[] {
  const policy = ctx.scenario.policy;
  const T = totals.total;
  const found: Violation[] = [];
  if (!(T > 0)) return found;
  const shares = ctx.capitalShares;
  if (shares) {
    for (const m of MEMBER_CODES) {
      const cm = totals.byMember[m];
      const hi = (shares[m] + policy.fairReturnBand) * T;
      const lo = (shares[m] - policy.fairReturnBand) * T;
      if (cm - hi > tol(T)) {
        found.push({
          limit: 'fair-return',
          year: null,
          amount: cm - hi,
          reference: hi,
          member: m,
          aspect: 'over',
          points: cm / T - (shares[m] + policy.fairReturnBand),
          detail: `${m} would receive ${pct(cm / T)} of commitments, above its capital share ${pct(shares[m])} + ${pct(policy.fairReturnBand)} (over by ${fmt(cm - hi)})`,
        });
      }
      if (lo - cm > tol(T)) {
        found.push({
          limit: 'fair-return',
          year: null,
          amount: lo - cm,
          reference: lo,
          member: m,
          aspect: 'under',
          points: shares[m] - policy.fairReturnBand - cm / T,
          detail: `${m} would receive ${pct(cm / T)} of commitments, below its capital share ${pct(shares[m])} − ${pct(policy.fairReturnBand)} (short by ${fmt(lo - cm)})`,
        });
      }
    }
  }
  for (const [sector, cap] of Object.entries(policy.sectorCaps) as [Sector, number | undefined][]) {
    if (cap === undefined) continue;
    const cs = totals.bySector.get(sector) ?? 0;
    if (cs - cap * T > tol(T)) {
      found.push({
        limit: 'sector-cap',
        year: null,
        amount: cs - cap * T,
        reference: cap * T,
        sector,
        aspect: 'over',
        detail: `${sector} would take ${pct(cs / T)} of commitments, above its cap of ${pct(cap)} (over by ${fmt(cs - cap * T)})`,
      });
    }
  }
  return found;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}
