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

/** PD × LGD by instrument, with or without preferred-creditor treatment (docs/domain-facts.md §3.4). */
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

/**
 * An object literal, not Object.fromEntries: the Monte Carlo reads these
 * fields every year of every path, and V8 keeps a literal's shape fast.
 */
function portfolioFrom(make: (key: (typeof SERIES)[number] | MemberCode) => Float64Array): PortfolioFlows {
  return {
    disbursed: make('disbursed'),
    invested: make('invested'),
    principal: make('principal'),
    interest: make('interest'),
    capitalised: make('capitalised'),
    fees: make('fees'),
    dividends: make('dividends'),
    exitProceeds: make('exitProceeds'),
    exitCost: make('exitCost'),
    loans: make('loans'),
    equityHeld: make('equityHeld'),
    expectedLoss: make('expectedLoss'),
    writeOffs: make('writeOffs'),
    nonPerforming: make('nonPerforming'),
    commitments: make('commitments'),
    riskWeighted: make('riskWeighted'),
    memberExposure: { MLI: make('MLI'), BFA: make('BFA'), NER: make('NER') },
  };
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
 * The members' shares as three numbers (MLI, BFA, NER): what the hot loop
 * reads, so that it touches no country objects (whose shapes differ between
 * the run's projects and the compiled ones).
 */
export function memberSplit(countries: readonly MemberShare[]): Float64Array {
  const out = new Float64Array(3);
  for (const c of countries) out[c.member === 'MLI' ? 0 : c.member === 'BFA' ? 1 : 2]! += c.share;
  return out;
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
export function addLoanFlows(P: PortfolioFlows, u: UnitFlows, a: number, offset: number, el: LossRate, rw: RiskWeight, split: Float64Array): void {
  const last = P.loans.length - 1;
  const from = Math.max(0, -offset);
  const to = Math.min(u.length - 1, last - offset);
  const elBase = el.base;
  const elNo = el.withoutPcs;
  const pcsFrom = el.pcsFrom;
  const sM = split[0]!, sB = split[1]!, sN = split[2]!;
  const ud = u.disbursed, up = u.principal, ui = u.interest, uc = u.capitalised, uf = u.fees, ub = u.loanBalance;
  const pd = P.disbursed, pp = P.principal, pi = P.interest, pc = P.capitalised, pf = P.fees, pl = P.loans, pe = P.expectedLoss, pr = P.riskWeighted;
  const rwBase = rw.base;
  const rwNo = rw.withoutPcs;
  const weighted = rwBase !== 0 || rwNo !== 0;
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
    if (weighted) pr[i]! += (i >= pcsFrom ? rwNo : rwBase) * loan;
    if (sM !== 0) ex.MLI[i]! += sM * loan;
    if (sB !== 0) ex.BFA[i]! += sB * loan;
    if (sN !== 0) ex.NER[i]! += sN * loan;
  }
}

/** `addLoanFlows` for an equity stake: invested, dividends, exit; the loan columns are skipped. */
export function addStakeFlows(P: PortfolioFlows, u: UnitFlows, a: number, offset: number, el: LossRate, rw: RiskWeight, split: Float64Array): void {
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
    if (split[0] !== 0) ex.MLI[i]! += split[0]! * held;
    if (split[1] !== 0) ex.BFA[i]! += split[1]! * held;
    if (split[2] !== 0) ex.NER[i]! += split[2]! * held;
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
  const split = memberSplit(c.project.countries);
  if (c.project.instrument === 'equity') addStakeFlows(into, c.financing.flows, a, offset, el, c.financing.riskWeight, split);
  else addLoanFlows(into, c.financing.flows, a, offset, el, c.financing.riskWeight, split);
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
