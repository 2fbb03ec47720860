/**
 * The bank projection's vocabulary: the policy numbers it reads, its inputs,
 * the shocks it accepts, the series it returns and the reusable arrays that
 * hold them. The year loop itself is in project.ts.
 */
import type { Scenario } from '../../schema/scenario.js';
import { capitalSettings, type CapitalSettings } from '../capital/settings.js';
import type { Calendar } from '../context.js';
import type { PortfolioFlows } from '../portfolio.js';
import { trancheRemaining } from './borrowing.js';

export interface BankPolicy {
  /** Write off the expected loss each year (see above); absent = no. */
  readonly expectedLossCharge?: boolean;
  readonly treasuryYield: number;
  readonly borrowing: Scenario['funding']['borrowing'];
  readonly operatingExpenses: Scenario['funding']['operatingExpenses'];
  readonly liquidityMonths: number;
  /** Risk weights and the capital rule; absent: no risk-weighted assets (synthetic runs). */
  readonly capital?: CapitalSettings;
}

export function bankPolicy(scenario: Scenario): BankPolicy {
  return {
    expectedLossCharge: (scenario.credit.centralCase ?? 'expected-loss') === 'expected-loss',
    treasuryYield: scenario.funding.treasuryYield,
    borrowing: scenario.funding.borrowing,
    operatingExpenses: scenario.funding.operatingExpenses,
    liquidityMonths: scenario.policy.liquidityMonths,
    capital: capitalSettings(scenario),
  };
}

export interface BankInputs {
  readonly years: Calendar;
  /** Capital received before the horizon (paid-in and levy): the opening cash and equity. */
  readonly openingPaidIn: number;
  /** The levy part of `openingPaidIn` (default 0). */
  readonly openingLevy?: number;
  /** Per year (length count + 1). */
  readonly paidIn: Float64Array;
  readonly levy: Float64Array;
  readonly portfolio: PortfolioFlows;
}

/**
 * Shocks on the bank's own borrowing, applied inside the projection because
 * they depend on what it issues (stress tests and Monte Carlo paths).
 */
export interface ProjectionShocks {
  /**
   * Added to the coupon of the bonds issued at the end of year index i (length ≥
   * `years.count`). Interest expense is then Σ over tranches of coupon × opening
   * balance; the liquidity buffer uses the coupon of the year's own issue.
   */
  readonly issueRateShift?: Float64Array;
  /**
   * Peg exit at the start of year index `yearIndex`: the foreign-currency share of
   * every bond then outstanding is worth `factor` (= 1 / (1 − devaluation)) times
   * its FCFA value before; the whole revaluation, factor − 1 times that share of
   * the opening borrowings, is a loss of that year (`fxLoss`), and the tranches'
   * later interest and principal are paid on the revalued amounts. Bonds issued
   * afterwards carry no further currency loss.
   */
  readonly fx?: { readonly yearIndex: number; readonly foreignShare: number; readonly factor: number };
  /** Market closure: no bond is issued at the end of year index i when `issuanceClosed[i]` is 1 (cash may then fall below the buffer, or below zero). */
  readonly issuanceClosed?: Uint8Array;
  /** Arrays to reuse (Monte Carlo: one per thread); the projection returned lives in them until the next call. */
  readonly scratch?: ProjectionScratch;
}

const PROJECTION_SERIES = [
  'cash',
  'borrowings',
  'borrowingRaised',
  'borrowingRepaid',
  'interestExpense',
  'treasuryIncome',
  'operatingExpenses',
  'provisions',
  'allowance',
  'equityIncome',
  'netIncome',
  'paidInCapital',
  'levyContributions',
  'creditCharge',
  'retainedEarnings',
  'equity',
  'buffer',
  'nextNetOutflows',
  'riskWeightedAssets',
  'adjustedEquity',
  'fxLoss',
] as const;

/** Preallocated series for a shocked projection of `n` years. */
export class ProjectionScratch {
  readonly series: Readonly<Record<(typeof PROJECTION_SERIES)[number], Float64Array>>;
  readonly raised: Float64Array;
  readonly coupon: Float64Array;
  readonly fixed: Float64Array;
  private remainingOf: { readonly borrowing: BankPolicy['borrowing']; readonly remaining: Float64Array } | null = null;
  /** `trancheRemaining` of the policy's bonds, computed once per policy. */
  remaining(borrowing: BankPolicy['borrowing']): Float64Array {
    if (this.remainingOf === null || this.remainingOf.borrowing !== borrowing) this.remainingOf = { borrowing, remaining: trancheRemaining(borrowing) };
    return this.remainingOf.remaining;
  }
  constructor(readonly n: number) {
    this.series = Object.fromEntries(PROJECTION_SERIES.map((k) => [k, new Float64Array(n)])) as ProjectionScratch['series'];
    this.raised = new Float64Array(n);
    this.coupon = new Float64Array(n);
    this.fixed = new Float64Array(n + 1);
  }
}

/** Every series has one entry per projected year (length `years.count`). */
export interface BankProjection {
  readonly years: Calendar;
  readonly openingPaidIn: number;
  readonly cash: Float64Array;
  readonly borrowings: Float64Array;
  readonly borrowingRaised: Float64Array;
  readonly borrowingRepaid: Float64Array;
  readonly interestExpense: Float64Array;
  readonly treasuryIncome: Float64Array;
  readonly operatingExpenses: Float64Array;
  readonly provisions: Float64Array;
  /** Positive amount; shown negative (contra-asset) in the balance sheet rows. */
  readonly allowance: Float64Array;
  readonly equityIncome: Float64Array;
  readonly netIncome: Float64Array;
  /** Paid-in subscriptions received, and nothing else. */
  readonly paidInCapital: Float64Array;
  /** Cumulative levy transferred into equity. */
  readonly levyContributions: Float64Array;
  /** Expected loss written off in the year (0 with `credit.centralCase: none`). */
  readonly creditCharge: Float64Array;
  readonly retainedEarnings: Float64Array;
  readonly equity: Float64Array;
  /** Liquidity buffer the policy requires at year end. */
  readonly buffer: Float64Array;
  /** Next year's net outflows as defined above (may be negative). */
  readonly nextNetOutflows: Float64Array;
  /**
   * S&P-style risk-weighted assets: the portfolio's Σ weight × exposure times the
   * single-name concentration factor, plus the treasury weight × cash (capital/ratio.ts).
   */
  readonly riskWeightedAssets: Float64Array;
  /** The risk-adjusted capital ratio's numerator (capital/ratio.ts). */
  readonly adjustedEquity: Float64Array;
  /** Revaluation loss on foreign-currency borrowings (present only when `shocks.fx` is given). */
  readonly fxLoss?: Float64Array;
}
