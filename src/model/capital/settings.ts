/**
 * Capital-adequacy settings with their defaults (scenario `capital`,
 * `policy.minRiskAdjustedCapital`, `credit.centralCase`). Sources and the
 * status of every default (published or estimate) are in docs/capital.md.
 *
 * The ratio follows S&P's risk-adjusted capital (RAC) framework for
 * multilateral lending institutions: adjusted equity / S&P risk-weighted
 * assets, with the preferred-creditor adjustment lowering sovereign weights
 * and a single-name concentration adjustment raising them.
 */
import type { MemberCode } from '../../schema/codes.js';
import type { RatingGrade } from '../../schema/capital.js';
import type { Scenario } from '../../schema/scenario.js';

export interface CapitalSettings {
  readonly levyCountsAsCapital: boolean;
  readonly memberRatings: Readonly<Record<MemberCode, RatingGrade>>;
  readonly sovereignByRating: Readonly<Record<RatingGrade, number>>;
  readonly pcsFactor: number;
  readonly nonSovereign: number;
  readonly equity: number;
  readonly treasuryIssuerRating: RatingGrade;
  readonly concentrationAddOn: number;
  readonly diversifiedHhi: number;
  /** Floor on the risk-adjusted capital ratio. */
  readonly minRiskAdjustedCapital: number;
  /** Whether the central projection writes off each year's expected loss. */
  readonly expectedLossCharge: boolean;
}

/**
 * Sovereign weights by rating. CCC = 150 % and B = 100 % are the Basel II
 * standardised weights for sovereigns below B− and from BB+ to B− (Basel II
 * §53); the other grades are estimates on a smooth scale (EST).
 */
export const DEFAULT_SOVEREIGN_WEIGHTS: Readonly<Record<RatingGrade, number>> = {
  AAA: 0.02,
  AA: 0.04,
  A: 0.1,
  BBB: 0.25,
  BB: 0.55,
  B: 1.0,
  CCC: 1.5,
  CC: 2.5,
};

export const CAPITAL_DEFAULTS = {
  levyCountsAsCapital: true,
  /** Members' sovereign ratings: Caa/CCC (domain-facts §0). */
  memberRating: 'CCC' as RatingGrade,
  /** S&P and Fitch cut B/CCC sovereign weights about 2× for preferred-creditor treatment (Risk Control 2023, domain-facts §3.4). */
  pcsFactor: 0.5,
  /** Project finance in CCC countries: heavier than the sovereign (EST). */
  nonSovereign: 1.75,
  /** Basel III standardised weight of equity holdings, 250 % (EST for S&P's own). */
  equity: 2.5,
  /** Liquid assets placed with BBB issuers (BOAD-like regional issuers, EST). */
  treasuryIssuerRating: 'BBB' as RatingGrade,
  /** Concentration add-on: +50 % of credit RWA for a single name, in proportion to the Herfindahl index above a diversified book's 0.05 (EST). */
  concentrationAddOn: 0.5,
  diversifiedHhi: 0.05,
  /** Bottom of S&P's "strong" band, 10 % (domain-facts §3.1). */
  minRiskAdjustedCapital: 0.1,
} as const;

export function capitalSettings(s: Scenario): CapitalSettings {
  const c = s.capital;
  const w = c?.riskWeights;
  const ratings = c?.memberRatings;
  return {
    levyCountsAsCapital: c?.levyCountsAsCapital ?? CAPITAL_DEFAULTS.levyCountsAsCapital,
    memberRatings: {
      MLI: ratings?.MLI ?? CAPITAL_DEFAULTS.memberRating,
      BFA: ratings?.BFA ?? CAPITAL_DEFAULTS.memberRating,
      NER: ratings?.NER ?? CAPITAL_DEFAULTS.memberRating,
    },
    sovereignByRating: w?.sovereignByRating ?? DEFAULT_SOVEREIGN_WEIGHTS,
    pcsFactor: w?.pcsFactor ?? CAPITAL_DEFAULTS.pcsFactor,
    nonSovereign: w?.nonSovereign ?? CAPITAL_DEFAULTS.nonSovereign,
    equity: w?.equity ?? CAPITAL_DEFAULTS.equity,
    treasuryIssuerRating: w?.treasuryIssuerRating ?? CAPITAL_DEFAULTS.treasuryIssuerRating,
    concentrationAddOn: w?.concentrationAddOn ?? CAPITAL_DEFAULTS.concentrationAddOn,
    diversifiedHhi: w?.diversifiedHhi ?? CAPITAL_DEFAULTS.diversifiedHhi,
    minRiskAdjustedCapital: s.policy.minRiskAdjustedCapital ?? CAPITAL_DEFAULTS.minRiskAdjustedCapital,
    expectedLossCharge: (s.credit.centralCase ?? 'expected-loss') === 'expected-loss',
  };
}
