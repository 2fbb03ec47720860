import { describe, expect, it } from 'vitest';
import { EXTRA_SLOTS } from '../../src/risk/histogram.js';
import { WARMUP_ROUNDS, warmUpOnce } from '../../src/risk/warmup.js';

describe('worker warm-up', () => {
  it.each([...new Set(WARMUP_ROUNDS)])('hits every histogram slot kind in a round of %i paths, so no branch is first taken on real data', (paths) => {
    const tally = warmUpOnce(paths);
    expect(tally.paths).toBe(paths);
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
