import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinanceError, fv, ipmt, nper, pmt, ppmt, pv } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';

// Expected values: Excel documentation examples and numpy-financial docstrings,
// each recomputed with mpmath at 40 digits (closed-form TVM formula, or a
// period-by-period amortisation for IPMT/PPMT) and quoted to ~17 digits.

describe('pmt', () => {
  it('matches Excel and numpy-financial', () => {
    expectClose(pmt(0.05 / 12, 360, 200000), -1073.6432460242779697);
    expectClose(pmt(0.05, 10, 100), -12.95045749654566955); // docs/domain-facts.md §4 annuity check
    expectClose(pmt(0.08 / 12, 10, 10000), -1037.0320893591521757); // Excel docs
    expectClose(pmt(0.08 / 12, 60, 15000), -304.14591432620523703); // numpy-financial docs
  });
  it('pays in advance with type 1', () => {
    expectClose(pmt(0.08 / 12, 10, 10000, 0, 1), -1030.1643271779657374);
    // In advance every payment is worth one period more, so it is smaller by 1+r.
    expectClose(pmt(0.08 / 12, 10, 10000, 0, 1) * (1 + 0.08 / 12), pmt(0.08 / 12, 10, 10000));
  });
  it('divides evenly at a zero rate', () => {
    expect(pmt(0, 10, 100, 50)).toBe(-15);
    expect(pmt(0, 4, 100, 0, 1)).toBe(-25);
  });
  it('stays accurate at tiny rates where 1+r loses digits', () => {
    // (1+r)^n − 1 ≈ n·r + n(n−1)r²/2, so pmt ≈ −pv·(1/n + r(n+1)/(2n)) to first order.
    const r = 1e-12;
    expectClose(pmt(r, 10, 1000), -(1000 / 10) * (1 + (r * 11) / 2), 1e-12);
  });
  it('rejects nper 0, rate ≤ −1, type 2 and NaN', () => {
    expect(errorCode(() => pmt(0, 0, 100))).toBe('invalid-argument');
    expect(errorCode(() => pmt(0.05, 0, 100))).toBe('invalid-argument');
    expect(errorCode(() => pmt(-1, 10, 100))).toBe('invalid-argument');
    expect(errorCode(() => pmt(0.05, 10, 100, 0, 2 as 0))).toBe('invalid-argument');
    expect(errorCode(() => pmt(Number.NaN, 10, 100))).toBe('invalid-argument');
  });
  it('throws a FinanceError whose message names the function and argument', () => {
    expect(() => pmt(0.05, 0, 100)).toThrow(FinanceError);
    expect(() => pmt(0.05, 0, 100)).toThrow(/pmt: nper/);
  });
});

describe('ipmt and ppmt', () => {
  it('match the Excel documentation examples', () => {
    expectClose(ipmt(0.1 / 12, 1, 36, 8000), -66.666666666666666667);
    expectClose(ipmt(0.1, 3, 3, 8000), -292.44712990936555891);
    expectClose(ppmt(0.1 / 12, 1, 24, 2000), -75.623186008366340239);
    expectClose(ppmt(0.08, 10, 10, 200000), -27598.053462421375459);
  });
  it('handle a future value (balloon)', () => {
    expectClose(ipmt(0.06, 7, 12, -5000, 2000), 225.57429085929546359);
  });
  it('charge no interest on the first payment in advance, then interest on the prior balance', () => {
    expect(ipmt(0.1 / 12, 1, 36, 8000, 0, 1)).toBe(0);
    expectClose(ipmt(0.1 / 12, 5, 36, 8000, 0, 1), -59.706527584899786934);
    expectClose(ppmt(0.1 / 12, 5, 36, 8000, 0, 1), -196.29760221744721416);
  });
  it('is zero interest at a zero rate', () => {
    expect(ipmt(0, 3, 10, 1000)).toBe(0);
    expect(ppmt(0, 3, 10, 1000)).toBe(-100);
  });
  it('rejects a period outside 1..nper', () => {
    expect(errorCode(() => ipmt(0.05, 0, 10, 100))).toBe('invalid-argument');
    expect(errorCode(() => ppmt(0.05, 11, 10, 100))).toBe('invalid-argument');
  });
  it('agree with a period-by-period amortisation', () => {
    fc.assert(
      fc.property(
        // Up to 20%: at 30% over 60 periods (1.3^60 ≈ 7·10^6) the balance formula
        // Excel and numpy share loses ~1e-9 of the loan to cancellation.
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.constantFrom(0 as const, 1 as const),
        (r, n, loan, type) => {
          const payment = pmt(r, n, loan, 0, type);
          const tol = 1e-9 * loan;
          let owed = loan; // what the borrower owes, Excel sign (positive = received)
          let principal = 0;
          for (let k = 1; k <= n; k++) {
            // In arrears, payment k carries the interest of period k on the balance owed;
            // in advance, payment k carries the interest accrued over period k−1.
            const interest = type === 0 ? -r * owed : k === 1 ? 0 : -r * (owed / (1 + r));
            expectClose(ipmt(r, k, n, loan, 0, type), interest, 1e-9, tol);
            expectClose(ppmt(r, k, n, loan, 0, type), payment - interest, 1e-9, tol);
            principal += ppmt(r, k, n, loan, 0, type);
            owed = type === 0 ? owed * (1 + r) + payment : (owed + payment) * (1 + r);
          }
          expectClose(principal, -loan, 1e-9);
        },
      ),
    );
  });
});

describe('fv and pv', () => {
  it('match Excel and numpy-financial', () => {
    expectClose(fv(0.06 / 12, 10, -200, -500, 1), 2581.4033740601791537); // Excel docs
    expectClose(fv(0.05 / 12, 120, -100, -100), 15692.928894335821124); // numpy-financial docs
    expectClose(pv(0.08 / 12, 240, 500), -59777.145851188021817); // Excel docs
    expectClose(pv(0.08 / 12, 240, 500, 1000, 1), -60378.631545513435005);
  });
  it('reduce to sums at a zero rate', () => {
    expect(fv(0, 10, -100, -1000)).toBe(2000);
    expect(pv(0, 10, -100, 500)).toBe(500);
    expect(fv(0.05, 0, -100, -1000)).toBe(1000);
  });
  it('are inverse to pmt: the TVM equation closes', () => {
    fc.assert(
      fc.property(
        // (1+r)^n kept within ~[0.002, 6·10^4]: outside it, recovering pv from fv (or
        // back) loses all digits to cancellation whatever the implementation.
        fc.double({ min: -0.1, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constantFrom(0 as const, 1 as const),
        (r, n, present, future, type) => {
          const payment = pmt(r, n, present, future, type);
          const scale = Math.abs(present) + Math.abs(future) + 1;
          expectClose(fv(r, n, payment, present, type), future, 1e-9, 1e-9 * scale);
          expectClose(pv(r, n, payment, future, type), present, 1e-9, 1e-9 * scale);
        },
      ),
    );
  });
});

describe('nper', () => {
  it('matches Excel and numpy-financial', () => {
    expectClose(nper(0.12 / 12, -100, -1000, 10000, 1), 59.673865674294625588); // Excel docs
    expectClose(nper(0.12 / 12, -100, -1000, 10000), 60.082122853761722554); // Excel docs
    expectClose(nper(0.12 / 12, -100, -1000), -9.5785940398131666704); // Excel docs
    expectClose(nper(0.07 / 12, -150, 8000), 64.073348770662121495); // numpy-financial docs
  });
  it('divides at a zero rate', () => {
    expect(nper(0, -100, 1000)).toBe(10);
  });
  it('reports when no number of periods works', () => {
    expect(errorCode(() => nper(0, 0, 1000))).toBe('no-root');
    // Paying 10 a month never covers 1% monthly interest on 8000.
    expect(errorCode(() => nper(0.01, -10, 8000))).toBe('no-root');
  });
  it('round-trips through pmt', () => {
    fc.assert(
      fc.property(
        // Kept to (1+r)^n below ~10^4: beyond that nper is ill-conditioned in any
        // implementation (the payment barely exceeds the interest).
        fc.double({ min: 0.001, max: 0.15, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (r, n, loan) => {
          expectClose(nper(r, pmt(r, n, loan), loan), n, 1e-8);
        },
      ),
    );
  });
});
