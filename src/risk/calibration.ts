/**
 * The Monte Carlo calibration and the parameters the named stresses share:
 * the scenario's `risk:` section over the defaults below. Sources are
 * docs/domain-facts.md, cited by section; EST = our estimate.
 *
 * Cost overruns (§5): a lognormal factor F per project, ln F ~ N(μ, σ²), with
 * mean e^(μ+σ²/2) = m and P80 e^(μ+z₈₀σ) = q of its sector's reference class
 * (z₈₀ = Φ⁻¹(0.8) = 0.8416). So σ²/2 − z₈₀σ = ln m − ln q:
 *   σ = z₈₀ − √(z₈₀² − 2 ln(q/m))   (the thin-tailed root; needs q/m ≤ e^(z₈₀²/2) = 1.425),
 *   μ = ln m − σ²/2.
 * When m ≥ q (a fat tail the mean owes to rare disasters) the root with the
 * plus sign is the only one; no class here needs it.
 *
 * | sector                 | mean | P80  | basis |
 * |------------------------|------|------|-------|
 * | roads, transport hubs  | 1.20 | 1.32 | §5 suggested default (Flyvbjerg roads: mean 20.4 %, DfT P80 32 %) |
 * | rail                   | 1.45 | 1.57 | §5 (mean 44.7 %, DfT P80 57 %) |
 * | hydro                  | 1.70 | 2.00 | §5 (large dams ~96 %, suggested 1.70 / 2.0) |
 * | solar                  | 1.00 | 1.10 | §5 (BU 2025: solar PV −2.2 %) |
 * | power interconnection  | 1.05 | 1.15 | §5 transmission |
 * | water, irrigation      | 1.20 | 1.32 | §5 mean 1.20, roads dispersion (EST) |
 * | thermal, agro-industry | 1.15 | 1.26 | §5 thermal 1.15, roads dispersion (EST) |
 * | extractives            | 1.34 | 1.55 | §5 fixed links (large complex works proxy, EST) |
 * | fibre                  | 1.18 | 1.50 | §5 IT class: P80 ≈ 1.5 and median 1.10 (the 73 % mean is a fat tail a lognormal with that P80 cannot carry) |
 * The P80s are those of the appraisal's reference classes, so `overruns-p80` and the simulation agree.
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

export const Z80 = 0.8416212335729143;

export interface OverrunClass {
  readonly mean: number;
  readonly p80: number;
}

export const OVERRUN_CLASSES: Readonly<Record<Sector, OverrunClass>> = {
  roads: { mean: 1.2, p80: 1.32 },
  rail: { mean: 1.45, p80: 1.57 },
  'transport-hub': { mean: 1.2, p80: 1.32 },
  'power-interconnection': { mean: 1.05, p80: 1.15 },
  solar: { mean: 1.0, p80: 1.1 },
  hydro: { mean: 1.7, p80: 2.0 },
  thermal: { mean: 1.15, p80: 1.26 },
  water: { mean: 1.2, p80: 1.32 },
  irrigation: { mean: 1.2, p80: 1.32 },
  fibre: { mean: 1.18, p80: 1.5 },
  'agro-industry': { mean: 1.15, p80: 1.26 },
  extractives: { mean: 1.34, p80: 1.55 },
};

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

/** μ and σ of the log of a lognormal factor with the given mean and P80. */
export function lognormalFromMeanP80(mean: number, p80: number): { readonly mu: number; readonly sigma: number } {
  if (!(mean > 0 && p80 > 0)) throw new RangeError(`mean and P80 must be positive, got ${mean} and ${p80}`);
  const d = Math.log(p80 / mean);
  let sigma: number;
  if (Math.abs(d) < 1e-15) sigma = 2 * Z80;
  else if (d > 0) {
    const disc = Z80 * Z80 - 2 * d;
    if (disc < 0) throw new RangeError(`no lognormal has mean ${mean} and P80 ${p80}: P80/mean must be at most ${Math.exp((Z80 * Z80) / 2).toFixed(3)}`);
    sigma = Z80 - Math.sqrt(disc);
  } else sigma = Z80 + Math.sqrt(Z80 * Z80 - 2 * d);
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

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

