/**
 * The random part of a path, against its calibration: the one-factor copula of
 * member defaults (marginal 1 − (1 − p)^T for any ρ, joint defaults rising with ρ),
 * non-sovereign defaults, the overrun factor (mean and P80 of the class), delays,
 * the levy and the rate shift.
 */
import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from '../../src/random/normal.js';
import { rngStream } from '../../src/random/rng.js';
import { neutralShocks } from '../../src/shocks/shock-set.js';
import { lognormalFromMeanP80, OVERRUN_CLASSES, Z80 } from '../../src/risk/calibration.js';
import { Normals, poissonInverse, SamplerScratch, samplePath, type SamplerParams } from '../../src/risk/sampler.js';

function params(T: number, projects: number, over: Partial<SamplerParams> = {}): SamplerParams {
  return {
    years: T,
    correlation: 0,
    memberThreshold: new Float64Array(3 * T).fill(-Infinity),
    arrearsYears: 3,
    lgd: NaN,
    rescheduleYears: 10,
    nonSovereignDefaults: false,
    nonSovereignThreshold: new Float64Array(T).fill(-Infinity),
    levy: { volatility: 0, persistence: 0, correlation: 0 },
    rates: { volatility: 0, persistence: 0 },
    overruns: { enabled: false, mu: new Float64Array(projects), sigma: new Float64Array(projects), cap: new Float64Array(projects).fill(Infinity), applied: new Float64Array(projects).fill(1) },
    delays: { enabled: false, lambda: new Float64Array(projects), maxYears: 0 },
    fx: { annualProbability: 0, devaluation: 0.3, active: false },
    offset: new Int32Array(projects),
    instrument: new Int32Array(projects),
    ...over,
  };
}

/** Draws `n` paths and hands each shock set to `see`. */
function draw(p: SamplerParams, projects: number, n: number, see: (s: ReturnType<typeof neutralShocks>) => void, seed = 7): void {
  const base = neutralShocks(projects, p.years);
  const s = neutralShocks(projects, p.years);
  const scratch = new SamplerScratch(p.years);
  for (let k = 0; k < n; k++) {
    samplePath(p, base, seed, k, s, scratch);
    see(s);
  }
}

function defaultFrequencies(rho: number, pd: number, T: number, n: number): { marginal: number[]; joint: number } {
  const p = params(T, 0, { correlation: rho, memberThreshold: new Float64Array(3 * T).fill(inverseNormalCdf(pd)) });
  const counts = [0, 0, 0];
  let joint = 0;
  draw(p, 0, n, (s) => {
    const d = [s.memberDefault.MLI, s.memberDefault.BFA, s.memberDefault.NER].map((e) => e !== null && e.yearIndex < T);
    d.forEach((x, m) => {
      if (x) counts[m]!++;
    });
    if (d.every(Boolean)) joint++;
  });
  return { marginal: counts.map((c) => c / n), joint: joint / n };
}

describe('member defaults: one-factor Gaussian copula', () => {
  const T = 10;
  const pd = 0.05;
  const n = 20_000;
  const expected = 1 - (1 - pd) ** T;
  const se = Math.sqrt((expected * (1 - expected)) / n);

  it('with ρ = 0, the share defaulted by year T is 1 − (1 − p)^T within sampling error', () => {
    const { marginal, joint } = defaultFrequencies(0, pd, T, n);
    for (const m of marginal) expect(Math.abs(m - expected)).toBeLessThan(4 * se);
    // Independent: the joint frequency is the product.
    expect(Math.abs(joint - expected ** 3)).toBeLessThan(4 * Math.sqrt((expected ** 3 * (1 - expected ** 3)) / n));
  });

  it('the marginal stays the same for any ρ; joint defaults rise with ρ', () => {
    let previous = -1;
    for (const rho of [0, 0.3, 0.6, 0.9]) {
      const { marginal, joint } = defaultFrequencies(rho, pd, T, n);
      // Correlated years widen the spread of the marginal estimate (paths share Z): a looser band.
      for (const m of marginal) expect(Math.abs(m - expected), `ρ ${rho}`).toBeLessThan(6 * se);
      expect(joint, `ρ ${rho}`).toBeGreaterThan(previous + 0.01);
      previous = joint;
    }
  });

  it('a member defaults at most once, in the first year its latent variable falls below the threshold', () => {
    const p = params(5, 0, { memberThreshold: new Float64Array(15).fill(Infinity) });
    draw(p, 0, 10, (s) => expect(s.memberDefault.NER).toEqual({ yearIndex: 0, arrearsYears: 3, lgd: null, rescheduleYears: 10 }));
  });

  it('non-sovereign borrowers, drawn by inversion of the default year given Z, keep the marginal 1 − (1 − p)^T', () => {
    for (const rho of [0, 0.5]) {
      const P = 20;
      const p = params(T, P, {
        correlation: rho,
        nonSovereignDefaults: true,
        nonSovereignThreshold: new Float64Array(T).fill(inverseNormalCdf(pd)),
        instrument: new Int32Array(P).fill(1),
      });
      let defaulted = 0;
      const paths = 2000;
      draw(p, P, paths, (s) => {
        for (const d of s.projectDefaultYear) if (d >= 0) defaulted++;
      });
      expect(Math.abs(defaulted / (paths * P) - expected), `ρ ${rho}`).toBeLessThan(0.02);
    }
  });
});

describe('cost overruns and delays', () => {
  it('the lognormal with the class mean and P80 reproduces both exactly', () => {
    for (const [sector, c] of Object.entries(OVERRUN_CLASSES)) {
      if (c.p80 === undefined) continue;
      const { mu, sigma } = lognormalFromMeanP80(c.mean, c.p80);
      expect(Math.exp(mu + (sigma * sigma) / 2), sector).toBeCloseTo(c.mean, 12);
      expect(Math.exp(mu + Z80 * sigma), sector).toBeCloseTo(c.p80, 12);
      expect(sigma, sector).toBeGreaterThan(0);
    }
    expect(() => lognormalFromMeanP80(1, 2)).toThrow(/no lognormal/);
  });

  it('the sampled factors’ mean and P80 match the rail class (1.45, 1.57)', () => {
    const P = 50;
    const { mu, sigma } = lognormalFromMeanP80(1.45, 1.57);
    const p = params(3, P, { overruns: { enabled: true, mu: new Float64Array(P).fill(mu), sigma: new Float64Array(P).fill(sigma), cap: new Float64Array(P).fill(Infinity), applied: new Float64Array(P).fill(1) } });
    const factors: number[] = [];
    draw(p, P, 2000, (s) => factors.push(...s.amountFactor));
    const n = factors.length;
    const mean = factors.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(factors.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 1.45)).toBeLessThan(4 * (sd / Math.sqrt(n)));
    const sorted = [...factors].sort((a, b) => a - b);
    expect(sorted[Math.floor(0.8 * n)]!).toBeCloseTo(1.57, 2);
  });

  it('the factor is divided by the uplift already approved and capped', () => {
    const P = 10;
    const p = params(3, P, { overruns: { enabled: true, mu: new Float64Array(P).fill(Math.log(1.2)), sigma: new Float64Array(P), cap: new Float64Array(P).fill(1.1), applied: new Float64Array(P).fill(1.2) } });
    draw(p, P, 3, (s) => s.amountFactor.forEach((x) => expect(x).toBeCloseTo(1, 12)));
    const q = params(3, P, { overruns: { enabled: true, mu: new Float64Array(P).fill(Math.log(2)), sigma: new Float64Array(P), cap: new Float64Array(P).fill(1.5), applied: new Float64Array(P).fill(1) } });
    draw(q, P, 3, (s) => s.amountFactor.forEach((x) => expect(x).toBe(1.5)));
  });

  it('delays are Poisson with the sector’s expected delay', () => {
    const P = 20;
    const lambda = 1.7;
    const p = params(3, P, { delays: { enabled: true, lambda: new Float64Array(P).fill(lambda), maxYears: 50 } });
    let total = 0;
    let n = 0;
    draw(p, P, 2000, (s) => {
      for (const d of s.delayYears) {
        total += d;
        n++;
      }
    });
    expect(Math.abs(total / n - lambda)).toBeLessThan(4 * Math.sqrt(lambda / n));
    expect(poissonInverse(0, 2, 9)).toBe(0);
    expect(poissonInverse(0.999999, 2, 3)).toBe(3);
    expect(poissonInverse(0.5, 0, 3)).toBe(0);
  });
});

describe('levy and rates', () => {
  it('the levy factor has mean 1 and year-to-year correlation of its log equal to the persistence', () => {
    const T = 30;
    const p = params(T, 0, { levy: { volatility: 0.25, persistence: 0.7, correlation: 0.3 } });
    let sum = 0;
    let n = 0;
    const logs: number[][] = [];
    draw(p, 0, 3000, (s) => {
      for (const x of s.levyFactor) {
        sum += x;
        n++;
      }
      logs.push(Array.from(s.levyFactor, (x) => Math.log(x)));
    });
    expect(sum / n).toBeCloseTo(1, 2);
    const pairs = logs.flatMap((l) => l.slice(0, -2).map((x, i) => [x, l[i + 1]!] as const));
    const mx = pairs.reduce((a, [x]) => a + x, 0) / pairs.length;
    const my = pairs.reduce((a, [, y]) => a + y, 0) / pairs.length;
    const cov = pairs.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
    const vx = pairs.reduce((a, [x]) => a + (x - mx) ** 2, 0);
    const vy = pairs.reduce((a, [, y]) => a + (y - my) ** 2, 0);
    expect(cov / Math.sqrt(vx * vy)).toBeCloseTo(0.7, 1);
  });

  it('the coupon shift has the calibrated standard deviation', () => {
    const T = 20;
    const p = params(T, 0, { rates: { volatility: 0.015, persistence: 0.8 } });
    const last: number[] = [];
    draw(p, 0, 4000, (s) => last.push(s.issueRateShift[T - 1]!));
    const mean = last.reduce((a, b) => a + b, 0) / last.length;
    const sd = Math.sqrt(last.reduce((a, b) => a + (b - mean) ** 2, 0) / last.length);
    expect(Math.abs(mean)).toBeLessThan(0.001);
    expect(sd).toBeCloseTo(0.015, 3);
  });

  it('normals come in Box–Muller pairs from the path’s own stream, with unit variance', () => {
    const g = new Normals(rngStream(3, 9));
    const xs = Array.from({ length: 40_000 }, () => g.next());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(v).toBeCloseTo(1, 1);
  });

  it('the same (seed, path) gives the same draws; another path others', () => {
    const p = params(10, 5, { levy: { volatility: 0.25, persistence: 0.7, correlation: 0.3 } });
    const a: number[][] = [];
    for (const path of [4, 4, 5]) {
      const s = neutralShocks(5, 10);
      samplePath(p, neutralShocks(5, 10), 1, path, s, new SamplerScratch(10));
      a.push(Array.from(s.levyFactor));
    }
    expect(a[0]).toEqual(a[1]);
    expect(a[0]).not.toEqual(a[2]);
  });
});
