/**
 * Reference-class cost uplifts by sector (docs/domain-facts.md §5): the factor a
 * project's cost estimate is multiplied by so that, on the record of past
 * projects of its class, the budget is not exceeded with 50 % (P50) or 80 %
 * (P80) probability.
 *
 * Where docs/domain-facts.md gives P50 and P80 uplifts (UK DfT/COWI, Flyvbjerg) we
 * use them. Where it gives only the suggested lognormal defaults (mean, P80),
 * P50 is that lognormal's median: with mean m and P80 q,
 * σ solves σ²/2 − 0.8416 σ = ln m − ln q and median = m·e^(−σ²/2).
 * Where it gives a mean only, σ = 0.12 (the dispersion implied by the roads
 * class, mean 1.20 / P80 1.32) is assumed. Uplifts below 1 are floored at 1:
 * a plan is never made cheaper than its estimate.
 */
import type { Confidence, Sector } from '../../schema/codes.js';

export interface ReferenceClass {
  /** Name of the reference class in docs/domain-facts.md §5. */
  readonly referenceClass: string;
  readonly p50: number;
  readonly p80: number;
  readonly confidence: Confidence;
  readonly basis: string;
}

export const REFERENCE_CLASSES: Readonly<Record<Sector, ReferenceClass>> = {
  roads: { referenceClass: 'roads', p50: 1.15, p80: 1.32, confidence: 'M', basis: 'DfT uplift P50 15 %, P80 32 % (§5, Flyvbjerg et al. 2002/2003)' },
  rail: { referenceClass: 'rail', p50: 1.4, p80: 1.57, confidence: 'M', basis: 'DfT uplift P50 40 %, P80 57 % (§5)' },
  hydro: {
    referenceClass: 'large dams',
    p50: 1.66,
    p80: 2.0,
    confidence: 'EST',
    basis: 'median of the §5 lognormal default for hydro (mean 1.70, P80 2.0); Ansar et al. 2014 de-biasing uplift 99 %',
  },
  solar: { referenceClass: 'solar PV', p50: 1.0, p80: 1.1, confidence: 'EST', basis: '§5 lognormal default (mean 1.00, P80 1.10); median 0.99 floored at 1' },
  'power-interconnection': {
    referenceClass: 'transmission',
    p50: 1.04,
    p80: 1.15,
    confidence: 'EST',
    basis: 'median of the §5 lognormal default for transmission (mean 1.05, P80 1.15)',
  },
  water: { referenceClass: 'water', p50: 1.19, p80: 1.32, confidence: 'EST', basis: '§5 default mean 1.20 with the roads dispersion (σ 0.12)' },
  irrigation: {
    referenceClass: 'water',
    p50: 1.19,
    p80: 1.32,
    confidence: 'EST',
    basis: 'irrigation schemes taken as the water class: §5 mean 1.20 with the roads dispersion (σ 0.12)',
  },
  fibre: {
    referenceClass: 'IT',
    p50: 1.1,
    p80: 1.5,
    confidence: 'EST',
    basis: 'IT class (§5: mean 73 %, fat tail, 18 % of projects overrun by ≥ 50 %, so P80 ≈ 1.5); median well below the mean, taken as 1.10',
  },
  thermal: { referenceClass: 'thermal power', p50: 1.14, p80: 1.26, confidence: 'EST', basis: '§5 default mean 1.15 (Sovacool ~13 %) with the roads dispersion (σ 0.12)' },
  'agro-industry': {
    referenceClass: 'thermal power (industrial plant proxy)',
    p50: 1.14,
    p80: 1.26,
    confidence: 'EST',
    basis: 'no reference class in §5; a processing plant of modest complexity, taken as the thermal-plant class',
  },
  'transport-hub': {
    referenceClass: 'roads (civil works proxy)',
    p50: 1.15,
    p80: 1.32,
    confidence: 'EST',
    basis: 'no reference class in §5; dry ports and logistics platforms are mostly civil works, taken as roads',
  },
  extractives: {
    referenceClass: 'fixed links (large complex works proxy)',
    p50: 1.23,
    p80: 1.55,
    confidence: 'EST',
    basis: 'no reference class in §5; large remote mining works taken as the fixed-links class (P50 23 %, P80 55 %)',
  },
};

export type CostUplift = 'none' | 'p50' | 'p80';

/** The factor applied to a sector's costs under the scenario's uplift setting. */
export function upliftFactor(sector: Sector, setting: CostUplift): number {
  if (setting === 'none') return 1;
  return REFERENCE_CLASSES[sector][setting];
}
