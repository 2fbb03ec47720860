import type { Instrument, MemberCode, Sector, DebtCapacity } from '../schema/codes.js';
import type { Scenario } from '../schema/scenario.js';

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
  | 'score';

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
  readonly approved: number;
  readonly commitmentYear: number | null;
  readonly funded: boolean;
  /** The binding limit for an unfunded or partly funded project; null when fully funded. */
  readonly reason: string | null;
  readonly bindingLimit: FundingLimit | null;
  /** By how much the limit would be exceeded, millions FCFA (or ratio points, per limit). */
  readonly shortfall: number | null;
  readonly grantElement: number | null;
}

export interface BankYear {
  readonly year: number;
  readonly paidInReceived: number;
  readonly levyReceived: number;
  readonly borrowingRaised: number;
  readonly borrowingRepaid: number;
  readonly disbursements: number;
  readonly principalRepaid: number;
  readonly interestIncome: number;
  readonly feeIncome: number;
  readonly treasuryIncome: number;
  readonly interestExpense: number;
  readonly operatingExpenses: number;
  readonly provisions: number;
  readonly writeOffs: number;
  readonly netIncome: number;
  readonly cash: number;
  readonly loansOutstanding: number;
  readonly loanLossAllowance: number;
  readonly equityInvestments: number;
  readonly totalAssets: number;
  readonly borrowings: number;
  readonly paidInCapital: number;
  readonly retainedEarnings: number;
  readonly equity: number;
  readonly equityToLoans: number | null;
  readonly debtToEquity: number;
  readonly liquidityMonths: number | null;
  readonly headroom: number;
  readonly capitalUtilisation: number;
  readonly largestCountryShare: number;
  readonly largestProjectShare: number;
  readonly nplRatio: number;
  readonly roe: number | null;
  readonly commitments: number;
}

export interface MemberYearResult {
  readonly member: MemberCode;
  readonly year: number;
  readonly debtCapacity: DebtCapacity;
  readonly disbursed: number;
  readonly debtService: number;
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
  readonly objective: number;
  readonly gap: number | null;
  readonly seconds: number;
  /** Score gained per extra 1 bn FCFA (1,000 millions) of capital; optimal only. */
  readonly marginalScorePerBillion: number | null;
}

export interface ReflowRow {
  readonly year: number;
  readonly dimension: 'total' | 'member' | 'sector';
  /** 'ALL', a member code or a sector. */
  readonly key: string;
  readonly disbursed: number;
  readonly interest: number;
  readonly fees: number;
  readonly principal: number;
  readonly outstanding: number;
}

export interface RunResults {
  readonly scenario: Scenario & { readonly name: string };
  readonly allocation: readonly AllocationRow[];
  readonly bank: readonly BankYear[];
  readonly members: readonly MemberYearResult[];
  /** Portfolio flows per year, long format: one row per year × (total | member | sector). */
  readonly reflows: readonly ReflowRow[];
  readonly solver: SolverReport;
  readonly checks: readonly InvariantCheck[];
}
