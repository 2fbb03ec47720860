/**
 * Cost-overrun reference classes of the Monte Carlo and the lognormal fitted to
 * each (sources and figures copied in data/README.md, "Cost-overrun reference
 * classes"). The factor F is actual / estimated cost, ln F ~ N(μ, σ²); its
 * support is (0, ∞), so a project may come in under budget (F < 1), as solar PV
 * and transmission do on average (Boston University 2025: −2.2 %, −3.6 %).
 *
 * A class is fitted to its mean m and one more published figure, in this order
 * of preference:
 * - its standard deviation s (Flyvbjerg et al. 2002/2003: rail, roads, fixed
 *   links): σ² = ln(1 + (s/m)²), μ = ln m − σ²/2. The SD is what carries the
 *   tail: a fit to the mean and P80 alone gave rail σ 0.11 (SD 0.15) against the
 *   class's 0.38;
 * - the share of projects over budget p (large dams, Ansar et al. 2014: mean
 *   +96 %, three in four over budget): P(F > 1) = Φ(μ/σ) = p, so with
 *   z = Φ⁻¹(p), σ²/2 + zσ − ln m = 0: σ = −z + √(z² + 2 ln m), μ = zσ;
 * - its P80 q (classes with no published dispersion): σ²/2 − z₈₀σ = ln m − ln q,
 *   σ = z₈₀ − √(z₈₀² − 2 ln(q/m)) (the thin-tailed root; q/m ≤ e^(z₈₀²/2) = 1.425),
 *   μ = ln m − σ²/2.
 *
 * | sector                 | mean | fitted to      | basis |
 * |------------------------|------|----------------|-------|
 * | roads, transport hubs  | 1.20 | SD 0.30        | Flyvbjerg roads (mean 20.4 %, SD 30); hubs are civil works (EST) |
 * | rail                   | 1.45 | SD 0.38        | Flyvbjerg rail (mean 44.7 %, SD 38) |
 * | extractives            | 1.34 | SD 0.62        | Flyvbjerg fixed links (mean 33.8 %, SD 62), large complex works proxy (EST) |
 * | hydro                  | 1.96 | 75 % over      | Ansar et al. 2014 large dams (mean +96 %, three in four overrun) |
 * | water, irrigation      | 1.20 | SD 0.30        | mean 1.20 (EST) with the roads dispersion (EST) |
 * | thermal, agro-industry | 1.15 | SD 0.29        | Sovacool et al. 2014 thermal mean 1.15 with the roads coefficient of variation 0.25 (EST) |
 * | solar                  | 1.00 | P80 1.10       | BU 2025 solar PV −2.2 %; domain brief default |
 * | power interconnection  | 1.05 | P80 1.15       | transmission; domain brief default |
 * | fibre                  | 1.18 | P80 1.50       | IT class P80 ≈ 1.5 (18 % of projects ≥ +50 %); its 73 % mean is a tail no lognormal with that P80 carries |
 *
 * The appraisal's uplifts and the `overruns-p50/p80` stresses keep the UK DfT
 * P50/P80 uplifts (src/model/appraisal/reference-classes.ts): those are the
 * published planning figures. The fitted P80s are higher where the class is
 * fat-tailed (rail 1.74 against DfT 1.57), which is the point of the fit.
 */
import { inverseNormalCdf } from '../random/normal.js';
import { rngStream } from '../random/rng.js';
import { SECTORS, type Sector } from '../schema/codes.js';

export const Z80 = 0.8416212335729143;

/** A class: its mean and exactly one of sd, overBudgetShare, p80. */
export interface OverrunClass {
  readonly mean: number;
  readonly sd?: number;
  readonly overBudgetShare?: number;
  readonly p80?: number;
}

export type OverrunFit = 'mean-sd' | 'mean-over-budget-share' | 'mean-p80';

export const OVERRUN_CLASSES: Readonly<Record<Sector, OverrunClass>> = {
  roads: { mean: 1.2, sd: 0.3 },
  rail: { mean: 1.45, sd: 0.38 },
  'transport-hub': { mean: 1.2, sd: 0.3 },
  'power-interconnection': { mean: 1.05, p80: 1.15 },
  solar: { mean: 1.0, p80: 1.1 },
  hydro: { mean: 1.96, overBudgetShare: 0.75 },
  thermal: { mean: 1.15, sd: 0.29 },
  water: { mean: 1.2, sd: 0.3 },
  irrigation: { mean: 1.2, sd: 0.3 },
  fibre: { mean: 1.18, p80: 1.5 },
  'agro-industry': { mean: 1.15, sd: 0.29 },
  extractives: { mean: 1.34, sd: 0.62 },
};

export interface Lognormal {
  readonly mu: number;
  readonly sigma: number;
}

/** μ and σ of the log of a lognormal factor with the given mean and P80. */
export function lognormalFromMeanP80(mean: number, p80: number): Lognormal {
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

/** μ and σ of a lognormal with the given mean and standard deviation. */
export function lognormalFromMeanSd(mean: number, sd: number): Lognormal {
  if (!(mean > 0 && sd >= 0)) throw new RangeError(`mean must be positive and SD non-negative, got ${mean} and ${sd}`);
  const s2 = Math.log(1 + (sd / mean) ** 2);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/** μ and σ of a lognormal with the given mean and probability of exceeding 1. */
export function lognormalFromMeanOverBudget(mean: number, share: number): Lognormal {
  if (!(mean > 0 && share > 0 && share < 1)) throw new RangeError(`mean must be positive and the share in (0, 1), got ${mean} and ${share}`);
  const z = inverseNormalCdf(share);
  const disc = z * z + 2 * Math.log(mean);
  if (disc < 0 || -z + Math.sqrt(disc) <= 0) throw new RangeError(`no lognormal has mean ${mean} with ${share} of its mass above 1`);
  const sigma = -z + Math.sqrt(disc);
  return { mu: z * sigma, sigma };
}

export function overrunFit(c: OverrunClass): OverrunFit {
  if (c.sd !== undefined) return 'mean-sd';
  if (c.overBudgetShare !== undefined) return 'mean-over-budget-share';
  if (c.p80 !== undefined) return 'mean-p80';
  throw new RangeError('an overrun class needs sd, overBudgetShare or p80 beside its mean');
}

export function fitOverrunClass(c: OverrunClass): Lognormal {
  switch (overrunFit(c)) {
    case 'mean-sd':
      return lognormalFromMeanSd(c.mean, c.sd!);
    case 'mean-over-budget-share':
      return lognormalFromMeanOverBudget(c.mean, c.overBudgetShare!);
    case 'mean-p80':
      return lognormalFromMeanP80(c.mean, c.p80!);
  }
}

/** One overrun factor from a standard normal draw: the sampler's and the check sample's formula. */
export function overrunDraw(l: Lognormal, z: number): number {
  return Math.exp(l.mu + l.sigma * z);
}

export interface OverrunCalibration {
  readonly fit: OverrunFit;
  readonly mu: number;
  readonly sigma: number;
  readonly targetMean: number;
  /** The class's SD where it is fitted to it; null otherwise. */
  readonly targetSd: number | null;
  /** The class's P80 where it is fitted to it; null otherwise. */
  readonly targetP80: number | null;
  /** The class's share over budget where it is fitted to it; null otherwise. */
  readonly targetOverBudgetShare: number | null;
  readonly sampleMean: number;
  readonly sampleSd: number;
  readonly sampleP80: number;
  readonly sampleOverBudgetShare: number;
  /** Share of the sample under budget (F < 1). */
  readonly sampleUnderBudgetShare: number;
}

/**
 * Draws in each sector's check sample: enough for its SD to within about 1 % (hydro, the
 * fattest class: √(kurtosis + 2) / (2√n) ≈ 1 %), and cheap next to the simulation (12 sectors,
 * about 40 ms on the 2-vCPU machine).
 */
export const CHECK_SAMPLE = 40_000;
/** Stream ids of the check samples, far above any path index. */
const CHECK_STREAM = 0x7f000000;

/**
 * Each sector's fit and a check sample of `n` factors from the sampler's own
 * formula, on streams of their own (they never touch a path's draws), antithetic
 * pairs (z, −z) so that the sample's median is the fit's: what `montecarlo.json`
 * reports as `calibration.overruns`.
 */
export function overrunCalibration(classes: Readonly<Record<Sector, OverrunClass>>, seed: number, n = CHECK_SAMPLE): Record<Sector, OverrunCalibration> {
  const out = {} as Record<Sector, OverrunCalibration>;
  const sample = new Float64Array(n);
  SECTORS.forEach((sector, s) => {
    const c = classes[sector];
    const l = fitOverrunClass(c);
    const rng = rngStream(seed, CHECK_STREAM + s);
    for (let k = 0; k < n; k += 2) {
      let u = rng.next();
      while (u === 0) u = rng.next();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
      sample[k] = overrunDraw(l, z);
      if (k + 1 < n) sample[k + 1] = overrunDraw(l, -z);
    }
    let sum = 0;
    let over = 0;
    let under = 0;
    for (let k = 0; k < n; k++) {
      sum += sample[k]!;
      if (sample[k]! > 1) over++;
      else if (sample[k]! < 1) under++;
    }
    const mean = sum / n;
    let ss = 0;
    for (let k = 0; k < n; k++) ss += (sample[k]! - mean) ** 2;
    const fit = overrunFit(c);
    out[sector] = {
      fit,
      mu: l.mu,
      sigma: l.sigma,
      targetMean: c.mean,
      targetSd: fit === 'mean-sd' ? c.sd! : null,
      targetP80: fit === 'mean-p80' ? c.p80! : null,
      targetOverBudgetShare: fit === 'mean-over-budget-share' ? c.overBudgetShare! : null,
      sampleMean: mean,
      sampleSd: Math.sqrt(ss / (n - 1)),
      sampleP80: kthSmallest(sample, Math.ceil(0.8 * n) - 1),
      sampleOverBudgetShare: over / n,
      sampleUnderBudgetShare: under / n,
    };
  });
  return out;
}

/** The k-th smallest value (0-based) of `a`, reordering `a` (Hoare's selection, expected O(n)). */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
