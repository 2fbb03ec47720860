import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinanceError, irr, irrAll, npv, pmt } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';

// Expected roots: mpmath.polyroots on Σ v_i x^i with x = 1/(1+r), 30 digits.
describe('npv', () => {
  it('discounts the first value one period, like Excel', () => {
    expectClose(npv(0.1, [-10000, 3000, 4200, 6800]), 1188.4434123352230039); // Excel docs
    expectClose(npv(0.08, [8000, 9200, 10000, 12000, 14500]) - 40000, 1922.0615549323722009); // Excel docs
    expect(npv(0.1, [110])).toBeCloseTo(100, 12);
    expect(npv(0, [1, 2, 3])).toBe(6);
  });
  it('rejects an empty list and rates ≤ −1', () => {
    expect(errorCode(() => npv(0.1, []))).toBe('invalid-argument');
    expect(errorCode(() => npv(-1, [1]))).toBe('invalid-argument');
  });
});

describe('irr', () => {
  it('matches Excel and numpy-financial', () => {
    expectClose(irr([-70000, 12000, 15000, 18000, 21000, 26000]), 0.086630948036531614293); // Excel docs
    expectClose(irr([-70000, 12000, 15000, 18000, 21000]), -0.021244848273410991031); // Excel docs
    expectClose(irr([-70000, 12000, 15000], -0.1), -0.4435069413347405395); // Excel docs
    expectClose(irr([-100, 39, 59, 55, 20]), 0.28094842115996110458); // numpy-financial docs
  });
  it('finds the root whatever the guess, even when Newton cannot', () => {
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    for (const guess of [-0.99, -0.5, 0, 3, 1e6]) expectClose(irr(flows, guess), 0.086630948036531614293);
  });
  it('accepts several sign changes when only one rate works', () => {
    expectClose(irr([-1000, 600, -100, 700]), 0.09373202067579272053);
    expectClose(irr([100, -50, -60]), 0.063941029804985319368);
  });
  it('throws multiple-roots, listing them, when the rate is ambiguous', () => {
    let caught: unknown;
    try {
      irr([-100, 230, -132]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FinanceError);
    const err = caught as FinanceError;
    expect(err.code).toBe('multiple-roots');
    expect(err.message).toMatch(/10\.0000%, 20\.0000%/);
    expect(err.roots).toHaveLength(2);
    expectClose(err.roots[0] ?? NaN, 0.1, 1e-12);
    expectClose(err.roots[1] ?? NaN, 0.2, 1e-12);
  });
  it('throws no-root when the flows never change sign or never cross zero', () => {
    expect(errorCode(() => irr([100, 230, 132]))).toBe('no-root');
    expect(errorCode(() => irr([-100, -5]))).toBe('no-root');
    expect(errorCode(() => irr([-1, 2, -2]))).toBe('no-root');
  });
  it('rejects empty, all-zero and non-finite flows', () => {
    expect(errorCode(() => irr([]))).toBe('invalid-argument');
    expect(errorCode(() => irr([0, 0]))).toBe('invalid-argument');
    expect(errorCode(() => irr([-1, Number.POSITIVE_INFINITY]))).toBe('invalid-argument');
  });
  it('ignores leading and trailing zeros, which do not move the rate', () => {
    expectClose(irr([0, 0, -100, 39, 59, 55, 20, 0]), 0.28094842115996110458);
  });
  it('recovers the rate of an annuity', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 1, noNaN: true }), fc.integer({ min: 1, max: 50 }), (r, n) => {
        const payment = -pmt(r, n, 1000);
        expectClose(irr([-1000, ...Array<number>(n).fill(payment)]), r, 1e-8, 1e-10);
      }),
    );
  });
});

describe('irrAll', () => {
  it('lists every root, ascending', () => {
    const roots = irrAll([-5, 10.5, 1, -8, 1]);
    const expected = [-0.87020124748474117853, 0.08859833852775534567, 0.70955952768618357115];
    expect(roots).toHaveLength(3);
    roots.forEach((r, i) => expectClose(r, expected[i] ?? NaN, 1e-10));
  });
  it('is empty when no rate works, and equals [irr] when one does', () => {
    expect(irrAll([-1, 2, -2])).toEqual([]);
    expect(irrAll([5, 6])).toEqual([]);
    const [only, ...rest] = irrAll([-70000, 12000, 15000, 18000, 21000, 26000]);
    expect(rest).toEqual([]);
    expectClose(only ?? NaN, 0.086630948036531614293, 1e-12);
  });
  it('finds both rates of a flow built from two known roots', () => {
    // −(1+a)(1+b) + (2+a+b)·x⁻¹… i.e. flows [−1, (1+a)+(1+b), −(1+a)(1+b)] vanish at r = a and r = b.
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: 0.02, max: 1, noNaN: true }), (a, gap) => {
        const b = a + gap;
        const roots = irrAll([-1, 2 + a + b, -(1 + a) * (1 + b)]);
        expect(roots).toHaveLength(2);
        expectClose(roots[0] ?? NaN, a, 1e-8, 1e-8);
        expectClose(roots[1] ?? NaN, b, 1e-8, 1e-8);
      }),
    );
  });
});
