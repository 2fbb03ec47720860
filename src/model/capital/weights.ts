/**
 * Risk weights of the bank's exposures (S&P RAC for multilateral lenders, see
 * settings.ts): a commitment's weight by instrument and borrower rating, with
 * and without the preferred-creditor adjustment, and a single commitment's
 * risk-weighted exposure by year (for the allocation's "capital consumed").
 */
import type { Project } from '../../schema/records.js';
import type { Calendar } from '../context.js';
import type { Commitment } from '../portfolio.js';
import type { CapitalSettings } from './settings.js';

/** A commitment's risk weight while preferred-creditor treatment holds (`base`, if the scenario grants it) and once it is lost. */
export interface RiskWeight {
  readonly base: number;
  readonly withoutPcs: number;
}

/** The weight of one unit of the project's exposure. Sovereign loans: the members' weights by country share. */
export function projectRiskWeight(project: Pick<Project, 'instrument' | 'countries'>, settings: CapitalSettings, preferredCreditor: boolean): RiskWeight {
  if (project.instrument === 'equity') return { base: settings.equity, withoutPcs: settings.equity };
  if (project.instrument === 'non-sovereign') return { base: settings.nonSovereign, withoutPcs: settings.nonSovereign };
  let w = 0;
  for (const c of project.countries) w += c.share * settings.sovereignByRating[settings.memberRatings[c.member]];
  return { base: preferredCreditor ? w * settings.pcsFactor : w, withoutPcs: w };
}

/**
 * Risk-weighted exposure of a single commitment by year (length years.count + 1):
 * weight × (loan balance + equity at cost). Before the portfolio's single-name
 * concentration adjustment, which depends on the whole book (ratio.ts).
 */
export function commitmentRwa(c: Commitment, years: Calendar): Float64Array {
  const out = new Float64Array(years.count + 1);
  const u = c.financing.flows;
  const w = c.financing.riskWeight.base;
  const offset = c.year - years.start;
  for (let t = Math.max(0, -offset); t < u.length && offset + t <= years.count; t++) out[offset + t] = w * c.amount * (u.loanBalance[t]! + u.equityHeld[t]!);
  return out;
}
