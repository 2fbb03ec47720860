import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage, dscr, llcr, loanSchedule, sculptedDebtCapacity, type LoanTerms } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';

// docs/domain-facts.md §7: CFADS 12 → 16.5 (+0.5/yr) over 10 years, r = 6%, DSCR 1.30
// → debt 79.325. mpmath (30 digits): Σ (12 + 0.5(t−1)) / 1.3 / 1.06^t = 79.324773309619737723.
const cfads = Array.from({ length: 10 }, (_, i) => 12 + 0.5 * i);
const capacity = 79.324773309619737723;

describe('sculptedDebtCapacity', () => {
  it('reproduces the docs/domain-facts.md test vector', () => {
    expectClose(sculptedDebtCapacity(cfads, 0.06, 1.3), capacity, 1e-12);
    expect(sculptedDebtCapacity(cfads, 0.06, 1.3).toFixed(3)).toBe('79.325');
  });
  it('with grace, discounts repayment-year CFADS to the end of grace', () => {
    // Years 3..10 discounted 1..8 years: CFADS of years 1–2 do not count.
    const expected = cfads.slice(2).reduce((s, c, i) => s + c / 1.3 / 1.06 ** (i + 1), 0);
    expectClose(sculptedDebtCapacity(cfads, 0.06, 1.3, 2), expected, 1e-12);
  });
  it('rejects a non-positive DSCR or a grace covering every year', () => {
    expect(errorCode(() => sculptedDebtCapacity(cfads, 0.06, 0))).toBe('invalid-argument');
    expect(errorCode(() => sculptedDebtCapacity(cfads, 0.06, 1.3, 10))).toBe('invalid-argument');
  });
});

describe('sculpted schedule and coverage', () => {
  const terms: LoanTerms = { amount: capacity, rate: 0.06, years: 10, grace: 0, method: 'sculpted', cfads, targetDscr: 1.3 };

  it('pays CFADS/1.30 each year and repays the sized debt exactly', () => {
    const s = loanSchedule(terms);
    s.rows.slice(1).forEach((row) => expectClose(row.debtService, (cfads[row.year - 1] ?? NaN) / 1.3, 1e-12));
    expectClose(s.totals.principal, capacity, 1e-12);
    expect(s.rows[10]?.closing).toBe(0);
  });

  it('holds DSCR and LLCR at 1.30 every year', () => {
    const c = coverage(loanSchedule(terms), cfads);
    expect(c.rows).toHaveLength(10);
    for (const row of c.rows) {
      expectClose(row.dscr ?? NaN, 1.3, 1e-12);
      expectClose(row.llcr ?? NaN, 1.3, 1e-12);
    }
    expectClose(c.minDscr ?? NaN, 1.3, 1e-12);
    expectClose(c.llcrAtStart ?? NaN, 1.3, 1e-12);
  });

  it('a smaller loan keeps the CFADS shape and beats the target', () => {
    const c = coverage(loanSchedule({ ...terms, amount: capacity / 2 }), cfads);
    for (const row of c.rows) expectClose(row.dscr ?? NaN, 2.6, 1e-12);
  });

  it('refuses a loan larger than CFADS can carry at the target DSCR', () => {
    expect(errorCode(() => loanSchedule({ ...terms, amount: capacity * 1.001 }))).toBe('invalid-terms');
  });

  it('sizes a loan with capitalised grace interest so the end-of-grace balance is the capacity', () => {
    const cap = sculptedDebtCapacity(cfads, 0.06, 1.3, 2);
    const s = loanSchedule({ ...terms, grace: 2, capitalize: true, amount: cap / 1.06 ** 2 });
    expectClose(s.rows[2]?.closing ?? NaN, cap, 1e-12);
    s.rows.slice(3).forEach((row) => expectClose(row.debtService, (cfads[row.year - 1] ?? NaN) / 1.3, 1e-12));
  });

  it('DSCR = LLCR = target for any CFADS when sized at capacity with no grace', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (flows, rate, target) => {
          const amount = sculptedDebtCapacity(flows, rate, target);
          const c = coverage(loanSchedule({ amount, rate, years: flows.length, grace: 0, method: 'sculpted', cfads: flows, targetDscr: target }), flows);
          for (const row of c.rows) {
            expectClose(row.dscr ?? NaN, target, 1e-9);
            expectClose(row.llcr ?? NaN, target, 1e-9);
          }
        },
      ),
    );
  });
});

describe('dscr and llcr primitives', () => {
  it('divide, and give null when there is nothing to cover', () => {
    expect(dscr(13, 10)).toBe(1.3);
    expect(dscr(13, 0)).toBeNull();
    expect(llcr([110, 121], 0.1, 100)).toBeCloseTo(2, 14);
    expect(llcr([110], 0.1, 0)).toBeNull();
  });
  it('coverage needs one CFADS per loan year', () => {
    expect(errorCode(() => coverage(loanSchedule({ amount: 10, rate: 0.05, years: 3, grace: 0, method: 'linear' }), [1, 2]))).toBe(
      'invalid-argument',
    );
  });
  it('counts grace-year interest as debt service', () => {
    const s = loanSchedule({ amount: 100, rate: 0.1, years: 3, grace: 1, method: 'bullet' });
    const c = coverage(s, [20, 20, 220]);
    expect(c.rows.map((r) => r.dscr)).toEqual([2, 2, 2]);
  });
});
