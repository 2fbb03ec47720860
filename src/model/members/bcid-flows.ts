/**
 * What each member owes the bank, year by year: sovereign loans only (the
 * member's own debt), cross-border loans split by country share; the service
 * of non-sovereign loans to projects in the member is kept apart (not public
 * debt). Finance-engine row t of a loan signed in year y is calendar y + t.
 *
 * `pv` is the present value at 5 % (the LIC-DSF rate) of what the member will
 * still pay on the loans signed so far, net of what it will still draw:
 * PV_t = Σ_{s>t} (service_s − disbursed_s) / 1.05^{s−t}. A loan at 5 % without
 * fees has PV = balance; at 7.5 % the PV is above the balance.
 */
import type { MemberCode } from '../../schema/codes.js';
import type { Commitment } from '../portfolio.js';
import { DSF_DISCOUNT_RATE } from './debt-path.js';

export interface BcidFlows {
  readonly disbursed: Float64Array;
  /** Interest paid (not capitalised), fees and principal. */
  readonly debtService: Float64Array;
  readonly outstanding: Float64Array;
  readonly pv: Float64Array;
  readonly nonSovereignDebtService: Float64Array;
}

/** One loan's service per engine row, for an amount of 1. */
function unitService(c: Commitment, t: number): number {
  const u = c.financing.flows;
  return u.interest[t]! - u.capitalised[t]! + u.fees[t]! + u.principal[t]!;
}

/** Flows of `member` for calendar years first … first + count − 1. */
export function bcidFlows(commitments: readonly Commitment[], member: MemberCode, first: number, count: number): BcidFlows {
  const out: BcidFlows = {
    disbursed: new Float64Array(count),
    debtService: new Float64Array(count),
    outstanding: new Float64Array(count),
    pv: new Float64Array(count),
    nonSovereignDebtService: new Float64Array(count),
  };
  const discount = 1 / (1 + DSF_DISCOUNT_RATE);
  for (const c of commitments) {
    const share = c.project.countries.find((s) => s.member === member)?.share ?? 0;
    if (share === 0 || c.financing.loan === null || c.amount === 0) continue;
    const u = c.financing.flows;
    const scale = share * c.amount;
    if (c.project.instrument !== 'sovereign') {
      for (let t = 0; t < u.length; t++) {
        const i = c.year + t - first;
        if (i >= 0 && i < count) out.nonSovereignDebtService[i]! += scale * unitService(c, t);
      }
      continue;
    }
    // Backward: pvAfter = PV at row t of the net flows of rows t+1 … end.
    let pvAfter = 0;
    for (let t = u.length - 1; t >= 0; t--) {
      const i = c.year + t - first;
      if (i >= 0 && i < count) {
        out.disbursed[i]! += scale * u.disbursed[t]!;
        out.debtService[i]! += scale * unitService(c, t);
        out.outstanding[i]! += scale * u.loanBalance[t]!;
        out.pv[i]! += scale * pvAfter;
      }
      pvAfter = (pvAfter + unitService(c, t) - u.disbursed[t]!) * discount;
    }
  }
  return out;
}
