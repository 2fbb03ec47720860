/**
 * The portfolio as plain per-year arrays (index i = calendar year start + i,
 * horizon plus one look-ahead year): what the bank projection consumes.
 * Stress tests (issue 5) change these arrays, or the commitments they are
 * summed from, and never the projection itself.
 * Amounts in millions of FCFA.
 */
import { MEMBER_CODES, type Instrument, type MemberCode } from '../schema/codes.js';
import type { Project } from '../schema/records.js';
import type { Scenario } from '../schema/scenario.js';
import { yearArray, type Calendar } from './context.js';
import type { RiskWeight } from './capital/weights.js';
import type { ProjectFinancing, UnitFlows } from './repayment/unit-flows.js';

/** One project financed: amount A committed in `year`. */
export interface Commitment {
  readonly project: Project;
  readonly financing: ProjectFinancing;
  readonly year: number;
  readonly amount: number;
}

export interface PortfolioFlows {
  readonly disbursed: Float64Array;
  readonly invested: Float64Array;
  readonly principal: Float64Array;
  /** Interest accrued (paid or capitalised). */
  readonly interest: Float64Array;
  readonly capitalised: Float64Array;
  readonly fees: Float64Array;
  readonly dividends: Float64Array;
  readonly exitProceeds: Float64Array;
  readonly exitCost: Float64Array;
  /** Gross loans outstanding at year end. */
  readonly loans: Float64Array;
  /** Equity investments at cost at year end. */
  readonly equityHeld: Float64Array;
  /** Allowance the expected-loss rule requires at year end: Σ PD × LGD × exposure. */
  readonly expectedLoss: Float64Array;
  /** Loans written off in the year (0 in the deterministic run). */
  readonly writeOffs: Float64Array;
  /** Loans in arrears at year end, for the NPL ratio (0 in the deterministic run). */
  readonly nonPerforming: Float64Array;
  /** Amounts committed (signed) in the year. */
  readonly commitments: Float64Array;
  /** Σ risk weight × exposure at year end (S&P RAC credit RWA before the concentration adjustment). */
  readonly riskWeighted: Float64Array;
  /** Loans + equity at cost by member at year end (cross-border projects split by country share). */
  readonly memberExposure: Readonly<Record<MemberCode, Float64Array>>;
}

/** PD × LGD by instrument, with or without preferred-creditor treatment (domain-facts §3.4). */
export function expectedLossRates(credit: Scenario['credit']): Readonly<Record<Instrument, number>> {
  const pd = credit.preferredCreditor ? credit.pd : credit.pdWithoutPcs;
  const lgd = credit.preferredCreditor ? credit.lgd : credit.lgdWithoutPcs;
  return {
    sovereign: pd.sovereign * lgd.sovereign,
    'non-sovereign': pd['non-sovereign'] * lgd['non-sovereign'],
    equity: pd.equity * lgd.equity,
  };
}

/** The per-year series of `PortfolioFlows`, member exposure aside. */
const SERIES = [
  'disbursed',
  'invested',
  'principal',
  'interest',
  'capitalised',
  'fees',
  'dividends',
  'exitProceeds',
  'exitCost',
  'loans',
  'equityHeld',
  'expectedLoss',
  'writeOffs',
  'nonPerforming',
  'commitments',
  'riskWeighted',
] as const;

function portfolioFrom(make: (key: (typeof SERIES)[number] | MemberCode) => Float64Array): PortfolioFlows {
  const flows = Object.fromEntries(SERIES.map((k) => [k, make(k)])) as Record<(typeof SERIES)[number], Float64Array>;
  return { ...flows, memberExposure: { MLI: make('MLI'), BFA: make('BFA'), NER: make('NER') } };
}

/** Zero flows of `length` years (a horizon of n years has n + 1: the look-ahead year). */
export function portfolioOfLength(length: number): PortfolioFlows {
  return portfolioFrom(() => new Float64Array(length));
}

export function emptyPortfolio(years: Calendar): PortfolioFlows {
  return portfolioOfLength(yearArray(years).length);
}

/** Sets every series of `p` back to zero (a reused workspace). */
export function clearPortfolio(p: PortfolioFlows): void {
  for (const k of SERIES) p[k].fill(0);
  for (const m of MEMBER_CODES) p.memberExposure[m].fill(0);
}

/** A member's share of a commitment (cross-border projects have several). */
export interface MemberShare {
  readonly member: MemberCode;
  readonly share: number;
}

/**
 * Expected-loss rate of a commitment by year: `base` before year index
 * `pcsFrom`, `withoutPcs` from it on (the stresses' loss of preferred-creditor
 * treatment; a plain run never reaches `pcsFrom`).
 */
export interface LossRate {
  readonly base: number;
  readonly withoutPcs: number;
  readonly pcsFrom: number;
}

/** Beyond any horizon: preferred-creditor treatment holds throughout. */
export const PCS_HOLDS = 1 << 30;

/**
 * Adds a × a loan's unit flows, committed at year index `offset`, into `P`
 * (horizon plus look-ahead year; rows outside it are dropped). The equity
 * columns, zero for a loan, are skipped. The one portfolio aggregation of the
 * run, the allocation and every stress and Monte Carlo path.
 */
export function addLoanFlows(P: PortfolioFlows, u: UnitFlows, a: number, offset: number, el: LossRate, rw: RiskWeight, countries: readonly MemberShare[]): void {
  const last = P.loans.length - 1;
  const from = Math.max(0, -offset);
  const to = Math.min(u.length - 1, last - offset);
  const elBase = el.base;
  const elNo = el.withoutPcs;
  const pcsFrom = el.pcsFrom;
  const nc = countries.length;
  const ud = u.disbursed, up = u.principal, ui = u.interest, uc = u.capitalised, uf = u.fees, ub = u.loanBalance;
  const pd = P.disbursed, pp = P.principal, pi = P.interest, pc = P.capitalised, pf = P.fees, pl = P.loans, pe = P.expectedLoss, pr = P.riskWeighted;
  const rwBase = rw.base;
  const rwNo = rw.withoutPcs;
  const ex = P.memberExposure;
  for (let t = from; t <= to; t++) {
    const i = offset + t;
    pd[i]! += a * ud[t]!;
    pp[i]! += a * up[t]!;
    pi[i]! += a * ui[t]!;
    pc[i]! += a * uc[t]!;
    pf[i]! += a * uf[t]!;
    const loan = a * ub[t]!;
    pl[i]! += loan;
    pe[i]! += (i >= pcsFrom ? elNo : elBase) * loan;
    pr[i]! += (i >= pcsFrom ? rwNo : rwBase) * loan;
    for (let x = 0; x < nc; x++) {
      const cs = countries[x]!;
      ex[cs.member][i]! += cs.share * loan;
    }
  }
}

/** `addLoanFlows` for an equity stake: invested, dividends, exit; the loan columns are skipped. */
export function addStakeFlows(P: PortfolioFlows, u: UnitFlows, a: number, offset: number, el: LossRate, rw: RiskWeight, countries: readonly MemberShare[]): void {
  const last = P.loans.length - 1;
  const from = Math.max(0, -offset);
  const to = Math.min(u.length - 1, last - offset);
  const ex = P.memberExposure;
  for (let t = from; t <= to; t++) {
    const i = offset + t;
    P.invested[i]! += a * u.invested[t]!;
    P.dividends[i]! += a * u.dividends[t]!;
    P.exitProceeds[i]! += a * u.exitProceeds[t]!;
    P.exitCost[i]! += a * u.exitCost[t]!;
    const held = a * u.equityHeld[t]!;
    P.equityHeld[i]! += held;
    P.expectedLoss[i]! += (i >= el.pcsFrom ? el.withoutPcs : el.base) * held;
    P.riskWeighted[i]! += (i >= el.pcsFrom ? rw.withoutPcs : rw.base) * held;
    for (const cs of countries) ex[cs.member][i]! += cs.share * held;
  }
}

/** Adds `sign` × the commitment's flows into `into` (mutates `into`; callers own it). */
export function addCommitment(
  into: PortfolioFlows,
  c: Commitment,
  years: Calendar,
  elRates: Readonly<Record<Instrument, number>>,
  sign = 1,
): void {
  const a = sign * c.amount;
  const offset = c.year - years.start;
  if (offset >= 0 && offset <= years.count) into.commitments[offset]! += a;
  const rate = elRates[c.project.instrument];
  const el: LossRate = { base: rate, withoutPcs: rate, pcsFrom: PCS_HOLDS };
  if (c.project.instrument === 'equity') addStakeFlows(into, c.financing.flows, a, offset, el, c.financing.riskWeight, c.project.countries);
  else addLoanFlows(into, c.financing.flows, a, offset, el, c.financing.riskWeight, c.project.countries);
}

export function aggregate(
  commitments: readonly Commitment[],
  years: Calendar,
  elRates: Readonly<Record<Instrument, number>>,
): PortfolioFlows {
  const flows = emptyPortfolio(years);
  for (const c of commitments) addCommitment(flows, c, years, elRates);
  return flows;
}

/** Committed amounts by member (cross-border split by share), by sector and in total. */
export interface CommitmentTotals {
  readonly total: number;
  readonly byMember: Readonly<Record<MemberCode, number>>;
  readonly bySector: ReadonlyMap<string, number>;
}

/** A copy of `p` whose arrays the caller owns (for incremental updates with `addCommitment`). */
export function clonePortfolio(p: PortfolioFlows): PortfolioFlows {
  return portfolioFrom((k) => (k === 'MLI' || k === 'BFA' || k === 'NER' ? p.memberExposure[k] : p[k]).slice());
}

export function commitmentTotals(commitments: readonly Commitment[]): CommitmentTotals {
  const byMember: Record<MemberCode, number> = { MLI: 0, BFA: 0, NER: 0 };
  const bySector = new Map<string, number>();
  let total = 0;
  for (const c of commitments) {
    total += c.amount;
    for (const s of c.project.countries) byMember[s.member] += s.share * c.amount;
    bySector.set(c.project.sector, (bySector.get(c.project.sector) ?? 0) + c.amount);
  }
  return { total, byMember, bySector };
}
