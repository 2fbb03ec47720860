import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONCESSIONAL_THRESHOLD, grantElement, loanSchedule, type LoanTerms } from '../../src/finance/index.js';
import { errorCode, expectClose } from './close.js';
import { loanTerms } from './loan-arbitraries.js';

const amount = 100;
const custom = (years: number, grace: number, rate: number, pct: number): LoanTerms => ({
  amount,
  rate,
  years,
  grace,
  method: 'custom',
  profile: [{ from: grace + 1, to: years, pct }],
});
const linear = (years: number, grace: number, rate: number): LoanTerms => ({ amount, rate, years, grace, method: 'linear' });

// docs/domain-facts.md §4 test vectors (5% discount, full disbursement at t0, annual
// payments in arrears), published rounded to 0.1 point (AfDB to 1 point).
// IDA windows repay fixed percentages (custom profile); ADF, AfDB and the
// generic 20y/5g loans repay equal principal (linear).
const vectors: readonly [string, LoanTerms, number, number][] = [
  ['IDA21 Regular 31y/6g 0.75%', custom(31, 6, 0.0075, 4), 49.2, 0.05],
  ['IDA21 Regular 31y/6g 1.35%', custom(31, 6, 0.0135, 4), 42.3, 0.05],
  ['IDA21 40-yr credit 0%, 3.45%/yr', custom(40, 11, 0, 3.45), 69.5, 0.05],
  ['IDA21 Blend 25y/5g 1.50%', custom(25, 5, 0.015, 5), 35.8, 0.05],
  ['IDA21 Blend 25y/5g 2.18%', custom(25, 5, 0.0218, 5), 28.9, 0.05],
  ['ADF Regular 40y/10g 0.75%', linear(40, 10, 0.0075), 58.3, 0.05],
  ['ADF Advance 40y/5g 0.75%', linear(40, 5, 0.0075), 53.8, 0.05],
  ['ADF Blend 30y/5g 1.75%', linear(30, 5, 0.0175), 36.3, 0.05],
  ['AfDB sovereign 25y/8g 6%', linear(25, 8, 0.06), -11, 0.5],
  ['20y/5g 3%', linear(20, 5, 0.03), 18.3, 0.05],
  ['20y/5g 4%', linear(20, 5, 0.04), 9.2, 0.05],
  ['7-yr bullet 6.5%', { amount, rate: 0.065, years: 7, grace: 0, method: 'bullet' }, -8.7, 0.05],
];

describe('grant element', () => {
  it.each(vectors)('%s → %f%%', (_, terms, expectedPct, rounding) => {
    const ge = grantElement(terms);
    expect(Math.abs(100 * ge.grantElement - expectedPct)).toBeLessThanOrEqual(rounding);
    expect(ge.concessional).toBe(ge.grantElement >= 0.35);
  });

  it('classes the vectors as the IMF 35% threshold says', () => {
    const concessional = vectors.filter(([, terms]) => grantElement(terms).concessional).map(([name]) => name);
    expect(concessional).toEqual([
      'IDA21 Regular 31y/6g 0.75%',
      'IDA21 Regular 31y/6g 1.35%',
      'IDA21 40-yr credit 0%, 3.45%/yr',
      'IDA21 Blend 25y/5g 1.50%',
      'ADF Regular 40y/10g 0.75%',
      'ADF Advance 40y/5g 0.75%',
      'ADF Blend 30y/5g 1.75%',
    ]);
    expect(CONCESSIONAL_THRESHOLD).toBe(0.35);
  });

  it('is zero for a loan at exactly the discount rate, whatever the profile', () => {
    fc.assert(
      // Sculpted terms are sized at their own rate, so changing it would break the sizing.
      fc.property(loanTerms().filter((t) => t.method !== 'sculpted'), (terms) => {
        expectClose(grantElement({ ...terms, rate: 0.05 }).grantElement, 0, 0, 1e-9);
      }),
    );
  });

  it('a front-end fee on a loan drawn at signing costs exactly its rate in grant element', () => {
    const base = linear(20, 5, 0.03);
    const withFee = { ...base, frontEndFee: 0.0025 };
    expectClose(grantElement(base).grantElement - grantElement(withFee).grantElement, 0.0025, 1e-9);
  });

  it('a 100% grant-like loan (0%, one payment far away) approaches 1', () => {
    // Repaid once in year 40 at 0%: GE = 1 − 1.05^−40 = 0.857954…
    expectClose(grantElement({ amount, rate: 0, years: 40, grace: 39, method: 'bullet' }).grantElement, 1 - 1.05 ** -40, 1e-12);
  });

  it('discounts later draws too, and accepts a schedule or another discount rate', () => {
    const terms: LoanTerms = { ...linear(10, 2, 0), disbursement: [0.5, 0.5] };
    const ge = grantElement(loanSchedule(terms), 0.1);
    expectClose(ge.pvDisbursed, 50 + 50 / 1.1, 1e-12);
    expect(ge.discountRate).toBe(0.1);
    expectClose(ge.grantElement, grantElement(terms, 0.1).grantElement, 1e-15);
  });

  it('rejects a loan that disburses nothing', () => {
    expect(errorCode(() => grantElement({ ...linear(10, 2, 0), amount: 0 }))).toBe('invalid-argument');
  });
});
