import { describe, expect, it } from 'vitest';
import { xirr, xirrAll, xnpv } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';

// Excel documentation example; expected values recomputed with mpmath at 40
// digits from Σ v_i/(1+r)^(days_i/365) (findroot for XIRR).
const values = [-10000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xnpv', () => {
  it('matches the Excel documentation example', () => {
    expectClose(xnpv(0.09, values, dates), 2086.6476020315366217);
  });
  it('accepts Date objects as UTC calendar days, ignoring the time of day', () => {
    const asDates = dates.map((d) => new Date(`${d}T18:30:00Z`));
    expectClose(xnpv(0.09, values, asDates), 2086.6476020315366217);
  });
  it('discounts exactly one year for 365 days, in a leap year too', () => {
    // 2024-01-01 → 2024-12-31 is 365 days (ACT/365, not calendar years).
    expectClose(xnpv(0.1, [0, 110], ['2024-01-01', '2024-12-31']), 100);
  });
  it('rejects dates before the first, malformed dates and mismatched lengths', () => {
    expect(errorCode(() => xnpv(0.1, [1, 2], ['2024-01-02', '2024-01-01']))).toBe('invalid-argument');
    expect(errorCode(() => xnpv(0.1, [1, 2], ['2024-01-01', '2024-02-30']))).toBe('invalid-argument');
    expect(errorCode(() => xnpv(0.1, [1, 2], ['2024-01-01', '01/02/2024']))).toBe('invalid-argument');
    expect(errorCode(() => xnpv(0.1, [1, 2], ['2024-01-01']))).toBe('invalid-argument');
    expect(errorCode(() => xnpv(0.1, [1], [new Date(Number.NaN)]))).toBe('invalid-argument');
  });
});

describe('xirr', () => {
  it('matches the Excel documentation example', () => {
    expectClose(xirr(values, dates), 0.37336253351883151031);
    expectClose(xirr(values, dates, -0.9), 0.37336253351883151031);
  });
  it('zeroes xnpv', () => {
    expect(Math.abs(xnpv(xirr(values, dates), values, dates))).toBeLessThan(1e-8);
  });
  it('lets later dates come in any order', () => {
    const order = [0, 3, 1, 4, 2];
    const v = order.map((i) => values[i] ?? 0);
    const d = order.map((i) => dates[i] ?? '');
    expectClose(xirr(v, d), 0.37336253351883151031);
  });
  it('reports no-root and multiple-roots', () => {
    expect(errorCode(() => xirr([100, 200], ['2024-01-01', '2025-01-01']))).toBe('no-root');
    // 365-day steps make this the periodic case [−100, 230, −132]: roots 10% and 20%.
    const d3 = ['2021-01-01', '2022-01-01', '2023-01-01'];
    expect(errorCode(() => xirr([-100, 230, -132], d3))).toBe('multiple-roots');
    const roots = xirrAll([-100, 230, -132], d3);
    expect(roots).toHaveLength(2);
    expectClose(roots[0] ?? NaN, 0.1, 1e-10);
    expectClose(roots[1] ?? NaN, 0.2, 1e-10);
  });
});
