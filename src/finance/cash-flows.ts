/**
 * A stream of amounts at times measured in periods (IRR) or years (XIRR), and
 * the search for the rates that make its present value zero. IRR and XIRR
 * are the same problem with integer or fractional times.
 */
import { FinanceError } from './errors.js';
import { scanRateRoots, signChanges, type RateFunction } from './roots.js';

export interface CashFlows {
  /** Ascending, distinct, starting at 0. */
  readonly times: readonly number[];
  /** Non-zero; values[i] falls at times[i]. */
  readonly values: readonly number[];
}

/**
 * Merges amounts at the same time, drops zeros and shifts times to start at 0.
 * None of that moves a root: a common factor (1+r)^−t0 never vanishes.
 */
export function normalizeFlows(times: readonly number[], values: readonly number[]): CashFlows {
  const byTime = new Map<number, number>();
  values.forEach((v, i) => {
    const t = times[i] ?? i;
    byTime.set(t, (byTime.get(t) ?? 0) + v);
  });
  const kept = [...byTime].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  const t0 = kept[0]?.[0] ?? 0;
  return { times: kept.map(([t]) => t - t0), values: kept.map(([, v]) => v) };
}

/** Σ v·(1+r)^−t and its derivative with respect to r. */
function npvAndSlope(flows: CashFlows, rate: number): { npv: number; slope: number; scale: number } {
  const lg = Math.log1p(rate);
  let npv = 0;
  let slope = 0;
  let scale = 0;
  flows.values.forEach((v, i) => {
    const t = flows.times[i] ?? 0;
    const term = v * Math.exp(-t * lg);
    npv += term;
    slope -= (t * term) / (1 + rate);
    scale += Math.abs(term);
  });
  return { npv, slope, scale };
}

/**
 * NPV divided by max(1, (1+r)^−T), T the last time: bounded on the whole
 * axis, so the scan can look right down to r = −1 without overflowing.
 */
function boundedNpv(flows: CashFlows): RateFunction {
  const last = flows.times[flows.times.length - 1] ?? 0;
  return {
    f: (rate) => {
      const lg = Math.log1p(rate);
      const shift = rate < 0 ? last : 0;
      let sum = 0;
      flows.values.forEach((v, i) => {
        sum += v * Math.exp((shift - (flows.times[i] ?? 0)) * lg);
      });
      return sum;
    },
    atInfinity: flows.values[0] ?? 0,
    atMinusOne: flows.values[flows.values.length - 1] ?? 0,
  };
}

/** Newton from the guess; undefined if it wanders off or stalls. */
function newton(flows: CashFlows, guess: number): number | undefined {
  let r = guess;
  for (let i = 0; i < 100; i++) {
    const { npv, slope } = npvAndSlope(flows, r);
    if (!Number.isFinite(npv) || !Number.isFinite(slope) || slope === 0) return undefined;
    const step = npv / slope;
    const next = r - step;
    if (!(next > -1) || !Number.isFinite(next)) return undefined;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(next))) {
      const check = npvAndSlope(flows, next);
      return Math.abs(check.npv) <= 1e-9 * check.scale ? next : undefined;
    }
    r = next;
  }
  return undefined;
}

/** Every root the scan finds, ascending. */
export function allRoots(flows: CashFlows): number[] {
  if (signChanges(flows.values) === 0) return [];
  return scanRateRoots(boundedNpv(flows));
}

const percent = (r: number): string => `${(100 * r).toPrecision(6)}%`;

/**
 * The one rate that zeroes the NPV. With exactly one sign change, Descartes'
 * rule (which holds for fractional exponents too) guarantees exactly one root,
 * so Newton from the guess is trusted; otherwise the full scan decides.
 */
export function uniqueRoot(fn: string, flows: CashFlows, guess: number): number {
  const changes = signChanges(flows.values);
  if (changes === 0) {
    throw new FinanceError('no-root', `${fn}: the cash flows never change sign, so no rate makes their present value zero`);
  }
  if (changes === 1 && Number.isFinite(guess) && guess > -1) {
    const r = newton(flows, guess);
    if (r !== undefined) return r;
  }
  const roots = scanRateRoots(boundedNpv(flows));
  const [only, ...others] = roots;
  if (only === undefined) {
    throw new FinanceError(
      'no-root',
      `${fn}: the present value of the cash flows is never zero for any rate above -100% (they change sign ${changes} times but the value never crosses zero)`,
    );
  }
  if (others.length > 0) {
    throw new FinanceError(
      'multiple-roots',
      `${fn}: the cash flows change sign ${changes} times and their present value is zero at ${roots.length} rates (${roots.map(percent).join(', ')}); the rate of return is ambiguous, use ${fn}All() to see them or compare NPVs at a chosen rate`,
      roots,
    );
  }
  return only;
}
