/**
 * Finding every rate r in (−1, ∞) where a present-value function is zero.
 *
 * Newton alone (Excel's way) returns whichever root is nearest the guess, or
 * nothing, and never says whether others exist. We map the whole rate axis
 * onto s ∈ [0, 1] with r = (1 − 2s)/s (s = 0 is r = +∞, s = ½ is r = 0,
 * s = 1 is r = −1), sample it on a uniform grid that is densest where real
 * rates live (about 0.1 percentage point apart near r = 0), and bisect every
 * sign change. Roots closer together than the grid spacing, and roots where
 * the function touches zero without crossing, can be missed.
 */

/**
 * A function of the rate that is continuous on (−1, ∞), with finite limits at
 * both ends. It need not be the NPV itself: any positive rescaling of it has
 * the same roots and can be kept bounded near r = −1, where NPV explodes.
 */
export interface RateFunction {
  readonly f: (rate: number) => number;
  readonly atMinusOne: number;
  readonly atInfinity: number;
}

const SAMPLES = 4096;

const rateAt = (s: number): number => (1 - 2 * s) / s;

/** Sign changes in a sequence, zeros skipped: Descartes' bound on the number of positive roots. */
export function signChanges(values: readonly number[]): number {
  let changes = 0;
  let previous = 0;
  for (const v of values) {
    if (v === 0) continue;
    const sign = Math.sign(v);
    if (previous !== 0 && sign !== previous) changes++;
    previous = sign;
  }
  return changes;
}

/** Bisect in s down to adjacent doubles, then take one secant step in r between the two ends. */
function bisect(fn: RateFunction, sLo: number, fLo: number, sHi: number, fHi: number): number {
  let lo = sLo;
  let hi = sHi;
  let vLo = fLo;
  let vHi = fHi;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    const v = fn.f(rateAt(mid));
    if (v === 0) return rateAt(mid);
    if (Math.sign(v) === Math.sign(vLo)) {
      lo = mid;
      vLo = v;
    } else {
      hi = mid;
      vHi = v;
    }
  }
  const rLo = rateAt(lo);
  const rHi = rateAt(hi);
  if (!Number.isFinite(rLo) || !Number.isFinite(rHi)) return Number.isFinite(rLo) ? rLo : rHi;
  return rLo - (vLo * (rHi - rLo)) / (vHi - vLo);
}

/** All roots found on the grid, ascending. */
export function scanRateRoots(fn: RateFunction, samples = SAMPLES): number[] {
  const roots: number[] = [];
  // Sign of the last non-zero sample, or 0 just after a root or at a zero limit,
  // so that a root sitting exactly on a grid point is not counted twice.
  let prevSign = Math.sign(fn.atInfinity);
  let prevS = 0;
  let prevV = fn.atInfinity;
  for (let i = 1; i <= samples; i++) {
    const s = i / samples;
    const v = i === samples ? fn.atMinusOne : fn.f(rateAt(s));
    if (Number.isNaN(v)) continue;
    if (v === 0) {
      if (i < samples) roots.push(rateAt(s));
      prevSign = 0;
      continue;
    }
    const sign = Math.sign(v);
    if (prevSign !== 0 && sign !== prevSign) roots.push(bisect(fn, prevS, prevV, s, v));
    prevSign = sign;
    prevS = s;
    prevV = v;
  }
  return roots.sort((a, b) => a - b);
}
