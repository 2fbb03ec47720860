/**
 * What the Monte Carlo keeps of its paths: fixed-size arrays whatever the number
 * of paths, in two parts.
 *
 * - `Tally`, order-free: per metric and year a histogram (quantiles); per
 *   policy limit the number of paths that break it at least once, in each
 *   year and by the end of each year; default counts per member and year; the
 *   distributions of each path's total credit loss, lowest E/L ratio and credit
 *   loss of each year alone (one-year economic capital); the worst identity gap. Integer
 *   counts, minima and maxima: a thread keeps one for all its blocks, and tallies
 *   merge in any order to the same result.
 * - `BlockSums`, floating sums (means, expected loss, tail sums): one per block
 *   of paths, summed in path order, merged in block order. So the totals do not
 *   depend on how blocks were shared among workers: same seed, same bytes.
 */
import { HistogramSet, type HistogramRange } from './histogram.js';

export const METRICS = ['equityToLoans', 'liquidityMonths', 'equity', 'creditLosses'] as const;
export type Metric = (typeof METRICS)[number];

export const LIMITS = ['equity-to-loans', 'liquidity', 'gearing', 'country-exposure', 'solvency'] as const;
export type LimitName = (typeof LIMITS)[number];

/** Layout shared by every tally and block of a run. */
export interface AccumulatorLayout {
  readonly years: number;
  readonly bins: number;
  /** One range per metric × year, metric-major. */
  readonly metricRanges: readonly HistogramRange[];
  /** [total credit loss, lowest equity-to-loans ratio, credit loss of year 0, …, of year T − 1]. */
  readonly scalarRanges: readonly HistogramRange[];
}

export const SCALAR_LOSS = 0;
export const SCALAR_MIN_EL = 1;
/** Scalar histogram of the credit loss of year index i alone: SCALAR_YEAR_LOSS + i. */
export const SCALAR_YEAR_LOSS = 2;
/** Row of `BlockSums.sums` (after the metrics) holding Σ credit loss of each year. */
export const YEAR_LOSS_ROW = METRICS.length;

export interface TallyMessage {
  readonly paths: number;
  readonly counts: Uint32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly scalarCounts: Uint32Array;
  readonly scalarMin: Float64Array;
  readonly scalarMax: Float64Array;
  readonly breachAny: Uint32Array;
  readonly breachYear: Uint32Array;
  readonly breachBy: Uint32Array;
  readonly defaultedBy: Uint32Array;
  readonly worst: Float64Array;
}

export class Tally {
  paths = 0;
  readonly hist: HistogramSet;
  readonly scalars: HistogramSet;
  /** Paths breaking each limit at least once, then (last slot) any limit. */
  readonly breachAny: Uint32Array;
  readonly breachYear: Uint32Array;
  /** Paths that have broken limit l at least once by the end of year i (l-major). */
  readonly breachBy: Uint32Array;
  /** Paths in which member m has defaulted by the end of year i (m-major), then all three (joint). */
  readonly defaultedBy: Uint32Array;
  /** [worst identity gap / tolerance, path, identity index, year index]. */
  readonly worst: Float64Array;

  constructor(
    readonly layout: AccumulatorLayout,
    message?: TallyMessage,
  ) {
    const y = layout.years;
    this.hist = new HistogramSet(layout.metricRanges, layout.bins, message && { counts: message.counts, min: message.min, max: message.max });
    this.scalars = new HistogramSet(layout.scalarRanges, layout.bins, message && { counts: message.scalarCounts, min: message.scalarMin, max: message.scalarMax });
    this.breachAny = message?.breachAny ?? new Uint32Array(LIMITS.length + 1);
    this.breachYear = message?.breachYear ?? new Uint32Array(LIMITS.length * y);
    this.breachBy = message?.breachBy ?? new Uint32Array(LIMITS.length * y);
    this.defaultedBy = message?.defaultedBy ?? new Uint32Array(4 * y);
    this.worst = message?.worst ?? new Float64Array([0, -1, 0, -1]);
    if (message) this.paths = message.paths;
  }

  metricIndex(metric: number, year: number): number {
    return metric * this.layout.years + year;
  }

  /** Adds another tally (any order gives the same result). */
  merge(o: Tally): void {
    this.paths += o.paths;
    this.hist.merge(o.hist);
    this.scalars.merge(o.scalars);
    addInto(this.breachAny, o.breachAny);
    addInto(this.breachYear, o.breachYear);
    addInto(this.breachBy, o.breachBy);
    addInto(this.defaultedBy, o.defaultedBy);
    // Worst gap; on a tie the lower path index, so the order of merging does not matter.
    const [r, p] = [o.worst[0]!, o.worst[1]!];
    if (p >= 0 && (this.worst[1]! < 0 || r > this.worst[0]! || (r === this.worst[0] && p < this.worst[1]!))) this.worst.set(o.worst);
  }

  toMessage(): TallyMessage {
    const h = this.hist.buffers();
    const s = this.scalars.buffers();
    return {
      paths: this.paths,
      counts: h.counts,
      min: h.min,
      max: h.max,
      scalarCounts: s.counts,
      scalarMin: s.min,
      scalarMax: s.max,
      breachAny: this.breachAny,
      breachYear: this.breachYear,
      breachBy: this.breachBy,
      defaultedBy: this.defaultedBy,
      worst: this.worst,
    };
  }
}

export interface BlockSumsMessage {
  readonly sums: Float64Array;
  readonly lossBinSums: Float64Array;
  readonly moments: Float64Array;
}

export class BlockSums {
  /** Σ of each metric per year over its finite values (metric-major), then Σ credit loss of each year (`YEAR_LOSS_ROW`). */
  readonly sums: Float64Array;
  /** Σ credit loss per slot of the loss histogram. */
  readonly lossBinSums: Float64Array;
  /** [Σ loss, Σ loss²]. */
  readonly moments: Float64Array;

  constructor(layout: AccumulatorLayout, message?: BlockSumsMessage) {
    this.sums = message?.sums ?? new Float64Array((METRICS.length + 1) * layout.years);
    this.lossBinSums = message?.lossBinSums ?? new Float64Array(layout.bins + 3);
    this.moments = message?.moments ?? new Float64Array(2);
  }

  /** Adds a later block (call in block order). */
  merge(o: BlockSums): void {
    addInto(this.sums, o.sums);
    addInto(this.lossBinSums, o.lossBinSums);
    addInto(this.moments, o.moments);
  }

  toMessage(): BlockSumsMessage {
    return { sums: this.sums, lossBinSums: this.lossBinSums, moments: this.moments };
  }
}

/** A whole run's result: the merged tally and the block sums merged in order. */
export class Accumulator {
  constructor(
    readonly tally: Tally,
    readonly sums: BlockSums,
  ) {}

  get paths(): number {
    return this.tally.paths;
  }

  /** Mean of a metric in a year over the paths where it is finite; null when none. */
  mean(metric: number, year: number): number | null {
    const h = this.tally.metricIndex(metric, year);
    const base = h * this.tally.hist.stride;
    let finite = 0;
    for (let s = 0; s < this.tally.hist.bins + 2; s++) finite += this.tally.hist.counts[base + s]!;
    return finite > 0 ? this.sums.sums[h]! / finite : null;
  }

  /**
   * The credit loss of year index i alone: its mean (the expected loss) and its
   * 99 % and 99.9 % quantiles (one-year economic capital at those confidence levels).
   */
  yearLoss(i: number): { readonly expected: number; readonly q99: number; readonly q999: number } {
    const n = this.paths;
    const h = SCALAR_YEAR_LOSS + i;
    const s = this.tally.scalars;
    return {
      expected: n > 0 ? this.sums.sums[YEAR_LOSS_ROW * this.tally.layout.years + i]! / n : 0,
      q99: s.quantile(h, 0.99) ?? 0,
      q999: s.quantile(h, 0.999) ?? 0,
    };
  }

  /** Expected total credit loss, its standard error, and VaR and CVaR at `level` (e.g. 0.95). */
  lossTail(level: number): { readonly mean: number; readonly standardError: number; readonly var: number; readonly cvar: number } {
    const n = this.paths;
    const t = this.tally.scalars;
    const mean = n > 0 ? this.sums.moments[0]! / n : 0;
    const variance = n > 1 ? Math.max(0, (this.sums.moments[1]! - n * mean * mean) / (n - 1)) : 0;
    const v = t.quantile(SCALAR_LOSS, level) ?? 0;
    // Tail mean: the top (1 − level)·N paths, whole slots from the top, the slot holding the VaR pro rata.
    const tail = (1 - level) * n;
    let taken = 0;
    let sum = 0;
    for (let s = t.stride - 1; s >= 0 && taken < tail; s--) {
      const c = t.countAt(SCALAR_LOSS, s);
      if (c === 0) continue;
      const take = Math.min(c, tail - taken);
      sum += (this.sums.lossBinSums[s]! / c) * take;
      taken += take;
    }
    const cvar = taken > 0 ? Math.max(v, sum / taken) : v;
    return { mean, standardError: n > 0 ? Math.sqrt(variance / n) : 0, var: v, cvar };
  }
}

function addInto(a: Float64Array | Uint32Array, b: Float64Array | Uint32Array): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
}
