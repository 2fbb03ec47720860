/**
 * The portfolio as plain per-year arrays (index i = calendar year start + i,
 * horizon plus one look-ahead year): what the bank projection consumes.
 * Stress tests (issue 5) change these arrays, or the commitments they are
 * summed from, and never the projection itself.
 * Amounts in millions of FCFA.
 */
import type { Instrument, MemberCode } from '../schema/codes.js';
import type { Project } from '../schema/records.js';
import type { Scenario } from '../schema/scenario.js';
import { yearArray, type Calendar } from './context.js';
import type { ProjectFinancing } from './repayment/unit-flows.js';

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

export function emptyPortfolio(years: Calendar): PortfolioFlows {
  return {
    disbursed: yearArray(years),
    invested: yearArray(years),
    principal: yearArray(years),
    interest: yearArray(years),
    capitalised: yearArray(years),
    fees: yearArray(years),
    dividends: yearArray(years),
    exitProceeds: yearArray(years),
    exitCost: yearArray(years),
    loans: yearArray(years),
    equityHeld: yearArray(years),
    expectedLoss: yearArray(years),
    writeOffs: yearArray(years),
    nonPerforming: yearArray(years),
    commitments: yearArray(years),
    memberExposure: { MLI: yearArray(years), BFA: yearArray(years), NER: yearArray(years) },
  };
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
  const u = c.financing.flows;
  const offset = c.year - years.start;
  const last = years.count; // look-ahead index
  const el = elRates[c.project.instrument];
  const shares = c.project.countries;
  if (offset >= 0 && offset <= last) into.commitments[offset]! += a;
  const from = Math.max(0, -offset);
  const to = Math.min(u.length - 1, last - offset);
  for (let t = from; t <= to; t++) {
    const i = offset + t;
    into.disbursed[i]! += a * u.disbursed[t]!;
    into.invested[i]! += a * u.invested[t]!;
    into.principal[i]! += a * u.principal[t]!;
    into.interest[i]! += a * u.interest[t]!;
    into.capitalised[i]! += a * u.capitalised[t]!;
    into.fees[i]! += a * u.fees[t]!;
    into.dividends[i]! += a * u.dividends[t]!;
    into.exitProceeds[i]! += a * u.exitProceeds[t]!;
    into.exitCost[i]! += a * u.exitCost[t]!;
    const loan = a * u.loanBalance[t]!;
    const held = a * u.equityHeld[t]!;
    into.loans[i]! += loan;
    into.equityHeld[i]! += held;
    into.expectedLoss[i]! += el * (loan + held);
    for (const s of shares) into.memberExposure[s.member][i]! += s.share * (loan + held);
  }
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
  return {
    disbursed: p.disbursed.slice(),
    invested: p.invested.slice(),
    principal: p.principal.slice(),
    interest: p.interest.slice(),
    capitalised: p.capitalised.slice(),
    fees: p.fees.slice(),
    dividends: p.dividends.slice(),
    exitProceeds: p.exitProceeds.slice(),
    exitCost: p.exitCost.slice(),
    loans: p.loans.slice(),
    equityHeld: p.equityHeld.slice(),
    expectedLoss: p.expectedLoss.slice(),
    writeOffs: p.writeOffs.slice(),
    nonPerforming: p.nonPerforming.slice(),
    commitments: p.commitments.slice(),
    memberExposure: { MLI: p.memberExposure.MLI.slice(), BFA: p.memberExposure.BFA.slice(), NER: p.memberExposure.NER.slice() },
  };
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
