import type { Instrument, Sector } from '../schema/codes.js';

/**
 * What a synthetic project of each sector looks like, read off the bundled
 * pipeline (data/projects.csv): how common the sector is, its median cost and
 * spread, the share asked of the bank, the instrument mix, build time and life.
 */
export interface SectorProfile {
  readonly sector: Sector;
  /** Relative frequency in the bundled pipeline. */
  readonly weight: number;
  /** Median total cost, millions FCFA; costs are lognormal around it. */
  readonly medianCost: number;
  readonly costSigma: number;
  readonly requestShare: number;
  readonly instruments: readonly (readonly [Instrument, number])[];
  readonly constructionYears: readonly [number, number];
  readonly economicLife: number;
  readonly eirr: readonly [number, number];
  /** Revenue-earning sectors get an FIRR and a CFADS profile. */
  readonly revenue: boolean;
}

export const SECTOR_PROFILES: readonly SectorProfile[] = [
  { sector: 'roads', weight: 12, medianCost: 103_500, costSigma: 0.8, requestShare: 0.22, instruments: [['sovereign', 0.92], ['non-sovereign', 0.08]], constructionYears: [2, 5], economicLife: 20, eirr: [0.09, 0.15], revenue: false },
  { sector: 'solar', weight: 11, medianCost: 45_000, costSigma: 0.6, requestShare: 0.24, instruments: [['non-sovereign', 0.73], ['sovereign', 0.27]], constructionYears: [1, 2], economicLife: 25, eirr: [0.11, 0.14], revenue: true },
  { sector: 'hydro', weight: 6, medianCost: 229_000, costSigma: 0.9, requestShare: 0.19, instruments: [['sovereign', 0.83], ['non-sovereign', 0.17]], constructionYears: [5, 8], economicLife: 50, eirr: [0.09, 0.13], revenue: true },
  { sector: 'rail', weight: 6, medianCost: 1_300_000, costSigma: 0.5, requestShare: 0.08, instruments: [['sovereign', 1]], constructionYears: [5, 7], economicLife: 40, eirr: [0.08, 0.12], revenue: true },
  { sector: 'irrigation', weight: 5, medianCost: 200_000, costSigma: 0.9, requestShare: 0.2, instruments: [['sovereign', 1]], constructionYears: [2, 6], economicLife: 30, eirr: [0.1, 0.15], revenue: false },
  { sector: 'extractives', weight: 5, medianCost: 100_000, costSigma: 1.0, requestShare: 0.23, instruments: [['equity', 0.6], ['non-sovereign', 0.4]], constructionYears: [1, 6], economicLife: 20, eirr: [0.12, 0.16], revenue: true },
  { sector: 'power-interconnection', weight: 3, medianCost: 235_000, costSigma: 0.5, requestShare: 0.12, instruments: [['sovereign', 1]], constructionYears: [3, 4], economicLife: 40, eirr: [0.12, 0.2], revenue: true },
  { sector: 'transport-hub', weight: 3, medianCost: 60_000, costSigma: 1.2, requestShare: 0.2, instruments: [['sovereign', 0.67], ['non-sovereign', 0.33]], constructionYears: [2, 3], economicLife: 35, eirr: [0.09, 0.15], revenue: true },
  { sector: 'fibre', weight: 3, medianCost: 70_000, costSigma: 0.7, requestShare: 0.19, instruments: [['sovereign', 0.67], ['non-sovereign', 0.33]], constructionYears: [1, 3], economicLife: 15, eirr: [0.14, 0.16], revenue: true },
  { sector: 'water', weight: 2, medianCost: 126_000, costSigma: 0.5, requestShare: 0.19, instruments: [['sovereign', 1]], constructionYears: [3, 3], economicLife: 30, eirr: [0.13, 0.14], revenue: true },
  { sector: 'agro-industry', weight: 2, medianCost: 150_000, costSigma: 0.6, requestShare: 0.19, instruments: [['non-sovereign', 1]], constructionYears: [3, 4], economicLife: 25, eirr: [0.14, 0.15], revenue: true },
  { sector: 'thermal', weight: 2, medianCost: 300_000, costSigma: 0.7, requestShare: 0.17, instruments: [['non-sovereign', 1]], constructionYears: [2, 5], economicLife: 25, eirr: [0.1, 0.11], revenue: true },
];
