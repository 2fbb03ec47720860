/**
 * Streaming quantiles with bounded memory and exact merge: fixed-bin
 * histograms. A value falls in one of `bins` equal bins over [lo, hi), or in the
 * under- or overflow bin; +∞ is counted apart (liquidity "unlimited"). Counts
 * are integers, so merging partial histograms in any order gives the same
 * histogram; min and max are exact and merge by min/max.
 *
 * Quantile p: the value at rank p·N, linearly interpolated inside the bin that
 * holds it (under/overflow bins span [min, lo) and [hi, max]; min and max are
 * those of the finite values). The error is at
 * most one bin width inside [lo, hi) (tested against exact quantiles).
 *
 * Many histograms with the same bin count live side by side in one typed
 * array (`HistogramSet`), so a block of Monte Carlo paths transfers between
 * threads as a few buffers.
 */

export interface HistogramRange {
  readonly lo: number;
  readonly hi: number;
}

/** Layout of one histogram slot: [underflow, bins…, overflow, +∞]. */
export const EXTRA_SLOTS = 3;

export class HistogramSet {
  readonly counts: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly stride: number;
  /** The ranges as plain numbers (read on every value added). */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;

  constructor(
    readonly ranges: readonly HistogramRange[],
    readonly bins: number,
    buffers?: { counts: Uint32Array; min: Float64Array; max: Float64Array },
  ) {
    this.stride = bins + EXTRA_SLOTS;
    this.lo = Float64Array.from(ranges, (r) => r.lo);
    this.hi = Float64Array.from(ranges, (r) => r.hi);
    if (buffers) {
      this.counts = buffers.counts;
      this.min = buffers.min;
      this.max = buffers.max;
    } else {
      this.counts = new Uint32Array(ranges.length * this.stride);
      this.min = new Float64Array(ranges.length).fill(Infinity);
      this.max = new Float64Array(ranges.length).fill(-Infinity);
    }
  }

  /** Slot of `x` in histogram h (bins are [lo + kw, lo + (k+1)w)). */
  slot(h: number, x: number): number {
    const lo = this.lo[h]!;
    const hi = this.hi[h]!;
    if (x === Infinity) return this.bins + 2;
    if (x < lo) return 0;
    if (x >= hi) return this.bins + 1;
    const k = Math.floor(((x - lo) / (hi - lo)) * this.bins);
    return 1 + Math.min(this.bins - 1, Math.max(0, k));
  }

  add(h: number, x: number): void {
    if (Number.isNaN(x)) return;
    this.counts[h * this.stride + this.slot(h, x)]!++;
    if (x === Infinity) return;
    if (x < this.min[h]!) this.min[h] = x;
    if (x > this.max[h]!) this.max[h] = x;
  }

  /** Adds another set's counts (same layout). Order-independent. */
  merge(other: HistogramSet): void {
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
    for (let h = 0; h < this.ranges.length; h++) {
      if (other.min[h]! < this.min[h]!) this.min[h] = other.min[h]!;
      if (other.max[h]! > this.max[h]!) this.max[h] = other.max[h]!;
    }
  }

  total(h: number): number {
    let n = 0;
    const base = h * this.stride;
    for (let s = 0; s < this.stride; s++) n += this.counts[base + s]!;
    return n;
  }

  /** Lower edge and width of slot s of histogram h (finite slots only). */
  private edges(h: number, s: number): { from: number; to: number } {
    const r = this.ranges[h]!;
    const w = (r.hi - r.lo) / this.bins;
    if (s === 0) return { from: Math.min(this.min[h]!, r.lo), to: r.lo };
    if (s === this.bins + 1) return { from: r.hi, to: Math.max(this.max[h]!, r.hi) };
    return { from: r.lo + (s - 1) * w, to: r.lo + s * w };
  }

  /**
   * The p-quantile (0 ≤ p ≤ 1) of histogram h; null when it holds no value,
   * Infinity when the rank falls among the +∞ values.
   */
  quantile(h: number, p: number): number | null {
    const n = this.total(h);
    if (n === 0) return null;
    if (p <= 0) return this.min[h]!;
    const base = h * this.stride;
    const infinite = this.counts[base + this.bins + 2]!;
    const finite = n - infinite;
    const q = p * n;
    if (q > finite) return Infinity;
    if (p >= 1) return this.max[h]!;
    let cum = 0;
    for (let s = 0; s <= this.bins + 1; s++) {
      const c = this.counts[base + s]!;
      if (c === 0) continue;
      if (cum + c >= q) {
        const { from, to } = this.edges(h, s);
        const x = from + ((q - cum) / c) * (to - from);
        return Math.min(this.max[h]!, Math.max(this.min[h]!, x));
      }
      cum += c;
    }
    return this.max[h]!;
  }

  /** Count of finite values strictly inside the given slot range, for tail sums. */
  countAt(h: number, s: number): number {
    return this.counts[h * this.stride + s]!;
  }

  buffers(): { counts: Uint32Array; min: Float64Array; max: Float64Array } {
    return { counts: this.counts, min: this.min, max: this.max };
  }
}
