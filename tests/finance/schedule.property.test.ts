import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loanSchedule } from '../../src/finance/index.js';
import { expectClose } from './close.js';
import { loanTerms } from './loan-arbitraries.js';

const pvAt = (rate: number, xs: readonly number[]): number => xs.reduce((s, x, t) => s + x / (1 + rate) ** t, 0);

describe('loan schedule invariants (random terms)', () => {
  it('repays exactly what was drawn plus capitalised interest, and ends at zero', () => {
    fc.assert(
      fc.property(loanTerms({ fees: true }), (terms) => {
        const s = loanSchedule(terms);
        const tol = 1e-9 * terms.amount;
        expectClose(s.totals.principal, s.totals.disbursed + s.totals.capitalized, 1e-9, tol);
        expectClose(s.totals.disbursed, terms.amount, 1e-9);
        expectClose(s.rows[terms.years]?.closing ?? NaN, 0, 0, tol);
        s.rows.forEach((row, t) => {
          expectClose(row.opening, t === 0 ? 0 : (s.rows[t - 1]?.closing ?? NaN), 0, 0);
          expectClose(row.closing, row.opening + row.disbursed + row.capitalized - row.principal, 1e-12, tol);
          expectClose(row.debtService, row.interest - row.capitalized + row.fees + row.principal, 1e-12, tol);
          if (t > 0) expectClose(row.interest, terms.rate * row.opening, 1e-12, tol);
          if (t <= terms.grace) expectClose(row.principal, 0, 0, 0);
        });
      }),
    );
  });

  it('PV identity: at the loan rate, debt service net of fees is worth the disbursements', () => {
    fc.assert(
      fc.property(loanTerms({ fees: true }), (terms) => {
        const s = loanSchedule(terms);
        const service = pvAt(terms.rate, s.rows.map((r) => r.debtService - r.fees));
        const drawn = pvAt(terms.rate, s.rows.map((r) => r.disbursed));
        expectClose(service, drawn, 1e-9, 1e-9 * terms.amount);
      }),
    );
  });

  it('annuity: every repayment year pays the closed-form level amount on the end-of-grace balance', () => {
    fc.assert(
      fc.property(
        loanTerms().filter((t) => t.method === 'annuity'),
        (terms) => {
          const s = loanSchedule(terms);
          const base = s.rows[terms.grace]?.closing ?? NaN;
          const n = terms.years - terms.grace;
          const level = terms.rate === 0 ? base / n : (base * terms.rate) / (1 - (1 + terms.rate) ** -n);
          for (const row of s.rows.slice(terms.grace + 1)) expectClose(row.debtService, level, 1e-9, 1e-9 * terms.amount);
        },
      ),
    );
  });

  it('linear: equal principal instalments', () => {
    fc.assert(
      fc.property(
        loanTerms().filter((t) => t.method === 'linear'),
        (terms) => {
          const s = loanSchedule(terms);
          const instalment = (s.rows[terms.grace]?.closing ?? NaN) / (terms.years - terms.grace);
          for (const row of s.rows.slice(terms.grace + 1)) expectClose(row.principal, instalment, 1e-9, 1e-9 * terms.amount);
        },
      ),
    );
  });

  it('sculpted: debt service is a fixed fraction of CFADS, at most 1/DSCR', () => {
    fc.assert(
      fc.property(
        loanTerms().filter((t) => t.method === 'sculpted'),
        (terms) => {
          const s = loanSchedule(terms);
          const cfads = terms.cfads ?? [];
          const ratios = s.rows.slice(terms.grace + 1).map((row) => row.debtService / (cfads[row.year - 1] ?? NaN));
          const first = ratios[0] ?? NaN;
          for (const r of ratios) expectClose(r, first, 1e-9);
          if (!(first <= (1 / (terms.targetDscr ?? NaN)) * (1 + 1e-9))) throw new Error(`DSCR below target: ${1 / first}`);
        },
      ),
    );
  });
});
