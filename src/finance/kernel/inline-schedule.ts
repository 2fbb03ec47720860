/**
 * The kernel's inline schedule: one loan's flows added straight into the
 * calendar accumulators. It is a second spelling of the one-loan engine's
 * arithmetic (`fillLoanColumns`, ../loan-columns.ts), kept for throughput:
 * the same operations in the same order, with the additions of exact zeros
 * left out (adding ±0 to a sum that started at +0 never changes it), so every
 * value added is bit-identical. tests/finance/reflows.test.ts holds the two
 * to that, bit for bit, on random portfolios.
 */
import { ANNUITY, BULLET, LINEAR } from './constants.js';

/** Six calendar columns (debt service is derived at the end). */
export interface KernelColumns {
  readonly disbursed: Float64Array;
  readonly interest: Float64Array;
  readonly capitalized: Float64Array;
  readonly fees: Float64Array;
  readonly principal: Float64Array;
  readonly outstanding: Float64Array;
}

export function kernelColumns(n: number): KernelColumns {
  return {
    disbursed: new Float64Array(n),
    interest: new Float64Array(n),
    capitalized: new Float64Array(n),
    fees: new Float64Array(n),
    principal: new Float64Array(n),
    outstanding: new Float64Array(n),
  };
}

export function zeroColumns(c: KernelColumns, from: number, to: number): void {
  c.disbursed.fill(0, from, to);
  c.interest.fill(0, from, to);
  c.capitalized.fill(0, from, to);
  c.fees.fill(0, from, to);
  c.principal.fill(0, from, to);
  c.outstanding.fill(0, from, to);
}

/**
 * The current loan's real-valued terms. They are handed to `addLoan` through
 * this array rather than as arguments, which V8 would box into a fresh heap
 * number per call.
 */
export const ARGS = new Float64Array(4);
export const AMOUNT = 0;
export const RATE = 1;
export const FRONT = 2;
export const COMMIT = 3;

/** Where a loan's disbursement shares and custom profile table live (see term-tables.ts). */
export interface InlineTables {
  readonly shares: Float64Array;
  readonly profile: Float64Array;
}

/**
 * Adds the schedule of the loan in ARGS to `a`, row t at index k + t (k + 0..k + years must
 * be inside `a`). The terms must have passed the inline check: drawEnd ≤ grace < years, the
 * shares at `sOff` in `tables.shares`, the custom table at `pOff` in `tables.profile`.
 */
export function addLoan(
  a: KernelColumns,
  tables: InlineTables,
  k: number,
  years: number,
  grace: number,
  method: number,
  cap: boolean,
  sOff: number,
  drawEnd: number,
  pOff: number,
): void {
  const D = a.disbursed;
  const I = a.interest;
  const C = a.capitalized;
  const F = a.fees;
  const P = a.principal;
  const O = a.outstanding;
  const S = tables.shares;
  const amount = ARGS[AMOUNT]!;
  const rate = ARGS[RATE]!;
  const front = ARGS[FRONT]!;
  const commit = ARGS[COMMIT]!;
  // t = 0: the front-end fee and the first draw.
  let drawn = amount * S[sOff]!;
  D[k]! += drawn;
  F[k]! += front * amount;
  let bal = drawn;
  O[k]! += bal;
  // t = 1..drawEnd: interest on what is drawn, the commitment fee on the rest, the next draw.
  let t = 1;
  for (; t <= drawEnd; t++) {
    const j = k + t;
    const interest = rate * bal;
    I[j]! += interest;
    F[j]! += commit * (amount - drawn);
    let b = bal;
    if (cap) {
      C[j]! += interest;
      b = bal + interest;
    }
    const d = amount * S[sOff + t]!;
    D[j]! += d;
    drawn += d;
    bal = b + d;
    O[j]! += bal;
  }
  // t = drawEnd+1..grace: interest only, paid or capitalised.
  for (; t <= grace; t++) {
    const j = k + t;
    const interest = rate * bal;
    I[j]! += interest;
    if (cap) {
      C[j]! += interest;
      bal = bal + interest;
    }
    O[j]! += bal;
  }
  // t = grace+1..years−1: repayment on the end-of-grace balance.
  const base = bal;
  const n = years - grace;
  switch (method) {
    case LINEAR: {
      const level = base / n;
      for (; t < years; t++) {
        const j = k + t;
        I[j]! += rate * bal;
        P[j]! += level;
        bal = bal - level;
        O[j]! += bal;
      }
      break;
    }
    case ANNUITY: {
      const level = rate === 0 ? base / n : (base * rate) / -Math.expm1(-n * Math.log1p(rate));
      for (; t < years; t++) {
        const j = k + t;
        const interest = rate * bal;
        const principal = level - interest;
        I[j]! += interest;
        P[j]! += principal;
        bal = bal - principal;
        O[j]! += bal;
      }
      break;
    }
    case BULLET:
      for (; t < years; t++) {
        const j = k + t;
        I[j]! += rate * bal;
        O[j]! += bal;
      }
      break;
    default: {
      const T = tables.profile;
      for (; t < years; t++) {
        const j = k + t;
        const interest = rate * bal;
        const principal = Math.min(T[pOff + t]! * base, bal);
        I[j]! += interest;
        P[j]! += principal;
        bal = bal - principal;
        O[j]! += bal;
      }
    }
  }
  // t = years: the final year takes whatever is left; the closing balance is 0.
  const j = k + years;
  I[j]! += rate * bal;
  P[j]! += bal;
}
