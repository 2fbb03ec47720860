import type { CapitalBand } from './capital/ratio.js';
import type { Instrument, MemberCode, Sector, DebtCapacity } from '../schema/codes.js';
import type { NamedScenario } from '../schema/scenario.js';
import type { BcidDebtClass } from '../schema/member-debt.js';
import type { PricingRow } from './pricing/pricing.js';
import type { DebtIndicator, IndicatorValues } from './members/thresholds.js';

/**
 * What `bcid run` computes: the contract between the model core and the
 * report layer, serialised as reports/<scenario>/results.json.
 * Amounts in millions of FCFA; ratios as decimals.
 */

export type FundingLimit =
  | 'readiness'
  | 'excluded'
  | 'single-project'
  | 'capacity'
  | 'equity-to-loans'
  | 'country-exposure'
  | 'fair-return'
  | 'sector-cap'
  | 'horizon'
  | 'score'
  /** Economic return (EIRR after the cost uplift) below appraisal.minEirr. */
  | 'below-hurdle'
  /** A non-sovereign loan sized down to what the project's own cash flow can service. */
  | 'debt-capacity';

export interface AllocationRow {
  readonly projectId: string;
  readonly name: string;
  readonly countries: readonly { readonly member: MemberCode; readonly share: number }[];
  readonly sector: Sector;
  readonly instrument: Instrument;
  /** Composite score, 0–1. */
  readonly score: number;
  /** Financial-economic index, 0–1 (x axis of the IPF quadrant). */
  readonly financialEconomicIndex: number;
  /** Social-environmental-integration index, 0–1 (y axis). */
  readonly socialIntegrationIndex: number;
  /** NPV of the economic flows at the scenario discount rate, millions FCFA. */
  readonly npv: number;
  /** Project cost after the reference-class uplift, millions FCFA. */
  readonly cost: number;
  readonly requested: number;
  /** requested × the reference-class cost uplift: what the bank would have to commit. */
  readonly upliftedRequest: number;
  readonly approved: number;
  readonly commitmentYear: number | null;
  readonly funded: boolean;
  /** The binding limit for an unfunded or partly funded project; null when fully funded. */
  readonly reason: string | null;
  readonly bindingLimit: FundingLimit | null;
  /** By how much the limit would be exceeded, millions FCFA (or ratio points, per limit). */
  readonly shortfall: number | null;
  /** Commitment year at which the reason was tested (the project's best year), null when not year-specific. */
  readonly reasonYear: number | null;
  /**
   * Commitment years tried, ascending: every candidate year up to the latest feasible start for an
   * unfunded project (its reason is the limit broken in the last one), the candidate years up to
   * its commitment year for a funded one, none for a project filtered out before allocation.
   */
  readonly yearsTried: readonly number[];
  /** approved ÷ uplifted request (what the bank would have to commit), 0–1; 0 when unfunded. */
  readonly fundedShare: number;
  /** Funded loans: grant element at 5 % of the loan's own terms (src/model/pricing/); null otherwise. */
  readonly grantElement: number | null;
  /** Funded loans: grant element ≥ 35 %; null otherwise. */
  readonly concessional: boolean | null;
}

export interface BankYear {
  readonly year: number;
  readonly paidInReceived: number;
  readonly levyReceived: number;
  readonly borrowingRaised: number;
  readonly borrowingRepaid: number;
  /** Loan disbursements and equity investments paid out. */
  readonly disbursements: number;
  readonly principalRepaid: number;
  /** Interest, fees, dividends and exit proceeds received in cash. */
  readonly otherReflows: number;
  readonly interestIncome: number;
  readonly feeIncome: number;
  readonly treasuryIncome: number;
  /** Dividends and realised gains (or losses) on equity investments sold. */
  readonly equityIncome: number;
  readonly interestExpense: number;
  readonly operatingExpenses: number;
  readonly provisions: number;
  readonly writeOffs: number;
  readonly netIncome: number;
  readonly cash: number;
  readonly loansOutstanding: number;
  /** Contra-asset: ≤ 0. */
  readonly loanLossAllowance: number;
  readonly equityInvestments: number;
  readonly totalAssets: number;
  readonly borrowings: number;
  /** Paid-in subscriptions received, and nothing else. */
  readonly paidInCapital: number;
  /** Cumulative levy transferred into equity. */
  readonly levyContributions: number;
  readonly retainedEarnings: number;
  /** paidInCapital + levyContributions + retainedEarnings (checked every year). */
  readonly equity: number;
  /** Subscribed but not paid (memorandum item: not in equity). */
  readonly callableCapital: number;
  /**
   * Fitch's usable capital: equity (less the levy when the scenario does not count it)
   * + callable capital of shareholders rated AA− or better (none of the members is).
   */
  readonly usableCapital: number;
  /** Expected loss written off in the year (credit.centralCase: expected-loss); part of provisions. */
  readonly creditCharge: number;
  /** S&P-style risk-weighted assets (model/capital/ratio.ts). */
  readonly riskWeightedAssets: number;
  /** Adjusted equity / riskWeightedAssets; null without risk-weighted assets. */
  readonly riskAdjustedCapitalRatio: number | null;
  /** S&P capital-adequacy band of the ratio. */
  readonly capitalBand: CapitalBand | null;
  /** Equity / (gross loans + equity investments at cost); null without exposure. */
  readonly equityToLoans: number | null;
  /** Borrowings / equity. */
  readonly debtToEquity: number;
  /** Cash / (next year's net outflows / 12); null when next year's net outflows are ≤ 0. */
  readonly liquidityMonths: number | null;
  /** Equity / E-L floor − (loans + equity investments): lending room left under the floor. */
  readonly headroom: number;
  /** Liquidity buffer the policy requires at year end. */
  readonly liquidityBuffer: number;
  /** Floor × (loans + equity investments) / equity: 1 = at the E/L floor. */
  readonly capitalUtilisation: number;
  /** Largest member exposure / total exposure (loans + equity investments). */
  readonly largestCountryShare: number;
  readonly largestProjectShare: number;
  /** Loans in arrears / gross loans (0 in the deterministic run). */
  readonly nplRatio: number;
  /** Net income / equity at the start of the year. */
  readonly roe: number | null;
  /** Amounts committed (signed) in the year. */
  readonly commitments: number;
  /**
   * Loss on the revaluation of foreign-currency borrowings after a peg exit
   * (stress runs only; absent otherwise). Part of net income, not of cash.
   */
  readonly fxLoss?: number;
}

export interface MemberYearResult {
  readonly member: MemberCode;
  readonly year: number;
  readonly debtCapacity: DebtCapacity;
  /** Sovereign loans only (the member's own debt), cross-border loans split by country share. */
  readonly disbursed: number;
  readonly debtService: number;
  /** Debt service of non-sovereign loans to projects in the member (not public debt). */
  readonly nonSovereignDebtService: number;
  readonly outstanding: number;
  readonly revenue: number;
  readonly exports: number;
  readonly gdp: number;
  readonly debtServiceToRevenue: number;
  readonly debtServiceToExports: number;
  /** LIC-DSF thresholds for the member's debt-carrying capacity (decimals). */
  readonly thresholdRevenue: number;
  readonly thresholdExports: number;
  readonly breachesRevenue: boolean;
  readonly breachesExports: boolean;
  /** Grant element of the member's loans signed up to this year, amount-weighted. */
  readonly grantElement: number | null;
  /** How the member counts its BCID-AES loans (`members.bcidDebtIs`). */
  readonly bcidDebtIs: BcidDebtClass;
  /** BCID-AES loans at 5 %: PV of what is still to be paid, net of what is still to be drawn. */
  readonly bcidPresentValue: number;
  /** The member's whole public debt, with BCID-AES (face value). */
  readonly publicDebt: number;
  readonly externalDebt: number;
  readonly externalDebtService: number;
  readonly pvExternalDebt: number;
  /** The same without BCID-AES (the existing debt's path, src/model/members/debt-path.ts). */
  readonly publicDebtWithoutBcid: number;
  readonly externalDebtWithoutBcid: number;
  readonly externalDebtServiceWithoutBcid: number;
  readonly pvExternalDebtWithoutBcid: number;
  /** The six debt indicators with BCID-AES (decimals; PVs at 5 %). */
  readonly publicDebtToGdp: number;
  readonly pvPublicDebtToGdp: number;
  readonly pvExternalDebtToGdp: number;
  readonly pvExternalDebtToExports: number;
  readonly externalDebtServiceToExports: number;
  readonly externalDebtServiceToRevenue: number;
  /** The same without BCID-AES. */
  readonly publicDebtToGdpWithoutBcid: number;
  readonly pvPublicDebtToGdpWithoutBcid: number;
  readonly pvExternalDebtToGdpWithoutBcid: number;
  readonly pvExternalDebtToExportsWithoutBcid: number;
  readonly externalDebtServiceToExportsWithoutBcid: number;
  readonly externalDebtServiceToRevenueWithoutBcid: number;
  /** With − without, per indicator. */
  readonly increments: IndicatorValues;
  /** LIC-DSF thresholds for the member's capacity; WAEMU 70 % for publicDebtToGdp. */
  readonly thresholds: IndicatorValues;
  readonly breaches: IndicatorValues<boolean>;
  readonly breachesWithoutBcid: IndicatorValues<boolean>;
  /** The LIC-DSF indicator with the largest value / threshold, with BCID-AES, and that ratio. */
  readonly bindingIndicator: DebtIndicator;
  readonly bindingRatio: number;
}

export interface InvariantCheck {
  readonly name: string;
  readonly ok: boolean;
  /** Largest absolute gap found, millions FCFA (or ratio points). */
  readonly largestError: number;
  readonly year: number | null;
  readonly detail: string;
}

export interface SolverReport {
  readonly method: 'greedy' | 'optimal';
  readonly status: string;
  /** Σ over funded projects of score × approved / maxAmount × (1 + discount rate)^−delay (src/model/README.md). */
  readonly objective: number;
  readonly gap: number | null;
  /** Wall time of the allocation method (optimal: model building, LP relaxations and HiGHS); 0 for greedy. */
  readonly seconds: number;
  /**
   * Objective gained per extra bn FCFA of each limit that binds, by re-solving the MILP with that
   * limit relaxed (model/allocation/shadow-prices.ts); most valuable first. Optimal only (null for greedy).
   */
  readonly shadowPrices: readonly ShadowPrice[] | null;
  /**
   * Kept for the report layer until it reads shadowPrices: the largest shadow price (0 when no limit
   * binds, null for greedy). It is no longer the value of extra paid-in capital.
   */
  readonly marginalScorePerBillion: number | null;
  /** MILP solves (fixed-point iterations on the equity path); 1 for greedy. */
  readonly iterations?: number;
  /** Σ score of the last MILP solution before the projection checks and completion (optimal only). */
  readonly milpObjective?: number | null;
  /** What happened on the way, in plain words (repairs, fallbacks, time limits). */
  readonly notes?: readonly string[];
}

export interface ShadowPrice {
  readonly limit: FundingLimit;
  /** The limit's year (end of year for the bank's limits, commitment year for single-project); null for share limits. */
  readonly year: number | null;
  /** Objective gained per extra 1 bn FCFA of the limit (objective units: millions FCFA of NPV, or score). */
  readonly perBillion: number;
  /** Capacity: cash under its buffer or debt over gearing; fair-return: the band's upper (over) or lower (under) edge. */
  readonly aspect?: 'liquidity' | 'gearing' | 'over' | 'under';
  readonly member?: MemberCode;
  readonly sector?: Sector;
}

export interface ReflowRow {
  readonly year: number;
  readonly dimension: 'total' | 'member' | 'sector';
  /** 'ALL', a member code or a sector. */
  readonly key: string;
  /** Loans disbursed and equity invested. */
  readonly disbursed: number;
  /** Loan interest accrued (paid or capitalised). */
  readonly interest: number;
  readonly fees: number;
  readonly principal: number;
  /** Loans outstanding plus equity investments at cost, year end. */
  readonly outstanding: number;
  /** Interest added to loan balances instead of paid. */
  readonly capitalised: number;
  /** Dividends received on equity investments. */
  readonly dividends: number;
  /** Sale proceeds of equity investments. */
  readonly exitProceeds: number;
}

/**
 * The version of results.json's layout: `bcid dossier` refuses a file of another
 * version instead of misreading it. Raise it when a field changes meaning or is removed.
 */
export const RESULTS_VERSION = 1;

/**
 * Assets and liabilities at the end of a year by residual maturity, in the buckets
 * [< 1, 1–3, 3–5, 5–10, > 10 years] (src/model/maturity-gap.ts); each line sums to its
 * balance-sheet total that year.
 */
export interface MaturityGapYear {
  readonly year: number;
  readonly cash: readonly number[];
  readonly loans: readonly number[];
  /** Contra-asset (≤ 0), spread as the loans and equity investments it covers. */
  readonly allowance: readonly number[];
  readonly equityInvestments: readonly number[];
  readonly assets: readonly number[];
  /** The bank's bonds: its only liabilities. */
  readonly liabilities: readonly number[];
}

export interface RunResults {
  readonly version: typeof RESULTS_VERSION;
  readonly scenario: NamedScenario;
  readonly allocation: readonly AllocationRow[];
  readonly bank: readonly BankYear[];
  readonly members: readonly MemberYearResult[];
  /** One row per loan instrument: rate, grant element, concessional rate, break-even rates. */
  readonly pricing: readonly PricingRow[];
  /** Portfolio flows per year, long format: one row per year × (total | member | sector). */
  readonly reflows: readonly ReflowRow[];
  readonly solver: SolverReport;
  readonly checks: readonly InvariantCheck[];
  /** Lending capacity after the named projects (issue 14); absent in stressed and older results. */
  readonly capacity?: CapacityResults;
  /** Residual-maturity profile of the balance sheet, per year (absent in results written before it existed). */
  readonly maturityGap?: readonly MaturityGapYear[];
}

/** A limit of the bank that caps the lending envelope. */
export type CapacityLimit = 'liquidity' | 'gearing' | 'equity-to-loans' | 'country-exposure' | 'risk-adjusted-capital';

export interface EnvelopeYear {
  readonly year: number;
  /** named + generic, millions FCFA. */
  readonly commitments: number;
  readonly named: number;
  readonly generic: number;
  /** The limit that stops more generic lending in this year, and the year it binds in (null: the search bound). */
  readonly bindingLimit: CapacityLimit | null;
  readonly bindingYear: number | null;
}

export interface CapacityResults {
  readonly firstYear: number;
  readonly lastYear: number;
  /** How the envelope was found. */
  readonly method: 'bisection';
  readonly envelope: readonly EnvelopeYear[];
  readonly sustainableAnnual: { readonly amount: number; readonly bindingLimit: CapacityLimit | null; readonly bindingYear: number | null };
  /** The bank along the envelope path. */
  readonly bank: readonly BankYear[];
}
