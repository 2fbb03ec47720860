/**
 * What the bank's terms mean for a borrower and for the bank, per loan
 * instrument (`results.pricing`), and each funded loan's concessionality.
 *
 * Instrument rows use the scenario's terms for that instrument with the IMF
 * calculator's convention: the whole amount disbursed at signing, annual
 * payments. A sculpted instrument (repaid from a project's own cash flow) is
 * priced as an annuity over the same maturity and grace: without a project
 * there is no cash flow to sculpt.
 *
 * - grantElement: at the unified 5 % rate; concessional when ≥ 35 %
 *   (CONCESSIONAL_THRESHOLD, IMF debt-limits policy).
 * - rateForConcessional: the lending rate at which the grant element is 35 %.
 * - breakEvenRate: the lending rate at which the loan's flows, fees included,
 *   return the bank's hurdle rate h, i.e. the grant element at h is zero:
 *
 *     h = (1 − e) × cost of funds + e × cost of equity + PD × LGD + operating cost
 *
 *   e = policy.equityToLoansFloor (the equity each FCFA lent ties up), cost of
 *   funds = funding.borrowing.rate, cost of equity = appraisal.discountRate (the
 *   return the scenario asks of the resources it invests), PD and LGD from
 *   credit (with preferred-creditor status), operating cost =
 *   funding.operatingExpenses.shareOfLoans (fixed costs are left out: they do not
 *   vary with one more loan). breakEvenRateWithoutPcs uses pdWithoutPcs and
 *   lgdWithoutPcs.
 */
import { CONCESSIONAL_THRESHOLD, GE_DISCOUNT_RATE, grantElement, type LoanTerms } from '../../finance/index.js';
import type { Scenario } from '../../schema/scenario.js';
import type { Commitment } from '../portfolio.js';
import { lendingRate } from '../repayment/terms.js';
import type { AllocationRow } from '../results.js';
import { rateForGrantElement } from './rate-for-grant-element.js';

export const LOAN_INSTRUMENTS = ['sovereign', 'non-sovereign'] as const;
export type LoanInstrument = (typeof LOAN_INSTRUMENTS)[number];

export interface PricingRow {
  readonly instrument: LoanInstrument;
  /** Lending rate: cost of funds + spread. */
  readonly rate: number;
  readonly grantElement: number;
  readonly concessional: boolean;
  /** Lending rate giving a 35 % grant element with the same maturity, grace and fees; null if none does. */
  readonly rateForConcessional: number | null;
  readonly breakEvenRate: number | null;
  readonly breakEvenRateWithoutPcs: number | null;
}

/** The instrument's terms for an amount of 1, disbursed at signing. */
export function instrumentTerms(scenario: Scenario, instrument: LoanInstrument): LoanTerms {
  const s = scenario.lending[instrument];
  return {
    amount: 1,
    rate: lendingRate(scenario, s),
    years: s.years,
    grace: s.grace,
    method: s.method === 'sculpted' ? 'annuity' : s.method,
    ...(s.capitalize !== undefined ? { capitalize: s.capitalize } : {}),
    ...(s.method === 'custom' && s.profile ? { profile: s.profile } : {}),
    frontEndFee: s.frontEndFee,
    commitmentFee: s.commitmentFee,
  };
}

/** The bank's hurdle rate on a loan of the instrument (formula above). */
export function hurdleRate(scenario: Scenario, instrument: LoanInstrument, withPcs: boolean): number {
  const e = scenario.policy.equityToLoansFloor;
  const c = scenario.credit;
  const expectedLoss = withPcs ? c.pd[instrument] * c.lgd[instrument] : c.pdWithoutPcs[instrument] * c.lgdWithoutPcs[instrument];
  return (1 - e) * scenario.funding.borrowing.rate + e * scenario.appraisal.discountRate + expectedLoss + scenario.funding.operatingExpenses.shareOfLoans;
}

export function pricingRows(scenario: Scenario): PricingRow[] {
  return LOAN_INSTRUMENTS.map((instrument) => {
    const terms = instrumentTerms(scenario, instrument);
    const ge = grantElement(terms).grantElement;
    return {
      instrument,
      rate: terms.rate,
      grantElement: ge,
      concessional: ge >= CONCESSIONAL_THRESHOLD,
      rateForConcessional: rateForGrantElement(terms, CONCESSIONAL_THRESHOLD, GE_DISCOUNT_RATE),
      breakEvenRate: rateForGrantElement(terms, 0, hurdleRate(scenario, instrument, true)),
      breakEvenRateWithoutPcs: rateForGrantElement(terms, 0, hurdleRate(scenario, instrument, false)),
    };
  });
}

/**
 * The allocation rows with each funded loan's grant element (its own terms:
 * disbursement profile, grace extension, sculpting) and whether it is
 * concessional; null for equity and unfunded projects.
 */
export function withLoanConcessionality(rows: readonly Omit<AllocationRow, 'grantElement' | 'concessional'>[], commitments: readonly Commitment[]): AllocationRow[] {
  const byId = new Map(commitments.map((c) => [c.project.id, c]));
  return rows.map((r) => {
    const c = byId.get(r.projectId);
    const ge = c && c.financing.loan && c.amount > 0 ? grantElement({ ...c.financing.loan.unit, amount: c.amount }).grantElement : null;
    return { ...r, grantElement: ge, concessional: ge === null ? null : ge >= CONCESSIONAL_THRESHOLD };
  });
}
