import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loanSchedule, portfolioReflows, type PortfolioLoan, type ReflowRow } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';
import { loanTerms } from './loan-arbitraries.js';

const fields = ['disbursed', 'interest', 'capitalized', 'fees', 'principal', 'debtService'] as const;

/** The slow, obvious way: every loan's schedule, row by row, binned by calendar year. */
function reference(loans: readonly PortfolioLoan[], firstYear: number, lastYear: number): ReflowRow[] {
  const rows = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const row = { year, disbursed: 0, interest: 0, capitalized: 0, fees: 0, principal: 0, debtService: 0, outstanding: 0 };
    for (const loan of loans) {
      const s = loanSchedule(loan);
      const t = year - loan.startYear;
      const r = s.rows[t];
      if (!r) continue;
      for (const f of fields) row[f] += r[f];
      row.outstanding += r.closing;
    }
    rows.push(row);
  }
  return rows;
}

describe('portfolioReflows', () => {
  it('bins two loans by calendar year', () => {
    const loans: PortfolioLoan[] = [
      { amount: 100, rate: 0.1, years: 2, grace: 0, method: 'linear', startYear: 2026, frontEndFee: 0.01 },
      { amount: 60, rate: 0, years: 3, grace: 1, method: 'linear', startYear: 2027 },
    ];
    const rows = portfolioReflows(loans, { firstYear: 2025, lastYear: 2031 });
    expect(rows.map((r) => r.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(rows.map((r) => r.disbursed)).toEqual([0, 100, 60, 0, 0, 0, 0]);
    expect(rows.map((r) => r.fees)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(rows.map((r) => r.interest)).toEqual([0, 0, 10, 5, 0, 0, 0]);
    // Loan 2 is signed in 2027 with one grace year: it repays 30 in 2029 and 2030.
    expect(rows.map((r) => r.principal)).toEqual([0, 0, 50, 50, 30, 30, 0]);
    expect(rows.map((r) => r.debtService)).toEqual([0, 1, 60, 55, 30, 30, 0]);
    expect(rows.map((r) => r.outstanding)).toEqual([0, 100, 110, 60, 30, 0, 0]);
  });

  it('drops flows outside the window but reports the true balance inside it', () => {
    const loan: PortfolioLoan = { amount: 100, rate: 0.1, years: 4, grace: 0, method: 'linear', startYear: 2020 };
    const rows = portfolioReflows([loan], { firstYear: 2022, lastYear: 2023 });
    expect(rows).toEqual([
      { year: 2022, disbursed: 0, interest: 7.5, capitalized: 0, fees: 0, principal: 25, debtService: 32.5, outstanding: 50 },
      { year: 2023, disbursed: 0, interest: 5, capitalized: 0, fees: 0, principal: 25, debtService: 30, outstanding: 25 },
    ]);
    expect(portfolioReflows([loan], { firstYear: 2030, lastYear: 2031 }).every((r) => r.debtService === 0 && r.outstanding === 0)).toBe(true);
  });

  it('rejects bad windows and bad loans, naming the loan', () => {
    expect(errorCode(() => portfolioReflows([], { firstYear: 2030, lastYear: 2029 }))).toBe('invalid-argument');
    const bad = { amount: 100, rate: 0.1, years: 4, grace: 5, method: 'linear', startYear: 2020 } as const;
    expect(() => portfolioReflows([bad], { firstYear: 2020, lastYear: 2030 })).toThrow(/loans\[0\]\.grace/);
    expect(errorCode(() => portfolioReflows([{ ...bad, grace: 0, startYear: 2020.5 }], { firstYear: 2020, lastYear: 2030 }))).toBe('invalid-terms');
  });

  it('equals the sum of the one-loan schedules (random portfolios and windows)', () => {
    const portfolio = fc.array(
      fc.tuple(loanTerms({ fees: true }), fc.integer({ min: 2000, max: 2040 })).map(([terms, startYear]) => ({ ...terms, startYear })),
      { minLength: 0, maxLength: 8 },
    );
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1990, max: 2050 }), fc.integer({ min: 0, max: 60 }), (loans, firstYear, span) => {
        const lastYear = firstYear + span;
        const fast = portfolioReflows(loans, { firstYear, lastYear });
        const slow = reference(loans, firstYear, lastYear);
        expect(fast).toHaveLength(slow.length);
        const scale = 1e-9 * (1 + loans.reduce((s, l) => s + l.amount, 0));
        fast.forEach((row, i) => {
          const want = slow[i];
          expect(row.year).toBe(want?.year);
          for (const f of [...fields, 'outstanding'] as const) expectClose(row[f], want?.[f] ?? NaN, 1e-9, scale);
        });
      }),
      { numRuns: 200 },
    );
  });
});
