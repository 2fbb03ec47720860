/**
 * Excel's time-value-of-money family. All share one equation,
 *
 *   pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv = 0,
 *
 * with Excel's sign convention: money received is positive, money paid is
 * negative, so a loan taken (pv > 0) has negative payments.
 */
import { requireFinite, requireRate, requireResult, requireTiming, type PaymentTiming } from './args.js';
import { FinanceError } from './errors.js';

/**
 * (1+r)^n and ((1+r)^n − 1)/r. Built on log1p/expm1 because 1+r drops the
 * low digits of a small rate, and (1+r)^n − 1 cancels catastrophically.
 */
function growth(rate: number, nper: number): { q: number; annuityFactor: number } {
  const lg = nper * Math.log1p(rate);
  return { q: Math.exp(lg), annuityFactor: rate === 0 ? nper : Math.expm1(lg) / rate };
}

function checkCommon(fn: string, rate: number, nper: number, type: number): void {
  requireRate(fn, rate);
  requireFinite(fn, 'nper', nper);
  requireTiming(fn, type);
}

// Unchecked cores, so that ipmt can call them without tripping over the
// Excel argument names (`pmt`, `fv`) that shadow the exported functions.
function paymentOf(rate: number, nper: number, pv: number, fv: number, type: PaymentTiming): number {
  const { q, annuityFactor } = growth(rate, nper);
  return -(pv * q + fv) / ((1 + rate * type) * annuityFactor);
}

function futureValueOf(rate: number, nper: number, pmt: number, pv: number, type: PaymentTiming): number {
  const { q, annuityFactor } = growth(rate, nper);
  return -(pv * q + pmt * (1 + rate * type) * annuityFactor);
}

/** Level payment per period that turns `pv` into `fv` over `nper` periods. Excel PMT. */
export function pmt(rate: number, nper: number, pv: number, fv = 0, type: PaymentTiming = 0): number {
  checkCommon('pmt', rate, nper, type);
  requireFinite('pmt', 'pv', pv);
  requireFinite('pmt', 'fv', fv);
  if (nper === 0) throw new FinanceError('invalid-argument', 'pmt: nper must not be 0');
  return requireResult('pmt', paymentOf(rate, nper, pv, fv, type));
}

/** Value after `nper` periods. Excel FV. */
export function fv(rate: number, nper: number, pmt: number, pv = 0, type: PaymentTiming = 0): number {
  checkCommon('fv', rate, nper, type);
  requireFinite('fv', 'pmt', pmt);
  requireFinite('fv', 'pv', pv);
  return requireResult('fv', futureValueOf(rate, nper, pmt, pv, type));
}

/** Value today of the payments and the final value. Excel PV. */
export function pv(rate: number, nper: number, pmt: number, fv = 0, type: PaymentTiming = 0): number {
  checkCommon('pv', rate, nper, type);
  requireFinite('pv', 'pmt', pmt);
  requireFinite('pv', 'fv', fv);
  const { q, annuityFactor } = growth(rate, nper);
  return requireResult('pv', -(fv + pmt * (1 + rate * type) * annuityFactor) / q);
}

/** Number of periods for `pv` to reach `fv`; may be fractional or negative, as in Excel NPER. */
export function nper(rate: number, pmt: number, pv: number, fv = 0, type: PaymentTiming = 0): number {
  requireRate('nper', rate);
  requireTiming('nper', type);
  requireFinite('nper', 'pmt', pmt);
  requireFinite('nper', 'pv', pv);
  requireFinite('nper', 'fv', fv);
  const noSolution = (): never => {
    throw new FinanceError('no-root', `nper: no number of periods takes pv ${pv} to fv ${fv} with payment ${pmt} at rate ${rate}`);
  };
  if (rate === 0) {
    if (pmt === 0) return noSolution();
    return requireResult('nper', -(pv + fv) / pmt);
  }
  // Solve the TVM equation for q = (1+r)^n, then take the logarithm.
  const a = (pmt * (1 + rate * type)) / rate;
  const q = (a - fv) / (a + pv);
  if (!(q > 0) || !Number.isFinite(q)) return noSolution();
  return requireResult('nper', Math.log(q) / Math.log1p(rate));
}

function checkPeriod(fn: string, per: number, nper: number): void {
  requireFinite(fn, 'per', per);
  if (per < 1 || per > nper) {
    throw new FinanceError('invalid-argument', `${fn}: per must lie between 1 and nper (${nper}), got ${per}`);
  }
}

/** Interest part of payment `per` (1-based). Excel IPMT. */
export function ipmt(rate: number, per: number, nper: number, pv: number, fv = 0, type: PaymentTiming = 0): number {
  const payment = pmt(rate, nper, pv, fv, type);
  checkPeriod('ipmt', per, nper);
  if (type === 1) {
    // Paid in advance, the first payment comes before any interest has accrued.
    if (per === 1) return 0;
    // The balance after per−1 periods already includes that period's interest:
    // strip one period of growth to get the balance the interest was charged on.
    return requireResult('ipmt', (futureValueOf(rate, per - 1, payment, pv, 1) * rate) / (1 + rate) + 0);
  }
  // `+ 0` turns the −0 of a zero rate into 0.
  return requireResult('ipmt', futureValueOf(rate, per - 1, payment, pv, 0) * rate + 0);
}

/** Principal part of payment `per` (1-based). Excel PPMT. */
export function ppmt(rate: number, per: number, nper: number, pv: number, fv = 0, type: PaymentTiming = 0): number {
  return pmt(rate, nper, pv, fv, type) - ipmt(rate, per, nper, pv, fv, type);
}
