/**
 * What `bcid risk` writes to reports/<scenario>/risk/montecarlo.json: the
 * Monte Carlo summary the dossier and the CSV tables are built from. Amounts
 * in millions of FCFA, ratios as decimals, months as numbers. Deterministic:
 * the same inputs and seed give the same file whatever the number of workers
 * (timings and memory go to performance.json).
 *
 * `null` in a fan means no value: no exposure that year (E/L ratio) or, for
 * liquidity, that the quantile falls among paths with no net outflow to cover
 * (coverage unlimited).
 */
import { MEMBER_CODES, type MemberCode, type Sector } from '../schema/codes.js';
import type { Scenario } from '../schema/scenario.js';
import { LIMITS, METRICS, SCALAR_MIN_EL, type Accumulator, type LimitName, type Metric } from './accumulator.js';
import type { RiskSettings } from './calibration.js';
import { overrunCalibration, type OverrunCalibration } from './overrun-classes.js';
import { IDENTITIES } from './identities.js';
import type { PathResult } from './path.js';
import type { Tornado } from './tornado.js';

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface EconomicCapitalYear {
  readonly year: number;
  readonly expectedLoss: number;
  readonly loss99: number;
  readonly loss999: number;
  readonly utilisation: number | null;
  /** The central case's credit loss and equity that year. */
  readonly deterministicLoss: number;
  readonly equity: number;
}

export interface FanYear {
  readonly year: number;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
  readonly mean: number | null;
  /** The projection with the scenario's named stresses and no random draw. */
  readonly deterministic: number | null;
}

export interface RiskResults {
  readonly kind: 'bcid-risk';
  readonly version: 1;
  readonly scenario: string;
  readonly description: string | null;
  /** Named stresses every path starts from. */
  readonly stresses: readonly string[];
  readonly seed: number;
  readonly paths: number;
  readonly blockSize: number;
  readonly years: readonly number[];
  readonly policy: {
    readonly equityToLoansFloor: number;
    readonly liquidityMonths: number;
    readonly maxGearing: number;
    readonly countryExposureLimit: number;
  };
  readonly calibration: {
    readonly correlation: number;
    readonly pd: Readonly<Record<MemberCode, number>>;
    readonly pdWithoutPcs: number;
    readonly lgd: number | 'credit';
    readonly arrearsYears: number;
    readonly rescheduleYears: number;
    readonly nonSovereignDefaults: boolean;
    readonly nonSovereignPd: number;
    readonly levy: RiskSettings['levy'];
    readonly rates: RiskSettings['rates'];
    /** Whether overruns are drawn, and the largest factor the bank co-finances. */
    readonly overrunFinancing: { readonly enabled: boolean; readonly financingCap: number };
    /**
     * Per sector: the lognormal fitted to its reference class (targets: mean and the SD, P80 or
     * share over budget it is fitted to; null where not) and a check sample of the sampler's own
     * formula (src/risk/overrun-classes.ts), before the financing cap.
     */
    readonly overruns: Readonly<Record<Sector, OverrunCalibration>>;
    readonly delays: { readonly enabled: boolean; readonly sahelMultiplier: number; readonly maxYears: number; readonly scheduleOverrun: Readonly<Record<Sector, number>> };
    readonly fx: RiskSettings['fx'];
  };
  readonly fan: Readonly<Record<Metric, readonly FanYear[]>>;
  /** Probability that a path breaks each limit at least once, and in each year. */
  readonly breaches: readonly {
    readonly limit: LimitName;
    readonly probability: number;
    readonly byYear: readonly number[];
    /** Probability of having broken the limit at least once by the end of each year. */
    readonly cumulativeByYear: readonly number[];
  }[];
  readonly anyBreachProbability: number;
  /** Total credit loss over the horizon (LGD × exposure at default, recognised at default). */
  readonly creditLoss: {
    readonly expected: number;
    readonly standardError: number;
    readonly var95: number;
    readonly cvar95: number;
    readonly var99: number;
    readonly cvar99: number;
    readonly var999: number;
    readonly cvar999: number;
    readonly deterministic: number;
  };
  /**
   * One-year economic capital: per year the expected credit loss of that year alone and its
   * 99 % and 99.9 % quantiles; utilisation = loss999 / the central case's equity that year
   * (the projection with the named stresses and no random draw; null when that equity is ≤ 0).
   */
  readonly economicCapital: readonly EconomicCapitalYear[];
  readonly lowestEquityToLoans: { readonly p5: number | null; readonly p50: number | null; readonly p95: number | null; readonly deterministic: number | null };
  /** Share of paths in which the member (or all three: joint) has defaulted by each year. */
  readonly defaults: readonly { readonly member: MemberCode | 'joint'; readonly byYear: readonly number[] }[];
  readonly tornado: Tornado;
  readonly identities: {
    readonly pathsChecked: number;
    readonly ok: boolean;
    /** Largest gap over all paths as a multiple of its tolerance (≤ 1 passes). */
    readonly worstRatio: number;
    readonly worstPath: number;
    readonly worstIdentity: string;
    readonly worstYear: number | null;
  };
}

/** Timings and memory of one `bcid risk` run: performance.json (not deterministic). */
export interface RiskPerformance {
  readonly kind: 'bcid-risk-performance';
  readonly scenario: string;
  readonly paths: number;
  readonly workers: number;
  /** From the model being ready to the last block merged (includes waiting for threads still starting). */
  readonly simulationSeconds: number;
  readonly pathsPerSecond: number;
  /** Whole command, from start to files written. */
  readonly totalSeconds: number;
  /**
   * Wall time of each phase in order, summing to a little under totalSeconds: loading the
   * inputs and allocating, building the Monte Carlo model, simulating, summarising (with the
   * tornado) and writing the tables, workbook and charts.
   */
  readonly phaseSeconds: Readonly<Record<'loadAndAllocate' | 'prepare' | 'simulate' | 'summarise' | 'write', number>>;
  /** process.resourceUsage().maxRSS in megabytes (whole process, threads included). */
  readonly peakRssMB: number;
  readonly node: string;
  readonly cores: number;
}

const finiteOrNull = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

function deterministicSeries(det: PathResult, metric: Metric, T: number): (number | null)[] {
  const p = det.portfolio;
  const b = det.projection;
  let cum = 0;
  return Array.from({ length: T }, (_, i) => {
    const exposure = p.loans[i]! + p.equityHeld[i]!;
    switch (metric) {
      case 'equityToLoans':
        return exposure > 0 ? b.equity[i]! / exposure : null;
      case 'liquidityMonths': {
        const next = b.nextNetOutflows[i]!;
        return next > 0 ? b.cash[i]! / (next / 12) : null;
      }
      case 'equity':
        return b.equity[i]!;
      case 'creditLosses':
        cum += det.creditLoss[i]!;
        return cum;
    }
  });
}

export interface SummaryInput {
  readonly scenario: Scenario & { readonly name: string };
  readonly settings: RiskSettings;
  readonly acc: Accumulator;
  readonly deterministic: PathResult;
  readonly tornado: Tornado;
  readonly seed: number;
  readonly blockSize: number;
}

export function summarise(input: SummaryInput): RiskResults {
  const { scenario, settings, acc, deterministic: det } = input;
  const tally = acc.tally;
  const T = tally.layout.years;
  const N = acc.paths;
  const years = Array.from({ length: T }, (_, i) => scenario.horizon.start + i);
  const fan = {} as Record<Metric, FanYear[]>;
  METRICS.forEach((metric, m) => {
    const det0 = deterministicSeries(det, metric, T);
    fan[metric] = years.map((year, i) => {
      const h = tally.metricIndex(m, i);
      const q = QUANTILES.map((p) => finiteOrNull(tally.hist.quantile(h, p)));
      return { year, p5: q[0]!, p25: q[1]!, p50: q[2]!, p75: q[3]!, p95: q[4]!, mean: acc.mean(m, i), deterministic: det0[i] ?? null };
    });
  });
  const tail = acc.lossTail(0.95);
  const tail99 = acc.lossTail(0.99);
  const tail999 = acc.lossTail(0.999);
  const detLoss = det.creditLoss.slice(0, T).reduce((a, b) => a + b, 0);
  const detEl = deterministicSeries(det, 'equityToLoans', T).filter((x): x is number => x !== null);
  const credit = scenario.credit;
  const w = tally.worst;
  return {
    kind: 'bcid-risk',
    version: 1,
    scenario: scenario.name,
    description: scenario.description ?? null,
    stresses: scenario.stresses ?? [],
    seed: input.seed,
    paths: N,
    blockSize: input.blockSize,
    years,
    policy: {
      equityToLoansFloor: scenario.policy.equityToLoansFloor,
      liquidityMonths: scenario.policy.liquidityMonths,
      maxGearing: scenario.funding.borrowing.maxGearing,
      countryExposureLimit: scenario.policy.countryExposureLimit,
    },
    calibration: {
      correlation: settings.correlation,
      pd: settings.pd,
      pdWithoutPcs: credit.pdWithoutPcs.sovereign,
      lgd: settings.lgd ?? 'credit',
      arrearsYears: settings.arrearsYears,
      rescheduleYears: settings.rescheduleYears,
      nonSovereignDefaults: settings.nonSovereignDefaults,
      nonSovereignPd: credit.preferredCreditor ? credit.pd['non-sovereign'] : credit.pdWithoutPcs['non-sovereign'],
      levy: settings.levy,
      rates: settings.rates,
      overrunFinancing: { enabled: settings.overruns.enabled, financingCap: settings.overruns.financingCap },
      overruns: overrunCalibration(settings.overruns.classes, input.seed),
      delays: settings.delays,
      fx: settings.fx,
    },
    fan,
    breaches: LIMITS.map((limit, l) => ({
      limit,
      probability: N > 0 ? tally.breachAny[l]! / N : 0,
      byYear: years.map((_, i) => (N > 0 ? tally.breachYear[l * T + i]! / N : 0)),
      cumulativeByYear: years.map((_, i) => (N > 0 ? tally.breachBy[l * T + i]! / N : 0)),
    })),
    anyBreachProbability: N > 0 ? tally.breachAny[LIMITS.length]! / N : 0,
    creditLoss: {
      expected: tail.mean,
      standardError: tail.standardError,
      var95: tail.var,
      cvar95: tail.cvar,
      var99: tail99.var,
      cvar99: tail99.cvar,
      var999: tail999.var,
      cvar999: tail999.cvar,
      deterministic: detLoss,
    },
    economicCapital: years.map((year, i) => {
      const y = acc.yearLoss(i);
      const equity = det.projection.equity[i]!;
      return {
        year,
        expectedLoss: y.expected,
        loss99: y.q99,
        loss999: y.q999,
        utilisation: equity > 0 ? y.q999 / equity : null,
        deterministicLoss: det.creditLoss[i]!,
        equity,
      };
    }),
    lowestEquityToLoans: {
      p5: finiteOrNull(tally.scalars.quantile(SCALAR_MIN_EL, 0.05)),
      p50: finiteOrNull(tally.scalars.quantile(SCALAR_MIN_EL, 0.5)),
      p95: finiteOrNull(tally.scalars.quantile(SCALAR_MIN_EL, 0.95)),
      deterministic: detEl.length > 0 ? Math.min(...detEl) : null,
    },
    defaults: [...MEMBER_CODES, 'joint' as const].map((member, m) => ({
      member,
      byYear: years.map((_, i) => (N > 0 ? tally.defaultedBy[m * T + i]! / N : 0)),
    })),
    tornado: input.tornado,
    identities: {
      pathsChecked: N,
      ok: w[0]! <= 1,
      worstRatio: w[0]!,
      worstPath: w[1]!,
      worstIdentity: IDENTITIES[w[2]!] ?? 'balance-sheet',
      worstYear: w[3]! >= 0 ? scenario.horizon.start + w[3]! : null,
    },
  };
}
