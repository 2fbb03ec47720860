import { requireFinite, requireRate, requireResult } from './args.js';
import { yearFractions, type DateInput } from './dates.js';

/** Excel XNPV: Σ values[i] / (1+rate)^((dates[i] − dates[0]) / 365); values[0] is not discounted. */
export function xnpv(rate: number, values: readonly number[], dates: readonly DateInput[]): number {
  requireRate('xnpv', rate);
  const times = yearFractions('xnpv', values, dates);
  const lg = Math.log1p(rate);
  let sum = 0;
  values.forEach((v, i) => {
    requireFinite('xnpv', `values[${i}]`, v);
    sum += v * Math.exp(-(times[i] ?? 0) * lg);
  });
  return requireResult('xnpv', sum);
}
