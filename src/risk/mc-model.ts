/**
 * Builds the Monte Carlo model of a run in the main thread: the compiled
 * portfolio, the scenario's named stresses as every path's starting point, the
 * sampler's calibration per member, year and commitment, and the histogram
 * ranges, centred on the deterministic (stressed) projection.
 */
import { inverseNormalCdf } from '../random/normal.js';
import { MEMBER_CODES } from '../schema/codes.js';
import { upliftFactor } from '../model/appraisal/reference-classes.js';
import { shocksFor } from '../shocks/apply.js';
import { METRICS, type AccumulatorLayout } from './accumulator.js';
import { expectedDelayYears, type RiskSettings } from './calibration.js';
import { fitOverrunClass } from './overrun-classes.js';
import { compileRun } from './compiled.js';
import type { HistogramRange } from './histogram.js';
import { PathWorkspace, runPath, withoutCreditCharge, type PathResult } from './path.js';
import type { SamplerParams } from './sampler.js';
import type { McModel } from './simulate.js';
import { stressContext, stressedFunding, type StressBase } from './stress-run.js';

/** Bins per histogram: E/L quantiles to about 0.1 point, losses to 0.03 % of the book. */
export const HISTOGRAM_BINS = 4096;
/** Paths per block (fixed: it sets how floating sums are grouped). */
export const BLOCK_SIZE = 250;

export interface McBuild {
  readonly model: McModel;
  /** The projection with the scenario's stresses and no random draw. */
  readonly deterministic: PathResult;
}

function ranges(det: PathResult, years: number, policyMonths: number, maxLoss: number): { metric: HistogramRange[]; scalar: HistogramRange[] } {
  const p = det.portfolio;
  const b = det.projection;
  let eqMax = 1;
  let elMin = Infinity;
  for (let i = 0; i < years; i++) eqMax = Math.max(eqMax, Math.abs(b.equity[i]!));
  const metric: HistogramRange[] = [];
  for (const m of METRICS) {
    for (let i = 0; i < years; i++) {
      const exposure = p.loans[i]! + p.equityHeld[i]!;
      if (m === 'equityToLoans') {
        const v = exposure > 0 ? b.equity[i]! / exposure : 1;
        if (exposure > 0) elMin = Math.min(elMin, v);
        metric.push({ lo: -1, hi: Math.max(2, 3 * v) });
      } else if (m === 'liquidityMonths') {
        const next = b.nextNetOutflows[i]!;
        const v = next > 0 ? b.cash[i]! / (next / 12) : 0;
        metric.push({ lo: -Math.max(60, 2 * policyMonths), hi: Math.max(60, 4 * policyMonths, 3 * v) });
      } else if (m === 'equity') {
        const scale = Math.max(Math.abs(b.equity[i]!), 0.1 * eqMax);
        metric.push({ lo: b.equity[i]! - 2 * scale, hi: b.equity[i]! + 2 * scale });
      } else metric.push({ lo: 0, hi: maxLoss });
    }
  }
  const yearLoss = Array.from({ length: years }, () => ({ lo: 0, hi: maxLoss }));
  return { metric, scalar: [{ lo: 0, hi: maxLoss }, { lo: -1, hi: Math.max(2, 3 * (Number.isFinite(elMin) ? elMin : 1)) }, ...yearLoss] };
}

export function buildMcModel(base: StressBase, settings: RiskSettings, options: { readonly paths: number; readonly seed: number }): McBuild {
  const { ctx } = base;
  const scenario = ctx.scenario;
  const T = ctx.years.count;
  const sctx = stressContext(ctx, base.commitments, settings);
  const stressShocks = shocksFor(scenario.stresses ?? [], sctx);
  let baseDelay = 0;
  for (const d of stressShocks.delayYears) baseDelay = Math.max(baseDelay, d);
  // Paths draw their own defaults: no expected-loss charge on top (path.ts withoutCreditCharge).
  const compiled = withoutCreditCharge(compileRun(ctx, base.commitments, {
    maxDelay: baseDelay + (settings.delays.enabled ? settings.delays.maxYears : 0),
    nonSovereignWorkoutYears: settings.nonSovereignWorkoutYears,
    rescheduleYears: settings.rescheduleYears,
  }));
  const funding = stressedFunding(base, compiled, stressShocks);
  const deterministic = runPath(compiled, stressShocks, funding, new PathWorkspace(T + 1));

  const credit = scenario.credit;
  const pcsFrom = stressShocks.pcsLossFrom;
  const usePcs = (i: number) => credit.preferredCreditor && i < pcsFrom;
  const fromCredit = scenario.risk?.pd === undefined || scenario.risk.pd === 'credit';
  const memberThreshold = new Float64Array(3 * T);
  MEMBER_CODES.forEach((m, k) => {
    for (let i = 0; i < T; i++) {
      const pd = fromCredit ? (usePcs(i) ? credit.pd.sovereign : credit.pdWithoutPcs.sovereign) : settings.pd[m];
      memberThreshold[k * T + i] = inverseNormalCdf(Math.min(1, Math.max(0, pd)));
    }
  });
  const nonSovereignThreshold = new Float64Array(T);
  for (let i = 0; i < T; i++) {
    const pd = usePcs(i) ? credit.pd['non-sovereign'] : credit.pdWithoutPcs['non-sovereign'];
    nonSovereignThreshold[i] = inverseNormalCdf(Math.min(1, Math.max(0, pd)));
  }
  const P = base.commitments.length;
  const mu = new Float64Array(P);
  const sigma = new Float64Array(P);
  const cap = new Float64Array(P);
  const applied = new Float64Array(P);
  const lambda = new Float64Array(P);
  base.commitments.forEach((c, k) => {
    const ln = fitOverrunClass(settings.overruns.classes[c.project.sector]);
    mu[k] = ln.mu;
    sigma[k] = ln.sigma;
    cap[k] = Math.min(settings.overruns.financingCap, sctx.projects[k]!.overrunRoom);
    applied[k] = upliftFactor(c.project.sector, scenario.appraisal.costUplift);
    lambda[k] = expectedDelayYears(settings, c.project.sector, c.project.constructionYears);
  });
  const params: SamplerParams = {
    years: T,
    correlation: settings.correlation,
    memberThreshold,
    arrearsYears: settings.arrearsYears,
    lgd: settings.lgd ?? NaN,
    rescheduleYears: settings.rescheduleYears,
    nonSovereignDefaults: settings.nonSovereignDefaults,
    nonSovereignThreshold,
    levy: settings.levy,
    rates: settings.rates,
    overruns: { enabled: settings.overruns.enabled, mu, sigma, cap, applied },
    delays: { enabled: settings.delays.enabled, lambda, maxYears: settings.delays.maxYears },
    fx: { annualProbability: settings.fx.annualProbability, devaluation: settings.fx.devaluation, active: compiled.foreignShare > 0 },
    offset: Int32Array.from(base.commitments, (c) => c.year - ctx.years.start),
    instrument: Int32Array.from(compiled.projects, (p) => p.instrumentIndex),
  };
  let peak = 1;
  for (let i = 0; i < T; i++) peak = Math.max(peak, deterministic.portfolio.loans[i]! + deterministic.portfolio.equityHeld[i]!);
  const r = ranges(deterministic, T, scenario.policy.liquidityMonths, peak * Math.max(1, settings.overruns.financingCap));
  const layout: AccumulatorLayout = { years: T, bins: HISTOGRAM_BINS, metricRanges: r.metric, scalarRanges: r.scalar };
  return {
    model: { seed: options.seed, paths: options.paths, blockSize: BLOCK_SIZE, compiled, funding, base: stressShocks, params, layout },
    deterministic,
  };
}
