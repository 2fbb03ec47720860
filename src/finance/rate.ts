import { requireFinite, requireTiming, type PaymentTiming } from './args.js';
import { FinanceError } from './errors.js';
import { scanRateRoots } from './roots.js';

/**
 * The TVM equation pv·q + pmt·(1+r·type)·(q−1)/r + fv = 0, q = (1+r)^nper,
 * divided by max(1, q) so it stays bounded on the whole rate axis.
 */
function boundedTvm(nper: number, pmt: number, pv: number, fv: number, type: PaymentTiming) {
  return {
    f: (r: number): number => {
      const lg = nper * Math.log1p(r);
      const timing = pmt * (1 + r * type);
      if (r === 0) return pv + pmt * nper + fv;
      if (lg > 0) return pv + (timing * -Math.expm1(-lg)) / r + fv * Math.exp(-lg);
      return pv * Math.exp(lg) + (timing * Math.expm1(lg)) / r + fv;
    },
    atInfinity: pv + pmt * type,
    atMinusOne: pmt * (1 - type) + fv,
  };
}

/**
 * Rate per period of an annuity. Excel RATE.
 *
 * Excel runs Newton from `guess` and returns whatever it reaches. We scan the
 * whole rate axis instead (cheap: the equation is closed-form), return the
 * root when it is unique, and throw `FinanceError` `no-root` or
 * `multiple-roots` otherwise. `guess` is kept for signature compatibility and
 * does not affect the result.
 */
export function rate(nper: number, pmt: number, pv: number, fv = 0, type: PaymentTiming = 0, guess = 0.1): number {
  requireFinite('rate', 'nper', nper);
  if (nper <= 0) throw new FinanceError('invalid-argument', `rate: nper must be positive, got ${nper}`);
  requireFinite('rate', 'pmt', pmt);
  requireFinite('rate', 'pv', pv);
  requireFinite('rate', 'fv', fv);
  requireTiming('rate', type);
  requireFinite('rate', 'guess', guess);
  const roots = scanRateRoots(boundedTvm(nper, pmt, pv, fv, type));
  const [only, ...others] = roots;
  if (only === undefined) {
    throw new FinanceError('no-root', `rate: no rate above -100% turns pv ${pv} into fv ${fv} with ${nper} payments of ${pmt}`);
  }
  if (others.length > 0) {
    throw new FinanceError('multiple-roots', `rate: ${roots.length} rates solve the equation (${roots.join(', ')}); the answer is ambiguous`, roots);
  }
  return only;
}
