import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FinanceError,
  loanSchedule,
  portfolioReflows,
  validateLoanTerms,
  type LoanTerms,
  type PortfolioLoan,
  type ReflowRow,
} from '../../src/finance/index.js';
import { MAX_FAST_YEARS, MAX_SHAPES } from '../../src/finance/reflows-kernel.js';
import { errorCode, expectClose } from './close.js';
import { loanTerms } from './loan-arbitraries.js';

const fields = ['disbursed', 'interest', 'capitalized', 'fees', 'principal', 'debtService'] as const;

/** The slow, obvious way: every loan's schedule, row by row, binned by calendar year in loan order. */
function reference(loans: readonly PortfolioLoan[], firstYear: number, lastYear: number): ReflowRow[] {
  const rows = [];
  for (let year = firstYear; year <= lastYear; year++) {
    rows.push({ year, disbursed: 0, interest: 0, capitalized: 0, fees: 0, principal: 0, debtService: 0, outstanding: 0 });
  }
  for (const loan of loans) {
    const s = loanSchedule(loan);
    for (const r of s.rows) {
      const row = rows[loan.startYear + r.year - firstYear];
      if (!row) continue;
      for (const f of fields) row[f] += r[f];
      row.outstanding += r.closing;
    }
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

const allFields = [...fields, 'outstanding'] as const;
/** The summed columns; debtService is derived from them, so it is only equal to rounding. */
const flowsAndStock = ['disbursed', 'interest', 'capitalized', 'fees', 'principal', 'outstanding'] as const;

function expectRowsClose(fast: readonly ReflowRow[], slow: readonly ReflowRow[], abs: number): void {
  expect(fast).toHaveLength(slow.length);
  fast.forEach((row, i) => {
    const want = slow[i];
    expect(row.year).toBe(want?.year);
    for (const f of allFields) expectClose(row[f], want?.[f] ?? NaN, 1e-9, abs);
  });
}

const totalAmount = (loans: readonly PortfolioLoan[]): number => loans.reduce((sum, l) => sum + Math.abs(l.amount), 0);

/** The exact mode, as rows. */
function exactRows(loans: readonly PortfolioLoan[], firstYear: number, lastYear: number): ReflowRow[] {
  return portfolioReflows(loans, { firstYear, lastYear }, { exact: true });
}

/** The same loan with another amount; sculpted loans only shrink (their validity depends on the amount). */
function withAmount(terms: LoanTerms, scale: number, fraction: number): LoanTerms {
  return { ...terms, amount: terms.method === 'sculpted' ? terms.amount * fraction : scale };
}

/** A few term sets, each signed many times with amounts from 1e-3 to 1e6 and equal-content or shared arrays. */
const repeatedPortfolio = fc
  .tuple(
    fc.array(loanTerms({ fees: true }), { minLength: 1, maxLength: 4 }),
    fc.array(
      fc.record({
        set: fc.nat(),
        exponent: fc.integer({ min: -3, max: 6 }),
        mantissa: fc.double({ min: 1, max: 10, noNaN: true }),
        fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
        startYear: fc.integer({ min: 2000, max: 2012 }),
        copyArrays: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    ),
  )
  .map(([sets, draws]) =>
    draws.map((d): PortfolioLoan => {
      const terms = sets[d.set % sets.length]!;
      const loan = { ...withAmount(terms, d.mantissa * 10 ** d.exponent, d.fraction), startYear: d.startYear };
      if (!d.copyArrays) return loan;
      return {
        ...loan,
        ...(terms.disbursement ? { disbursement: [...terms.disbursement] } : {}),
        ...(terms.profile ? { profile: terms.profile.map((step) => ({ ...step })) } : {}),
      };
    }),
  );

describe('portfolioReflows kernel paths', () => {
  it('repeated term sets with amounts of very different sizes: equals the sum of the one-loan schedules', () => {
    fc.assert(
      fc.property(repeatedPortfolio, fc.integer({ min: 1995, max: 2030 }), fc.integer({ min: 0, max: 60 }), (loans, firstYear, span) => {
        const lastYear = firstYear + span;
        const slow = reference(loans, firstYear, lastYear);
        const abs = 1e-12 * (1 + loans.reduce((sum, l) => sum + l.amount, 0));
        expectRowsClose(portfolioReflows(loans, { firstYear, lastYear }), slow, abs);
      }),
    );
  });

  it('exact mode is bit-identical to adding up the one-loan schedules in loan order', () => {
    const portfolio = fc.oneof(
      repeatedPortfolio,
      fc.array(
        fc.tuple(loanTerms({ fees: true }), fc.integer({ min: 2000, max: 2040 })).map(([terms, startYear]) => ({ ...terms, startYear })),
        { maxLength: 8 },
      ),
    );
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1990, max: 2050 }), fc.integer({ min: 0, max: 60 }), (loans, firstYear, span) => {
        const lastYear = firstYear + span;
        const slow = reference(loans, firstYear, lastYear);
        const fast = exactRows(loans, firstYear, lastYear);
        fast.forEach((row, i) => {
          for (const f of flowsAndStock) expect(row[f]).toBe(slow[i]?.[f]);
          expectClose(row.debtService, slow[i]?.debtService ?? NaN, 1e-9, 1e-9 * (1 + totalAmount(loans)));
        });
      }),
    );
  });

  it('a loan alone in its terms and start year comes out bit for bit in the default mode too', () => {
    fc.assert(
      fc.property(loanTerms({ fees: true }), fc.integer({ min: 2000, max: 2010 }), (terms, startYear) => {
        const loan = { ...terms, startYear };
        const slow = reference([loan], 2000, 2060);
        portfolioReflows([loan], { firstYear: 2000, lastYear: 2060 }).forEach((row, i) => {
          for (const f of allFields) expect(row[f]).toBe(slow[i]?.[f]);
        });
      }),
    );
  });

  it('more distinct term sets than the shape table holds: the rest run loan by loan', () => {
    const loans: PortfolioLoan[] = Array.from({ length: MAX_SHAPES + 300 }, (_, i) => ({
      amount: 1 + (i % 97) * 13.5,
      rate: 0.01 + i * 1e-6,
      years: 10 + (i % 25),
      grace: 1 + (i % 5),
      method: (['annuity', 'linear', 'bullet'] as const)[i % 3]!,
      disbursement: i % 2 ? [0.5, 0.5] : [1],
      capitalize: i % 7 === 0,
      frontEndFee: 0.01,
      commitmentFee: 0.005,
      startYear: 2020 + (i % 11),
    }));
    const slow = reference(loans, 2018, 2070);
    const abs = 1e-12 * loans.reduce((sum, l) => sum + l.amount, 0);
    expectRowsClose(portfolioReflows(loans, { firstYear: 2018, lastYear: 2070 }), slow, abs);
    expectRowsClose(exactRows(loans, 2018, 2070), slow, abs);
  });

  it('takes the general path for maturities beyond the inline limit, sculpted loans and far-off start years', () => {
    const years = MAX_FAST_YEARS + 44;
    const loans: PortfolioLoan[] = [
      { amount: 100, rate: 0.02, years, grace: 10, method: 'annuity', disbursement: [0.5, 0.5], startYear: 2000 },
      { amount: 100, rate: 0.02, years, grace: 10, method: 'custom', profile: [{ from: 11, to: years, pct: 100 / (years - 10) }], startYear: 2001 },
      { amount: 50, rate: 0.05, years: 10, grace: 2, method: 'sculpted', cfads: Array<number>(10).fill(20), targetDscr: 1.3, startYear: 2002 },
      { amount: 70, rate: 0.03, years: 12, grace: 2, method: 'linear', startYear: 3e9 },
      { amount: 70, rate: 0.03, years: 12, grace: 2, method: 'linear', startYear: 2003 },
    ];
    for (const [first, last] of [
      [1990, 2400],
      [2005, 2020],
      [2200, 2300],
    ] as const) {
      const slow = reference(loans, first, last);
      exactRows(loans, first, last).forEach((row, i) => {
        for (const f of flowsAndStock) expect(row[f]).toBe(slow[i]?.[f]);
      });
      expectRowsClose(portfolioReflows(loans, { firstYear: first, lastYear: last }), slow, 1e-12);
    }
  });

  it('treats a missing disbursement like [1] and ignores trailing zero shares', () => {
    const base = { amount: 80, rate: 0.04, years: 8, grace: 2, method: 'annuity', frontEndFee: 0.01, commitmentFee: 0.005 } as const;
    const loans: PortfolioLoan[] = [
      { ...base, startYear: 2020 },
      { ...base, disbursement: [1], startYear: 2020 },
      { ...base, disbursement: [1, 0, 0, 0, 0], startYear: 2021 },
      { ...base, disbursement: [0.4, 0.6, 0, 0], startYear: 2021 },
    ];
    expectRowsClose(portfolioReflows(loans, { firstYear: 2019, lastYear: 2031 }), reference(loans, 2019, 2031), 1e-12);
  });

  it('throws invalid-terms exactly when validateLoanTerms objects to a loan, with the same problem list', () => {
    type Mutation = (loan: PortfolioLoan) => PortfolioLoan;
    const set =
      (patch: Record<string, unknown>): Mutation =>
      (loan) => ({ ...loan, ...patch }) as PortfolioLoan;
    const profile =
      (edit: (steps: { from: number; to: number; pct: number }[], loan: PortfolioLoan) => unknown[]): Mutation =>
      (loan) =>
        loan.method === 'custom' && loan.profile ? ({ ...loan, profile: edit(loan.profile.map((st) => ({ ...st })), loan) } as PortfolioLoan) : loan;
    const mutations: Mutation[] = [
      (loan) => loan,
      set({ amount: -1 }),
      set({ amount: Number.NaN }),
      set({ amount: Infinity }),
      set({ amount: '5' }),
      set({ amount: -0 }),
      set({ amount: 0 }),
      set({ rate: -1 }),
      set({ rate: Number.NaN }),
      set({ rate: -0.5 }),
      set({ years: 0 }),
      set({ years: 2.5 }),
      set({ years: '10' }),
      (loan) => ({ ...loan, grace: loan.years }),
      set({ grace: -1 }),
      set({ grace: 0.5 }),
      set({ frontEndFee: -0.01 }),
      set({ frontEndFee: null }),
      set({ frontEndFee: undefined }),
      set({ commitmentFee: Number.NaN }),
      set({ commitmentFee: '0.01' }),
      set({ startYear: 2020.5 }),
      set({ startYear: Number.NaN }),
      set({ startYear: 4e9 }),
      set({ method: 'balloon' }),
      set({ disbursement: [] }),
      set({ disbursement: [0.5] }),
      set({ disbursement: [0.5, 0.6] }),
      set({ disbursement: [-0.1, 1.1] }),
      set({ disbursement: [Number.NaN, 1] }),
      (loan) => ({ ...loan, disbursement: [...Array<number>(loan.grace + 1).fill(0), 1] }),
      (loan) => ({ ...loan, disbursement: [1, ...Array<number>(loan.grace + 3).fill(0)] }),
      set({ capitalize: 'yes' }),
      profile((steps) => steps.slice(1)),
      profile((steps) => [...steps, steps[0]!]),
      profile((steps, loan) => steps.map((st, i) => (i === 0 ? { ...st, from: loan.grace } : st))),
      profile((steps, loan) => [...steps, { from: loan.years + 1, to: loan.years + 1, pct: 0 }]),
      profile((steps) => steps.map((st, i) => (i === 0 ? { ...st, pct: -st.pct } : st))),
      profile((steps) => steps.map((st, i) => (i === 0 ? { ...st, to: st.to + 0.5 } : st))),
      profile((steps) => steps.map((st, i) => (i === steps.length - 1 ? { ...st, pct: st.pct + 0.05 } : st))),
      profile((steps) => steps.map((st, i) => (i === steps.length - 1 ? { ...st, pct: st.pct + 0.2 } : st))),
      profile((steps) => steps.map((st, i) => (i === steps.length - 1 && steps.length > 1 ? { ...st, pct: 0 } : st))),
      profile(() => []),
    ];
    const mutated = fc
      .tuple(loanTerms({ fees: true }), fc.integer({ min: 2000, max: 2030 }), fc.nat({ max: mutations.length - 1 }), fc.boolean())
      .map(([terms, startYear, m, clean]) => (clean ? { ...terms, startYear } : mutations[m]!({ ...terms, startYear })));
    fc.assert(
      fc.property(fc.array(mutated, { maxLength: 6 }), (loans) => {
        const problems = loans.flatMap((loan, i) => [
          ...validateLoanTerms(loan).map((p) => ({ field: `loans[${i}].${p.field}`, message: p.message })),
          ...(Number.isInteger(loan.startYear) ? [] : [{ field: `loans[${i}].startYear`, message: `must be a whole year, got ${loan.startYear}` }]),
        ]);
        const window = { firstYear: 2000, lastYear: 2080 };
        let thrown: unknown;
        try {
          portfolioReflows(loans, window);
        } catch (e) {
          thrown = e;
        }
        if (problems.length > 0) {
          expect(thrown).toBeInstanceOf(FinanceError);
          expect((thrown as FinanceError).code).toBe('invalid-terms');
          expect((thrown as FinanceError).problems).toEqual(problems);
        } else {
          expect(thrown).toBeUndefined();
          const abs = 1e-9 * (1 + loans.reduce((sum, l) => sum + Math.abs(l.amount), 0));
          expectRowsClose(exactRows(loans, 2000, 2080), reference(loans, 2000, 2080), abs);
          expectRowsClose(portfolioReflows(loans, window), reference(loans, 2000, 2080), abs);
        }
      }),
    );
  });
});

describe('portfolioReflows scratch space', () => {
  const loans: PortfolioLoan[] = [
    { amount: 100, rate: 0.1, years: 2, grace: 0, method: 'linear', startYear: 2026, frontEndFee: 0.01 },
    { amount: 60, rate: 0, years: 3, grace: 1, method: 'linear', startYear: 2027 },
    { amount: 500, rate: 0.05, years: 20, grace: 5, method: 'annuity', disbursement: [0.3, 0.3, 0.4], capitalize: true, commitmentFee: 0.005, startYear: 2025 },
  ];
  const window = { firstYear: 2025, lastYear: 2031 };

  it('gives the same answer whatever ran before it (the scratch space is reused)', () => {
    const first = portfolioReflows(loans, window);
    const big = Array.from({ length: 3000 }, (_, i): PortfolioLoan => ({ ...loans[i % 3]!, amount: 1 + i, rate: 0.01 + (i % 50) * 1e-3, startYear: 1990 + (i % 80) }));
    portfolioReflows(big, { firstYear: 1950, lastYear: 2150 });
    expect(errorCode(() => portfolioReflows([...big, { ...loans[0]!, grace: 9 }], window))).toBe('invalid-terms');
    expect(portfolioReflows(loans, window)).toEqual(first);
    expect(exactRows(loans, 2025, 2031)).toEqual(exactRows(loans, 2025, 2031));
  });

  it('rejects bad windows', () => {
    expect(errorCode(() => portfolioReflows(loans, { firstYear: 2030, lastYear: 2029 }))).toBe('invalid-argument');
    expect(errorCode(() => portfolioReflows(loans, { firstYear: 2025.5, lastYear: 2029 }))).toBe('invalid-argument');
  });
});
