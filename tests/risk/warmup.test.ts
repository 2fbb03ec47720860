import { describe, expect, it } from 'vitest';
import { EXTRA_SLOTS } from '../../src/risk/histogram.js';
import { warmUpOnce } from '../../src/risk/warmup.js';

describe('worker warm-up', () => {
  it('hits every histogram slot kind, so no branch is first taken on real data', () => {
    const tally = warmUpOnce(300);
    expect(tally.paths).toBe(300);
    const h = tally.hist;
    const kinds = { under: 0, inside: 0, over: 0, infinite: 0 };
    for (let k = 0; k < h.ranges.length; k++) {
      const base = k * h.stride;
      kinds.under += h.counts[base]!;
      for (let s = 1; s <= h.bins; s++) kinds.inside += h.counts[base + s]!;
      kinds.over += h.counts[base + h.bins + 1]!;
      kinds.infinite += h.counts[base + h.bins + 2]!;
    }
    expect(h.stride).toBe(h.bins + EXTRA_SLOTS);
    expect(kinds.under).toBeGreaterThan(0);
    expect(kinds.inside).toBeGreaterThan(0);
    expect(kinds.over).toBeGreaterThan(0);
    expect(kinds.infinite).toBeGreaterThan(0);
  });
});
