import { describe, expect, it } from 'vitest';
import { inverseNormalCdf, normalCdf, standardNormal } from '../../src/random/normal.js';
import { rngStream } from '../../src/random/rng.js';

describe('seeded streams', () => {
  it('repeat exactly for the same seed and stream, and differ across streams', () => {
    const a = rngStream(42, 7);
    const b = rngStream(42, 7);
    const c = rngStream(42, 8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('are uniform on [0,1): mean 1/2, variance 1/12, in range', () => {
    const r = rngStream(2025, 0);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i += 1) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
    }
    const mean = sum / n;
    // standard error of the mean is sqrt(1/12/n) ≈ 0.00065: allow 5 standard errors
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('give standard normals with mean 0 and variance 1', () => {
    const r = rngStream(1, 1);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i += 1) {
      const z = standardNormal(r);
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.016);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.025);
  });
});

describe('normal distribution functions', () => {
  it('match published quantiles', () => {
    // Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.8) = 0.8416212335729143, Φ⁻¹(0.01) = −2.3263478740408408
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(inverseNormalCdf(0.8)).toBeCloseTo(0.8416212335729143, 8);
    expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('inverts the CDF', () => {
    for (const p of [1e-6, 0.001, 0.05, 0.3, 0.5, 0.77, 0.99, 0.999999]) {
      expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 6);
    }
  });
});
