/** Random but valid loan terms for property tests. */
import fc from 'fast-check';
import { endOfGraceBalance, sculptedDebtCapacity, type LoanTerms, type RepaymentMethod } from '../../src/finance/index.js';

// Zero exactly, or at least 1 bp: the tests' textbook closed forms lose all
// digits at rates like 1e-16, where 1 − (1+r)^−n cancels.
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-4, max: 0.15, noNaN: true }));
const share = fc.double({ min: 0.01, max: 1, noNaN: true });

/** Weights normalised to sum to `total`. */
function normalise(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * total);
}

export interface LoanOptions {
  /** Draw fees too (off when a test needs the no-fee PV identity). */
  readonly fees?: boolean;
}

export function loanTerms(options: LoanOptions = {}): fc.Arbitrary<LoanTerms> {
  return fc
    .record({
      years: fc.integer({ min: 1, max: 40 }),
      graceShare: fc.double({ min: 0, max: 0.99, noNaN: true }),
      method: fc.constantFrom<RepaymentMethod>('annuity', 'linear', 'bullet', 'custom', 'sculpted'),
      amount: fc.double({ min: 1, max: 5000, noNaN: true }),
      rate,
      capitalize: fc.boolean(),
      drawWeights: fc.array(share, { minLength: 1, maxLength: 6 }),
      stepWeights: fc.array(share, { minLength: 40, maxLength: 40 }),
      cfads: fc.array(fc.double({ min: 1, max: 500, noNaN: true }), { minLength: 40, maxLength: 40 }),
      dscr: fc.double({ min: 1, max: 2.5, noNaN: true }),
      sizing: fc.double({ min: 0.1, max: 1, noNaN: true }),
      frontEndFee: fc.double({ min: 0, max: 0.02, noNaN: true }),
      commitmentFee: fc.double({ min: 0, max: 0.01, noNaN: true }),
    })
    .map((r): LoanTerms => {
      const grace = Math.floor(r.graceShare * r.years);
      const draws = normalise(r.drawWeights.slice(0, grace + 1), 1);
      const base: LoanTerms = {
        amount: r.amount,
        rate: r.rate,
        years: r.years,
        grace,
        method: r.method,
        disbursement: draws,
        capitalize: r.capitalize,
        ...(options.fees ? { frontEndFee: r.frontEndFee, commitmentFee: r.commitmentFee } : {}),
      };
      if (r.method === 'custom') {
        const years = r.years - grace;
        const pcts = normalise(r.stepWeights.slice(0, years), 100);
        return { ...base, profile: pcts.map((pct, i) => ({ from: grace + 1 + i, to: grace + 1 + i, pct })) };
      }
      if (r.method === 'sculpted') {
        const cfads = r.cfads.slice(0, r.years);
        const capacity = sculptedDebtCapacity(cfads, r.rate, r.dscr, grace);
        // Scale the commitment so the end-of-grace balance is `sizing` × capacity.
        const growth = endOfGraceBalance({ ...base, amount: 1 });
        return { ...base, cfads, targetDscr: r.dscr, amount: (r.sizing * capacity) / growth };
      }
      return base;
    });
}
