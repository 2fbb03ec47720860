/**
 * One-year economic capital and the tail of cumulative losses: the yearly
 * quantiles agree with the exact ones of the paths (to one histogram bin), are
 * ordered, reduce to the central case with every risk off, and the breach
 * probabilities by year add up to the horizon's.
 */
import { describe, expect, it } from 'vitest';
import { BlockSums } from '../../src/risk/accumulator.js';
import { riskSettings } from '../../src/risk/calibration.js';
import { buildMcModel } from '../../src/risk/mc-model.js';
import { runMonteCarlo, startWorkers } from '../../src/risk/montecarlo.js';
import { summarise } from '../../src/risk/results.js';
import { PathSimulator } from '../../src/risk/simulate.js';
import { tornado } from '../../src/risk/tornado.js';
import { bundled, risksOff, type Fixture } from './fixture.js';

async function simulate(f: Fixture, paths: number, seed: number) {
  const settings = riskSettings(f.scenario);
  const build = buildMcModel(f.base, settings, { paths, seed });
  const pool = startWorkers(1);
  const acc = await runMonteCarlo(build.model, pool);
  await pool.close();
  const t = tornado(build.model.compiled, build.model.base, build.model.funding, build.model.params, settings);
  return { build, results: summarise({ scenario: f.scenario, settings, acc, deterministic: build.deterministic, tornado: t, seed, blockSize: build.model.blockSize }) };
}

/** The exact p-quantile at rank p·N of the sorted values (the histogram's convention). */
function exactQuantile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

describe('one-year economic capital, every risk on', () => {
  it('loss999 ≥ loss99 ≥ expected loss every year; utilisation is loss999 over central equity', async () => {
    const f = await bundled();
    const { results, build } = await simulate(f, 2000, 7);
    expect(results.economicCapital).toHaveLength(results.years.length);
    let anyLoss = false;
    for (const y of results.economicCapital) {
      expect(y.loss999, String(y.year)).toBeGreaterThanOrEqual(y.loss99);
      expect(y.loss99, String(y.year)).toBeGreaterThanOrEqual(y.expectedLoss);
      expect(y.expectedLoss).toBeGreaterThanOrEqual(0);
      const i = y.year - results.years[0]!;
      expect(y.equity).toBe(build.deterministic.projection.equity[i]);
      if (y.equity > 0) expect(y.utilisation).toBeCloseTo(y.loss999 / y.equity, 12);
      if (y.loss999 > 0) anyLoss = true;
    }
    expect(anyLoss).toBe(true);
    // The yearly expected losses add up to the expected cumulative loss.
    const sum = results.economicCapital.reduce((a, y) => a + y.expectedLoss, 0);
    expect(sum).toBeCloseTo(results.creditLoss.expected, 6);
    // Cumulative tail: VaR and CVaR grow with the confidence level, CVaR ≥ VaR.
    const c = results.creditLoss;
    expect(c.var99).toBeGreaterThanOrEqual(c.var95);
    expect(c.var999).toBeGreaterThanOrEqual(c.var99);
    expect(c.cvar95).toBeGreaterThanOrEqual(c.var95);
    expect(c.cvar99).toBeGreaterThanOrEqual(c.var99);
    expect(c.cvar999).toBeGreaterThanOrEqual(c.var999);
    expect(c.cvar99).toBeGreaterThanOrEqual(c.cvar95);
  });

  it('the yearly quantiles are the exact ones of the paths, to one histogram bin', async () => {
    const f = await bundled();
    const paths = 1000;
    const { results, build } = await simulate(f, paths, 11);
    const sim = new PathSimulator(build.model);
    const sums = new BlockSums(build.model.layout);
    const T = results.years.length;
    const losses: number[][] = Array.from({ length: T }, () => []);
    for (let k = 0; k < paths; k++) {
      const r = sim.runOne(k, sums);
      for (let i = 0; i < T; i++) losses[i]!.push(r.creditLoss[i]!);
    }
    results.economicCapital.forEach((y, i) => {
      const sorted = [...losses[i]!].sort((a, b) => a - b);
      const range = build.model.layout.scalarRanges[2 + i]!;
      const bin = (range.hi - range.lo) / build.model.layout.bins;
      expect(Math.abs(y.loss99 - exactQuantile(sorted, 0.99)), `${y.year} q99`).toBeLessThanOrEqual(bin * (1 + 1e-9));
      expect(Math.abs(y.loss999 - exactQuantile(sorted, 0.999)), `${y.year} q999`).toBeLessThanOrEqual(bin * (1 + 1e-9));
      const mean = sorted.reduce((a, b) => a + b, 0) / paths;
      expect(y.expectedLoss).toBeCloseTo(mean, 6);
    });
  });

  it('breach probabilities by the end of each year rise to the horizon’s and bound each year’s', async () => {
    const f = await bundled();
    const { results } = await simulate(f, 1000, 5);
    for (const b of results.breaches) {
      let prev = 0;
      b.cumulativeByYear.forEach((p, i) => {
        expect(p, `${b.limit} ${i}`).toBeGreaterThanOrEqual(prev);
        expect(p).toBeGreaterThanOrEqual(b.byYear[i]!);
        prev = p;
      });
      expect(b.cumulativeByYear[b.cumulativeByYear.length - 1]).toBe(b.probability);
    }
  });
});

describe('with every risk off, the Monte Carlo is the central case', () => {
  it('a named default: every year’s expected loss, 99 % and 99.9 % losses are the deterministic loss', async () => {
    const f = await bundled('stress-default-one', risksOff);
    const { results, build } = await simulate(f, 300, 3);
    let total = 0;
    results.economicCapital.forEach((y, i) => {
      const det = build.deterministic.creditLoss[i]!;
      total += det;
      expect(y.deterministicLoss).toBe(det);
      expect(y.expectedLoss, String(y.year)).toBeCloseTo(det, 6);
      expect(y.loss99).toBe(det);
      expect(y.loss999).toBe(det);
    });
    expect(total).toBeGreaterThan(0);
    const c = results.creditLoss;
    expect(c.expected).toBeCloseTo(total, 6);
    expect(c.deterministic).toBeCloseTo(total, 6);
    for (const v of [c.var95, c.var99, c.var999, c.cvar95, c.cvar99, c.cvar999]) expect(v).toBeCloseTo(total, 6);
    for (const y of results.fan.equity) expect(y.mean).toBeCloseTo(y.deterministic!, 6);
  });
});
