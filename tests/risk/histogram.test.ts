import { describe, expect, it } from 'vitest';
import { rngStream } from '../../src/random/rng.js';
import { standardNormal } from '../../src/random/normal.js';
import { HistogramSet } from '../../src/risk/histogram.js';
import { Accumulator, BlockSums, Tally, type AccumulatorLayout } from '../../src/risk/accumulator.js';

/** The value at rank p·N, the convention the histogram interpolates towards. */
function exactQuantile(sorted: readonly number[], p: number): number {
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[k]!;
}

describe('streaming quantiles (fixed-bin histograms)', () => {
  const rng = rngStream(11, 0);
  const values = Array.from({ length: 2000 }, () => 0.5 + 0.1 * standardNormal(rng));
  const sorted = [...values].sort((a, b) => a - b);
  const range = { lo: -1, hi: 3 };
  const bins = 4096;
  const width = (range.hi - range.lo) / bins;

  it('quantiles are within one bin of the exact ones on small N', () => {
    const h = new HistogramSet([range], bins);
    for (const v of values) h.add(0, v);
    for (const p of [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) {
      expect(Math.abs(h.quantile(0, p)! - exactQuantile(sorted, p)), `p ${p}`).toBeLessThanOrEqual(width);
    }
    expect(h.quantile(0, 0)).toBe(sorted[0]);
    expect(h.quantile(0, 1)).toBe(sorted.at(-1));
  });

  it('values outside the range still give quantiles between the exact min and max', () => {
    const h = new HistogramSet([{ lo: 0.45, hi: 0.55 }], 64);
    for (const v of values) h.add(0, v);
    expect(h.quantile(0, 0.01)!).toBeGreaterThanOrEqual(sorted[0]!);
    expect(h.quantile(0, 0.01)!).toBeLessThan(0.45);
    expect(h.quantile(0, 0.99)!).toBeLessThanOrEqual(sorted.at(-1)!);
    expect(h.quantile(0, 0.5)!).toBeCloseTo(exactQuantile(sorted, 0.5), 2);
  });

  it('+∞ is counted apart: a quantile among them is +∞; NaN is ignored; an empty histogram has none', () => {
    const h = new HistogramSet([range], 16);
    for (let i = 0; i < 6; i++) h.add(0, 1);
    for (let i = 0; i < 4; i++) h.add(0, Infinity);
    h.add(0, NaN);
    expect(h.total(0)).toBe(10);
    expect(h.quantile(0, 0.5)).toBe(1);
    expect(h.quantile(0, 0.7)).toBe(Infinity);
    expect(new HistogramSet([range], 16).quantile(0, 0.5)).toBeNull();
  });

  it('merging parts in any order gives the histogram of the whole, exactly', () => {
    const whole = new HistogramSet([range], bins);
    for (const v of values) whole.add(0, v);
    const parts = [0, 1, 2, 3].map((k) => {
      const h = new HistogramSet([range], bins);
      values.filter((_, i) => i % 4 === k).forEach((v) => h.add(0, v));
      return h;
    });
    for (const order of [[0, 1, 2, 3], [3, 1, 0, 2]]) {
      const m = new HistogramSet([range], bins);
      for (const k of order) m.merge(parts[k]!);
      expect(Array.from(m.counts)).toEqual(Array.from(whole.counts));
      expect(m.min[0]).toBe(whole.min[0]);
      expect(m.max[0]).toBe(whole.max[0]);
    }
  });
});

describe('bounded memory', () => {
  const layout: AccumulatorLayout = { years: 30, bins: 4096, metricRanges: Array.from({ length: 120 }, () => ({ lo: 0, hi: 1 })), scalarRanges: [{ lo: 0, hi: 1 }, { lo: 0, hi: 1 }] };
  const bytes = (t: Tally, s: BlockSums) =>
    [t.hist.counts, t.hist.min, t.hist.max, t.scalars.counts, t.breachAny, t.breachYear, t.defaultedBy, t.worst, s.sums, s.lossBinSums, s.moments].reduce((a, x) => a + x.byteLength, 0);

  it('the tally and the block sums have a fixed size whatever the number of paths', () => {
    const small = new Tally(layout);
    const big = new Tally(layout);
    const s = new BlockSums(layout);
    small.paths = 100;
    big.paths = 10_000_000;
    expect(bytes(small, s)).toBe(bytes(big, s));
    expect(bytes(small, s)).toBeLessThan(3 * 1024 * 1024);
  });

  it('expected loss, VaR and CVaR from the loss histogram and the per-bin sums', () => {
    const t = new Tally({ ...layout, scalarRanges: [{ lo: 0, hi: 100 }, { lo: 0, hi: 1 }] });
    const s = new BlockSums(t.layout);
    const losses = Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i - 899)); // 900 zeros, then 1 … 100
    for (const x of losses) {
      t.scalars.add(0, x);
      const slot = t.scalars.slot(0, x);
      s.lossBinSums[slot] = s.lossBinSums[slot]! + x;
      s.moments[0] = s.moments[0]! + x;
      s.moments[1] = s.moments[1]! + x * x;
      t.paths++;
    }
    const tail = new Accumulator(t, s).lossTail(0.95);
    expect(tail.mean).toBeCloseTo(5.05, 10);
    expect(tail.var).toBeCloseTo(50, 0);
    // Mean of the top 50 losses: 51 … 100.
    expect(tail.cvar).toBeCloseTo(75.5, 0);
  });
});
