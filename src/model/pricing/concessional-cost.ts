/**
 * What concessional sovereign terms would cost the bank, year by year: the
 * interest forgone by lending at `rateForConcessional` instead of the
 * sovereign rate, on the sovereign loans outstanding at the start of the year
 * (the members' rows, which hold sovereign loans only):
 *
 *   cost_y = (rate − rateForConcessional) × Σ_members outstanding_{y−1}
 *
 * A first-order figure: fees, the grace profile and the compounding of the
 * bank's lower income are left out. For the dossier's pricing paragraph.
 */
import type { MemberYearResult } from '../results.js';
import type { PricingRow } from './pricing.js';

export interface ConcessionalCostYear {
  readonly year: number;
  /** Sovereign loans outstanding at the end of the previous year, millions FCFA. */
  readonly openingSovereignLoans: number;
  /** Interest forgone in the year, millions FCFA. */
  readonly cost: number;
}

export function concessionalCostByYear(pricing: readonly PricingRow[], members: readonly MemberYearResult[]): ConcessionalCostYear[] {
  const sovereign = pricing.find((p) => p.instrument === 'sovereign');
  if (!sovereign || sovereign.rateForConcessional === null) return [];
  const gap = Math.max(0, sovereign.rate - sovereign.rateForConcessional);
  const byYear = new Map<number, number>();
  for (const m of members) byYear.set(m.year, (byYear.get(m.year) ?? 0) + m.outstanding);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return years.slice(1).map((year) => {
    const opening = byYear.get(year - 1) ?? 0;
    return { year, openingSovereignLoans: opening, cost: gap * opening };
  });
}
