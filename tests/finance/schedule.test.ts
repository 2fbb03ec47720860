import { describe, expect, it } from 'vitest';
import { type FinanceError, loanSchedule, validateLoanTerms, type LoanTerms, type ScheduleRow } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';

type Expected = Partial<Record<keyof ScheduleRow, number>>;

function expectRows(rows: readonly ScheduleRow[], expected: readonly Expected[]): void {
  expect(rows).toHaveLength(expected.length);
  expected.forEach((want, t) => {
    const row = rows[t];
    for (const [key, value] of Object.entries(want)) {
      expectClose(row?.[key as keyof ScheduleRow] ?? NaN, value, 1e-12, 1e-12);
    }
  });
}

// The expected rows below are worked out by hand from the stated conventions.
describe('loanSchedule by method', () => {
  it('linear: equal principal after grace, interest on the opening balance', () => {
    const s = loanSchedule({ amount: 120, rate: 0.1, years: 4, grace: 1, method: 'linear' });
    expectRows(s.rows, [
      { year: 0, opening: 0, disbursed: 120, interest: 0, principal: 0, debtService: 0, closing: 120 },
      { year: 1, opening: 120, interest: 12, principal: 0, debtService: 12, closing: 120 },
      { year: 2, opening: 120, interest: 12, principal: 40, debtService: 52, closing: 80 },
      { year: 3, opening: 80, interest: 8, principal: 40, debtService: 48, closing: 40 },
      { year: 4, opening: 40, interest: 4, principal: 40, debtService: 44, closing: 0 },
    ]);
    expect(s.totals).toEqual({ disbursed: 120, interest: 36, capitalized: 0, fees: 0, principal: 120, debtService: 156 });
  });

  it('annuity: level debt service equal to P·r/(1−(1+r)^−n)', () => {
    const s = loanSchedule({ amount: 100, rate: 0.05, years: 10, grace: 0, method: 'annuity' });
    const level = (100 * 0.05) / (1 - 1.05 ** -10); // 12.950457496545670, docs/domain-facts.md §4
    expectClose(level, 12.95045749654566955, 1e-14);
    for (const row of s.rows.slice(1)) expectClose(row.debtService, level, 1e-12);
    expectClose(s.rows[1]?.interest ?? NaN, 5, 1e-15);
    expectClose(s.rows[1]?.principal ?? NaN, level - 5, 1e-12);
    expect(s.rows[10]?.closing).toBe(0);
  });

  it('annuity at a zero rate is linear', () => {
    const s = loanSchedule({ amount: 90, rate: 0, years: 5, grace: 2, method: 'annuity' });
    expect(s.rows.map((r) => r.principal)).toEqual([0, 0, 0, 30, 30, 30]);
  });

  it('bullet: interest only, all principal in the final year', () => {
    const s = loanSchedule({ amount: 100, rate: 0.065, years: 3, grace: 0, method: 'bullet' });
    expectRows(s.rows, [
      { disbursed: 100, debtService: 0 },
      { interest: 6.5, principal: 0, debtService: 6.5, closing: 100 },
      { interest: 6.5, principal: 0, debtService: 6.5, closing: 100 },
      { interest: 6.5, principal: 100, debtService: 106.5, closing: 0 },
    ]);
  });

  it('custom: percentages of the end-of-grace balance; the last year takes the rounding', () => {
    // 3 × 33.35% = 100.05%, as with IDA's published 29 × 3.45%: the final year repays only what is left.
    const s = loanSchedule({ amount: 200, rate: 0, years: 4, grace: 1, method: 'custom', profile: [{ from: 2, to: 4, pct: 33.35 }] });
    [0, 0, 66.7, 66.7, 66.6].forEach((p, t) => expectClose(s.rows[t]?.principal ?? NaN, p, 1e-12));
  });

  it('custom: an instalment never repays more than is owed', () => {
    // 50.05 + 50.04 + 0.01 = 100.1%: year 3 asks for 50.04 but only 49.95 is left.
    const s = loanSchedule({
      amount: 100,
      rate: 0.05,
      years: 4,
      grace: 1,
      method: 'custom',
      profile: [
        { from: 2, to: 2, pct: 50.05 },
        { from: 3, to: 3, pct: 50.04 },
        { from: 4, to: 4, pct: 0.01 },
      ],
    });
    [0, 0, 50.05, 49.95, 0].forEach((p, t) => expectClose(s.rows[t]?.principal ?? NaN, p, 1e-12, 1e-12));
    for (const row of s.rows) expect(row.closing).toBeGreaterThanOrEqual(0);
  });

  it('custom: step profiles (IDA small economy: 2% then 4%)', () => {
    const s = loanSchedule({
      amount: 1000,
      rate: 0.0075,
      years: 40,
      grace: 10,
      method: 'custom',
      profile: [
        { from: 11, to: 20, pct: 2 },
        { from: 21, to: 40, pct: 4 },
      ],
    });
    expectClose(s.rows[11]?.principal ?? NaN, 20, 1e-12);
    expectClose(s.rows[21]?.principal ?? NaN, 40, 1e-12);
    expectClose(s.rows[20]?.closing ?? NaN, 800, 1e-12);
    expectClose(s.rows[21]?.interest ?? NaN, 6, 1e-12);
    expect(s.rows[40]?.closing).toBe(0);
  });
});

describe('loanSchedule timing, capitalisation and fees', () => {
  it('draws share k at t = k, bearing interest from year k+1; commitment fee on the undrawn part', () => {
    const s = loanSchedule({
      amount: 100,
      rate: 0.1,
      years: 4,
      grace: 2,
      method: 'linear',
      disbursement: [0.5, 0.3, 0.2],
      frontEndFee: 0.01,
      commitmentFee: 0.005,
    });
    expectRows(s.rows, [
      // t=0: first draw, front-end fee on the whole commitment
      { opening: 0, disbursed: 50, interest: 0, fees: 1, debtService: 1, closing: 50 },
      // year 1: interest on 50; 50 undrawn through the year → fee 0.25; second draw at t=1
      { opening: 50, disbursed: 30, interest: 5, fees: 0.25, debtService: 5.25, closing: 80 },
      // year 2: interest on 80; 20 undrawn → fee 0.1; last draw at t=2 = end of grace
      { opening: 80, disbursed: 20, interest: 8, fees: 0.1, debtService: 8.1, closing: 100 },
      { opening: 100, interest: 10, fees: 0, principal: 50, debtService: 60, closing: 50 },
      { opening: 50, interest: 5, principal: 50, debtService: 55, closing: 0 },
    ]);
  });

  it('capitalises grace interest into the repayment base', () => {
    const s = loanSchedule({ amount: 100, rate: 0.1, years: 4, grace: 2, method: 'linear', capitalize: true });
    expectRows(s.rows, [
      { disbursed: 100, closing: 100 },
      { interest: 10, capitalized: 10, debtService: 0, closing: 110 },
      { interest: 11, capitalized: 11, debtService: 0, closing: 121 },
      { interest: 12.1, capitalized: 0, principal: 60.5, debtService: 72.6, closing: 60.5 },
      { interest: 6.05, principal: 60.5, debtService: 66.55, closing: 0 },
    ]);
    expectClose(s.totals.principal, s.totals.disbursed + s.totals.capitalized, 1e-15);
  });

  it('no commitment fee once everything is drawn at signing', () => {
    const s = loanSchedule({ amount: 100, rate: 0.05, years: 5, grace: 1, method: 'linear', commitmentFee: 0.01 });
    expect(s.totals.fees).toBe(0);
  });
});

describe('loan terms validation', () => {
  const good: LoanTerms = { amount: 100, rate: 0.05, years: 10, grace: 2, method: 'linear' };

  it('accepts sound terms', () => {
    expect(validateLoanTerms(good)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['negative amount', { amount: -1 }, 'amount'],
    ['rate at −100%', { rate: -1 }, 'rate'],
    ['fractional years', { years: 10.5 }, 'years'],
    ['grace as long as the loan', { grace: 10 }, 'grace'],
    ['negative fee', { frontEndFee: -0.01 }, 'frontEndFee'],
    ['shares not summing to 1', { disbursement: [0.5, 0.4] }, 'disbursement'],
    ['a draw after the grace period', { disbursement: [0.25, 0.25, 0.25, 0.25] }, 'disbursement'],
    ['negative share', { disbursement: [1.5, -0.5] }, 'disbursement[1]'],
    ['unknown method', { method: 'balloon' }, 'method'],
    ['custom without profile', { method: 'custom' }, 'profile'],
    ['custom not summing to 100', { method: 'custom', profile: [{ from: 3, to: 10, pct: 12 }] }, 'profile'],
    ['custom step inside grace', { method: 'custom', profile: [{ from: 2, to: 10, pct: 100 / 9 }] }, 'profile[0]'],
    [
      'custom overlapping steps',
      {
        method: 'custom',
        profile: [
          { from: 3, to: 6, pct: 12.5 },
          { from: 6, to: 10, pct: 12.5 },
        ],
      },
      'profile[1]',
    ],
    ['custom ending before maturity', { method: 'custom', profile: [{ from: 3, to: 9, pct: 100 / 7 }] }, 'profile'],
    ['sculpted without CFADS', { method: 'sculpted', targetDscr: 1.3 }, 'cfads'],
    ['sculpted without DSCR', { method: 'sculpted', cfads: Array<number>(10).fill(20) }, 'targetDscr'],
    ['sculpted beyond capacity', { method: 'sculpted', cfads: Array<number>(10).fill(10), targetDscr: 1.3 }, 'amount'],
  ])('reports %s', (_, change, field) => {
    const problems = validateLoanTerms({ ...good, ...change } as unknown as LoanTerms);
    expect(problems.map((p) => p.field)).toContain(field);
  });

  it('reports every problem at once, and loanSchedule throws them as invalid-terms', () => {
    const bad = { ...good, amount: -5, rate: Number.NaN };
    expect(validateLoanTerms(bad).map((p) => p.field)).toEqual(['amount', 'rate']);
    expect(errorCode(() => loanSchedule(bad))).toBe('invalid-terms');
    try {
      loanSchedule(bad);
    } catch (e) {
      expect((e as FinanceError).problems).toHaveLength(2);
      expect((e as FinanceError).message).toMatch(/amount: must be ≥ 0/);
    }
  });
});
