import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pmt, rate } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';

// Expected rates: roots of the cash-flow polynomial found with mpmath.findroot at 40 digits.
describe('rate', () => {
  it('matches Excel and numpy-financial', () => {
    expectClose(rate(48, -200, 8000), 0.007701472488202043816); // Excel docs (×12 = 9.24%)
    expectClose(rate(10, 0, -3500, 10000), 0.11069085371075280625); // numpy-financial docs
    expectClose(rate(48, -200, 8000, 0, 1), 0.0080529819239060342467);
  });
  it('returns zero when payments exactly repay the principal', () => {
    expect(Math.abs(rate(10, -100, 1000))).toBeLessThan(1e-15);
  });
  it('does not depend on the guess', () => {
    expectClose(rate(48, -200, 8000, 0, 0, 0.9), 0.007701472488202043816);
    expectClose(rate(48, -200, 8000, 0, 0, -0.5), 0.007701472488202043816);
  });
  it('says when there is no solution', () => {
    // Borrowing and never repaying, or receiving the payments too: no rate balances either.
    expect(errorCode(() => rate(10, 0, 1000, 0))).toBe('no-root');
    expect(errorCode(() => rate(10, 100, 1000))).toBe('no-root');
  });
  it('rejects nper ≤ 0', () => {
    expect(errorCode(() => rate(0, -100, 1000))).toBe('invalid-argument');
  });
  it('recovers the rate pmt was computed with', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.2, max: 0.5, noNaN: true }),
        fc.integer({ min: 2, max: 360 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.constantFrom(0 as const, 1 as const),
        (r, n, loan, type) => {
          expectClose(rate(n, pmt(r, n, loan, 0, type), loan, 0, type), r, 1e-7, 1e-9);
        },
      ),
    );
  });
});
