/**
 * The Monte Carlo calibration and the parameters the named stresses share:
 * the scenario's `risk:` section over the defaults below. Sources are
 * docs/domain-facts.md, cited by section; EST = our estimate.
 *
 * Cost overruns (§5): a lognormal factor per project fitted to its sector's
 * reference class (mean and SD where published, else mean and P80 or share
 * over budget): overrun-classes.ts, with the table and sources.
 *
 * Delays (§5): expected schedule overrun as a share of construction time — roads
 * 25 %, rail 50 %, hydro 44 %, solar 10 %, transmission 15 % (§5 EST); thermal and
 * extractives 40 % (BU 2025 energy average ≈ 40 % longer); civil works (water,
 * irrigation, hubs, fibre, agro-industry) 25 % as roads (EST) — times a Sahel
 * security multiplier of 1.25 (§5: +25–50 %). Delay years per project ~ Poisson
 * with that mean (construction years × share × multiplier), capped at `maxYears`.
 *
 * Defaults (§3.4): annual sovereign PD per member from the credit section (1 %
 * with PCS, GEMs 1.06 %; 5 % without); ρ = 0.5 (the three borrowers are the three
 * shareholders: "ρ ≥ 0.5, EST"); 3 years of arrears (GEMs median resolution just
 * over 3 years); LGD from the credit section (10 % with PCS: recoveries > 90 %);
 * the remainder rescheduled over 10 years (EST). Non-sovereign borrowers default
 * too, with the credit section's non-sovereign PD and LGD, 2 years of workout (EST).
 *
 * Levy (§1.2): the yield is unpublished (EST 25–45 bn FCFA around ~35): lognormal
 * factor with σ = 0.25, mean 1, AR(1) persistence 0.7 in logs, loading 0.3 on the
 * systemic factor of defaults (bad years are bad for imports too) — all EST.
 * Rates: the coupon of new bonds shifts by an AR(1) with standard deviation 150 bp
 * and persistence 0.8 (EST, WAEMU regional market). Peg exit: 1 % a year, 30 %
 * devaluation (LIC-DSF standard depreciation shock), only if the scenario borrows
 * in foreign currency.
 */
import { SECTORS, type MemberCode, type Sector } from '../schema/codes.js';
import type { Scenario } from '../schema/scenario.js';
import { OVERRUN_CLASSES, type OverrunClass } from './overrun-classes.js';

export { lognormalFromMeanP80, OVERRUN_CLASSES, Z80, type OverrunClass } from './overrun-classes.js';

export const SCHEDULE_OVERRUN: Readonly<Record<Sector, number>> = {
  roads: 0.25,
  rail: 0.5,
  'transport-hub': 0.25,
  'power-interconnection': 0.15,
  solar: 0.1,
  hydro: 0.44,
  thermal: 0.4,
  water: 0.25,
  irrigation: 0.25,
  fibre: 0.25,
  'agro-industry': 0.25,
  extractives: 0.4,
};

export interface RiskSettings {
  readonly paths: number;
  readonly correlation: number;
  /** Annual PD per member with and without preferred-creditor treatment. */
  readonly pd: Readonly<Record<MemberCode, number>>;
  /** LGD on sovereign loans; null: from the credit section at the time of default. */
  readonly lgd: number | null;
  readonly arrearsYears: number;
  readonly rescheduleYears: number;
  readonly nonSovereignDefaults: boolean;
  readonly nonSovereignWorkoutYears: number;
  readonly levy: { readonly volatility: number; readonly persistence: number; readonly correlation: number };
  readonly rates: { readonly volatility: number; readonly persistence: number };
  readonly overruns: { readonly enabled: boolean; readonly financingCap: number; readonly classes: Readonly<Record<Sector, OverrunClass>> };
  readonly delays: {
    readonly enabled: boolean;
    readonly sahelMultiplier: number;
    readonly maxYears: number;
    readonly scheduleOverrun: Readonly<Record<Sector, number>>;
  };
  readonly fx: { readonly annualProbability: number; readonly devaluation: number; readonly foreignShare: number };
}

export const DEFAULT_PATHS = 10_000;

/** The scenario's `risk:` section over the defaults. */
export function riskSettings(scenario: Scenario): RiskSettings {
  const r = scenario.risk ?? {};
  const credit = scenario.credit;
  const sovPd = credit.preferredCreditor ? credit.pd.sovereign : credit.pdWithoutPcs.sovereign;
  const pd =
    r.pd === undefined || r.pd === 'credit'
      ? { MLI: sovPd, BFA: sovPd, NER: sovPd }
      : { MLI: r.pd.MLI, BFA: r.pd.BFA, NER: r.pd.NER };
  const classes = { ...OVERRUN_CLASSES } as Record<Sector, OverrunClass>;
  for (const s of SECTORS) {
    const o = r.overruns?.classes?.[s];
    if (o) classes[s] = o;
  }
  const schedule = { ...SCHEDULE_OVERRUN } as Record<Sector, number>;
  for (const s of SECTORS) {
    const v = r.delays?.scheduleOverrun?.[s];
    if (v !== undefined) schedule[s] = v;
  }
  return {
    paths: r.paths ?? DEFAULT_PATHS,
    correlation: r.correlation ?? 0.5,
    pd,
    lgd: r.lgd === undefined || r.lgd === 'credit' ? null : r.lgd,
    arrearsYears: r.arrearsYears ?? 3,
    rescheduleYears: r.rescheduleYears ?? 10,
    nonSovereignDefaults: r.nonSovereignDefaults ?? true,
    nonSovereignWorkoutYears: 2,
    levy: { volatility: r.levy?.volatility ?? 0.25, persistence: r.levy?.persistence ?? 0.7, correlation: r.levy?.correlation ?? 0.3 },
    rates: { volatility: r.rates?.volatility ?? 0.015, persistence: r.rates?.persistence ?? 0.8 },
    overruns: { enabled: r.overruns?.enabled ?? true, financingCap: r.overruns?.financingCap ?? 1.5, classes },
    delays: {
      enabled: r.delays?.enabled ?? true,
      sahelMultiplier: r.delays?.sahelMultiplier ?? 1.25,
      maxYears: r.delays?.maxYears ?? 6,
      scheduleOverrun: schedule,
    },
    fx: {
      annualProbability: r.fx?.annualProbability ?? 0.01,
      devaluation: r.fx?.devaluation ?? 0.3,
      foreignShare: scenario.funding.borrowing.foreignCurrencyShare ?? 0,
    },
  };
}

/** Expected delay in years of a project: construction × schedule overrun × Sahel multiplier. */
export function expectedDelayYears(settings: RiskSettings, sector: Sector, constructionYears: number): number {
  return Math.max(1, constructionYears) * settings.delays.scheduleOverrun[sector] * settings.delays.sahelMultiplier;
}

