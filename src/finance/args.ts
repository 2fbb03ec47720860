import { FinanceError } from './errors.js';

/** Excel's payment timing: 0 = end of period (arrears), 1 = start (advance). */
export type PaymentTiming = 0 | 1;

export function requireFinite(fn: string, name: string, x: number): void {
  if (!Number.isFinite(x)) {
    throw new FinanceError('invalid-argument', `${fn}: ${name} must be a finite number, got ${x}`);
  }
}

/** Rates at or below −100% make (1+rate)^n zero or complex; Excel answers #NUM! or #DIV/0!. */
export function requireRate(fn: string, rate: number, name = 'rate'): void {
  requireFinite(fn, name, rate);
  if (rate <= -1) {
    throw new FinanceError('invalid-argument', `${fn}: ${name} must be greater than -1 (-100%), got ${rate}`);
  }
}

/** Excel coerces any non-zero type to 1; we refuse anything but 0 or 1 so typos surface. */
export function requireTiming(fn: string, type: number): void {
  if (type !== 0 && type !== 1) {
    throw new FinanceError('invalid-argument', `${fn}: type must be 0 (end of period) or 1 (start), got ${type}`);
  }
}

export function requireResult(fn: string, x: number): number {
  if (!Number.isFinite(x)) {
    throw new FinanceError('overflow', `${fn}: the result is not a finite number (${x}); check the magnitudes of the arguments`);
  }
  return x;
}
