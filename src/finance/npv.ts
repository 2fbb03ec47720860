import { requireFinite, requireRate, requireResult } from './args.js';
import { FinanceError } from './errors.js';

/**
 * Excel NPV: the first value is discounted one full period, as if every
 * amount fell at the end of its period. For a flow at t = 0 add it outside:
 * `values[0] + npv(rate, values.slice(1))`.
 */
export function npv(rate: number, values: readonly number[]): number {
  requireRate('npv', rate);
  if (values.length === 0) throw new FinanceError('invalid-argument', 'npv: at least one value is required');
  const lg = Math.log1p(rate);
  let sum = 0;
  values.forEach((v, i) => {
    requireFinite('npv', `values[${i}]`, v);
    sum += v * Math.exp(-(i + 1) * lg);
  });
  return requireResult('npv', sum);
}
