/**
 * The overrun calibration: each fit reproduces its targets in closed form, and
 * the check sample of montecarlo.json is within 5 % of them (the test).
 */
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/random/normal.js';
import { SECTORS } from '../../src/schema/codes.js';
import {
  fitOverrunClass,
  kthSmallest,
  lognormalFromMeanOverBudget,
  lognormalFromMeanSd,
  OVERRUN_CLASSES,
  overrunCalibration,
  Z80,
} from '../../src/risk/overrun-classes.js';

const close = (x: number, target: number) => Math.abs(x / target - 1);

describe('fits', () => {
  it('mean and SD: Flyvbjerg rail (1.447, 0.38) by hand', () => {
    // σ² = ln(1 + (0.38/1.447)²) = ln(1.068966) = 0.066692; μ = ln 1.447 − σ²/2 = 0.369493 − 0.033346.
    const { mu, sigma } = lognormalFromMeanSd(1.447, 0.38);
    expect(sigma * sigma).toBeCloseTo(Math.log(1 + (0.38 / 1.447) ** 2), 14);
    expect(sigma).toBeCloseTo(0.25825, 4);
    expect(mu).toBeCloseTo(0.336147, 5);
    // Back: mean e^(μ+σ²/2), variance (e^(σ²) − 1) e^(2μ+σ²).
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(1.447, 12);
    expect(Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma))).toBeCloseTo(0.38, 12);
  });

  it('mean and share over budget: large dams (1.96, 75 %)', () => {
    const { mu, sigma } = lognormalFromMeanOverBudget(1.96, 0.75);
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(1.96, 12);
    expect(1 - normalCdf(-mu / sigma)).toBeCloseTo(0.75, 6);
    // By hand: z = 0.67449, σ = −z + √(z² + 2 ln 1.96) = 0.667459.
    expect(sigma).toBeCloseTo(0.667459, 5);
  });

  it('the fat-tailed classes have the published dispersion, not the thin mean–P80 one', () => {
    const sd = (sector: keyof typeof OVERRUN_CLASSES) => {
      const { mu, sigma } = fitOverrunClass(OVERRUN_CLASSES[sector]);
      return Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
    };
    expect(sd('rail')).toBeCloseTo(0.38, 10);
    expect(sd('roads')).toBeCloseTo(0.3, 10);
    expect(sd('extractives')).toBeCloseTo(0.62, 10);
    // Solar and transmission can come in under budget: a real share of their mass lies below 1.
    for (const s of ['solar', 'power-interconnection'] as const) {
      const { mu, sigma } = fitOverrunClass(OVERRUN_CLASSES[s]);
      expect(normalCdf(-mu / sigma), s).toBeGreaterThan(0.3);
    }
  });
});

describe('check sample (montecarlo.json calibration.overruns)', () => {
  const cal = overrunCalibration(OVERRUN_CLASSES, 20251223);
  it.each(SECTORS)('%s: sample within 5 % of its targets', (sector) => {
    const c = cal[sector];
    expect(close(c.sampleMean, c.targetMean)).toBeLessThan(0.05);
    if (c.fit === 'mean-sd') expect(close(c.sampleSd, c.targetSd!)).toBeLessThan(0.05);
    if (c.fit === 'mean-p80') expect(close(c.sampleP80, c.targetP80!)).toBeLessThan(0.05);
    if (c.fit === 'mean-over-budget-share') expect(close(c.sampleOverBudgetShare, c.targetOverBudgetShare!)).toBeLessThan(0.05);
    // The sample P80 is the fit's, e^(μ + z₈₀σ), to about a percent (40,000 draws).
    expect(close(c.sampleP80, Math.exp(c.mu + Z80 * c.sigma))).toBeLessThan(0.015);
  });

  it('the k-th smallest value is the sorted array’s', () => {
    const a = Float64Array.from({ length: 1001 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const sorted = [...a].sort((x, y) => x - y);
    for (const k of [0, 1, 500, 800, 999, 1000]) expect(kthSmallest(a.slice(), k)).toBe(sorted[k]);
    expect(kthSmallest(new Float64Array([3, 3, 3, 1]), 2)).toBe(3);
  });

  it('the same seed gives the same sample; another seed another', () => {
    expect(overrunCalibration(OVERRUN_CLASSES, 20251223, 2000)).toEqual(overrunCalibration(OVERRUN_CLASSES, 20251223, 2000));
    expect(overrunCalibration(OVERRUN_CLASSES, 1, 2000).rail.sampleMean).not.toBe(overrunCalibration(OVERRUN_CLASSES, 2, 2000).rail.sampleMean);
  });
});
