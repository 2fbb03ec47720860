/**
 * The random part of one Monte Carlo path, drawn from its own stream
 * `rngStream(seed, path)` into a shock set, on top of the scenario's named
 * stresses. Every path draws the same numbers in the same order whatever is
 * switched on (common random numbers: switching one risk off leaves the
 * others' draws untouched), and whatever thread runs it.
 *
 * Order of draws: Z_t (t = 0 … T−1); ε_{t,m} (t-major, members MLI, BFA, NER);
 * the levy's η_t (T + 1 values: horizon and look-ahead year); the rate shift's
 * ν_t; the peg-exit uniforms u_t; then per commitment: the overrun normal, the
 * delay uniform and the default uniform. Normals come in Box–Muller pairs.
 *
 * - Members: X = √ρ Z_t + √(1−ρ) ε_{t,m}; default in the first year with
 *   X < Φ⁻¹(PD_{m,t}) (PD per year: without PCS from the year it is lost).
 * - Non-sovereign borrowers: the same one-factor model, drawn by inversion of
 *   the default year given the Z path with one uniform (conditional default
 *   probability q_t = Φ((Φ⁻¹(PD) − √ρ Z_t)/√(1−ρ)); the year is the first t with
 *   1 − Π_{s≤t}(1 − q_s) > u), from the signing year on. Exact in law, and
 *   one draw per project instead of one per project-year.
 * - Levy: factor exp(σ x_t − σ²/2) with x an AR(1) in logs (persistence φ,
 *   stationary N(0,1)) whose innovations load c on Z_t: e_t = c Z_t + √(1−c²) η_t.
 * - Rate shift on new bonds: an AR(1) with stationary standard deviation σ_r.
 * - Peg exit: the first year with u_t < p (only if the bank borrows in EUR).
 * - Overrun factor lognormal(μ, σ) of the sector, ÷ the uplift already
 *   approved, capped; delay years Poisson(λ) by inversion, capped.
 */
import { normalCdf } from '../random/normal.js';
import { rngStream, type Rng } from '../random/rng.js';
import { MEMBER_CODES } from '../schema/codes.js';
import type { MutableShockSet, ShockSet } from '../shocks/shock-set.js';

export interface SamplerParams {
  readonly years: number;
  readonly correlation: number;
  /** Φ⁻¹(PD) per member and year, member-major (−∞ for PD 0). */
  readonly memberThreshold: Float64Array;
  readonly arrearsYears: number;
  /** LGD at resolution; NaN: from the credit section at the time of default. */
  readonly lgd: number;
  readonly rescheduleYears: number;
  readonly nonSovereignDefaults: boolean;
  /** Φ⁻¹(PD) of non-sovereign borrowers per year. */
  readonly nonSovereignThreshold: Float64Array;
  readonly levy: { readonly volatility: number; readonly persistence: number; readonly correlation: number };
  readonly rates: { readonly volatility: number; readonly persistence: number };
  readonly overruns: {
    readonly enabled: boolean;
    readonly mu: Float64Array;
    readonly sigma: Float64Array;
    /** Largest factor per commitment: min(financing cap, what its cash flow carries). */
    readonly cap: Float64Array;
    /** Uplift already in the approved amount. */
    readonly applied: Float64Array;
  };
  readonly delays: { readonly enabled: boolean; readonly lambda: Float64Array; readonly maxYears: number };
  readonly fx: { readonly annualProbability: number; readonly devaluation: number; readonly active: boolean };
  /** Commitment offsets (signing year index) and instrument indices. */
  readonly offset: Int32Array;
  readonly instrument: Int32Array;
}

/** Scratch arrays of one thread. */
export class SamplerScratch {
  readonly z: Float64Array;
  readonly q: Float64Array;
  constructor(years: number) {
    this.z = new Float64Array(years);
    this.q = new Float64Array(years);
  }
}

/**
 * Standard normals from a stream, two per Box–Muller draw (cosine, then sine):
 * half the logarithms of `standardNormal`, which keeps only the cosine. Its state
 * lives inside one path, so paths stay independent of each other.
 */
export class Normals {
  private spare = 0;
  private hasSpare = false;
  constructor(private readonly rng: Rng) {}
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u = this.rng.next();
    while (u === 0) u = this.rng.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * this.rng.next();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}

/** Poisson(λ) by inversion of u, capped at `max`. */
export function poissonInverse(u: number, lambda: number, max: number): number {
  if (!(lambda > 0)) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  while (u > cdf && k < max) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** Draws path `path` into `s`, starting from the base shock set. */
export function samplePath(params: SamplerParams, base: ShockSet, seed: number, path: number, s: MutableShockSet, scratch: SamplerScratch): void {
  const rng = rngStream(seed, path);
  const normal = new Normals(rng);
  const T = params.years;
  const rho = params.correlation;
  const a = Math.sqrt(rho);
  const b = Math.sqrt(1 - rho);
  for (let k = 0; k < s.amountFactor.length; k++) {
    s.amountFactor[k] = base.amountFactor[k]!;
    s.delayYears[k] = base.delayYears[k]!;
    s.projectDefaultYear[k] = base.projectDefaultYear[k]!;
  }
  for (let t = 0; t < s.levyFactor.length; t++) s.levyFactor[t] = base.levyFactor[t]!;
  for (let t = 0; t < s.issueRateShift.length; t++) s.issueRateShift[t] = base.issueRateShift[t]!;
  s.issuanceClosed = base.issuanceClosed;
  for (const m of MEMBER_CODES) {
    s.paidInDelay[m] = base.paidInDelay[m];
    s.memberDefault[m] = base.memberDefault[m];
  }
  s.pcsLossFrom = base.pcsLossFrom;
  s.pegExit = base.pegExit;

  // Systemic factor and member defaults.
  const z = scratch.z;
  for (let t = 0; t < T; t++) z[t] = normal.next();
  const defaultYear = [-1, -1, -1];
  for (let t = 0; t < T; t++) {
    for (let m = 0; m < 3; m++) {
      const e = normal.next();
      if (defaultYear[m]! < 0 && a * z[t]! + b * e < params.memberThreshold[m * T + t]!) defaultYear[m] = t;
    }
  }
  for (let m = 0; m < 3; m++) {
    const d = defaultYear[m]!;
    if (d < 0) continue;
    const code = MEMBER_CODES[m]!;
    const before = s.memberDefault[code];
    if (before === null || d < before.yearIndex) {
      s.memberDefault[code] = {
        yearIndex: d,
        arrearsYears: params.arrearsYears,
        lgd: Number.isNaN(params.lgd) ? null : params.lgd,
        rescheduleYears: params.rescheduleYears,
      };
    }
  }

  // Levy: AR(1) in logs, loading on the systemic factor.
  const lv = params.levy;
  const c = lv.correlation;
  const cc = Math.sqrt(Math.max(0, 1 - c * c));
  const phi = lv.persistence;
  const innov = Math.sqrt(1 - phi * phi);
  let x = 0;
  for (let t = 0; t <= T; t++) {
    const eta = normal.next();
    const e = c * (t < T ? z[t]! : 0) + cc * eta;
    x = t === 0 ? e : phi * x + innov * e;
    if (lv.volatility > 0) s.levyFactor[t] = s.levyFactor[t]! * Math.exp(lv.volatility * x - (lv.volatility * lv.volatility) / 2);
  }

  // Coupon shift on new bonds.
  const rt = params.rates;
  const rphi = rt.persistence;
  const rinnov = Math.sqrt(1 - rphi * rphi);
  let r = 0;
  for (let t = 0; t < T; t++) {
    const nu = normal.next();
    r = t === 0 ? rt.volatility * nu : rphi * r + rt.volatility * rinnov * nu;
    if (rt.volatility > 0) s.issueRateShift[t] = s.issueRateShift[t]! + r;
  }

  // Peg exit.
  let exit = -1;
  for (let t = 0; t < T; t++) {
    const u = rng.next();
    if (exit < 0 && u < params.fx.annualProbability) exit = t;
  }
  if (params.fx.active && exit >= 0 && (s.pegExit === null || exit < s.pegExit.yearIndex)) {
    s.pegExit = { yearIndex: exit, devaluation: params.fx.devaluation };
  }

  // Non-sovereign conditional default probabilities given the Z path.
  const q = scratch.q;
  if (params.nonSovereignDefaults) {
    for (let t = 0; t < T; t++) {
      const th = params.nonSovereignThreshold[t]!;
      q[t] = b > 1e-9 ? normalCdf((th - a * z[t]!) / b) : th > a * z[t]! ? 1 : 0;
    }
  }

  // Per commitment: overrun, delay, default.
  const ov = params.overruns;
  const dl = params.delays;
  for (let k = 0; k < s.amountFactor.length; k++) {
    const zo = normal.next();
    const ud = rng.next();
    const uf = rng.next();
    if (ov.enabled) {
      // overrun-classes.ts overrunDraw, inlined: this loop runs for every commitment of every path.
      const f = Math.exp(ov.mu[k]! + ov.sigma[k]! * zo) / ov.applied[k]!;
      s.amountFactor[k] = s.amountFactor[k]! * Math.min(ov.cap[k]!, f);
    }
    if (dl.enabled) s.delayYears[k] = s.delayYears[k]! + poissonInverse(ud, dl.lambda[k]!, dl.maxYears);
    if (params.nonSovereignDefaults && params.instrument[k] === 1) {
      let survive = 1;
      for (let t = Math.max(0, params.offset[k]!); t < T; t++) {
        survive *= 1 - q[t]!;
        if (1 - survive > uf) {
          s.projectDefaultYear[k] = t;
          break;
        }
      }
    }
  }
}
