import { describe, expect, it } from 'vitest';
import { CONCESSIONAL_THRESHOLD, grantElement, type LoanTerms } from '../../src/finance/index.js';
import { hurdleRate, instrumentTerms, pricingRows, rateForGrantElement, withLoanConcessionality } from '../../src/model/pricing/index.js';
import { projectFinancing } from '../../src/model/repayment/unit-flows.js';
import { project, scenario } from './fixtures.js';

describe('rate for a target grant element', () => {
  it('gives a 35 % grant element within 1e-6, with the same maturity, grace and fees', () => {
    for (const terms of [
      instrumentTerms(scenario(), 'sovereign'),
      instrumentTerms(scenario(), 'non-sovereign'),
      { amount: 1, rate: 0.015, years: 25, grace: 5, method: 'linear' } satisfies LoanTerms,
      { amount: 1, rate: 0.065, years: 7, grace: 6, method: 'bullet' } satisfies LoanTerms,
    ]) {
      const r = rateForGrantElement(terms, CONCESSIONAL_THRESHOLD, 0.05)!;
      expect(Math.abs(grantElement({ ...terms, rate: r }).grantElement - 0.35)).toBeLessThan(1e-6);
    }
  });

  it('brackets a published vector: IDA Blend 25y/5g is 35.8 % at 1.50 %, so 35 % needs a little more', () => {
    const terms: LoanTerms = { amount: 1, rate: 0.015, years: 25, grace: 5, method: 'linear' };
    expect(grantElement(terms).grantElement).toBeCloseTo(0.358, 3);
    const r = rateForGrantElement(terms, 0.35, 0.05)!;
    expect(r).toBeGreaterThan(0.015);
    expect(r).toBeLessThan(0.0218); // 28.9 % at 2.18 %
  });

  it('a 7-year bullet needs a negative rate to be concessional (29.9 % at 0 %)', () => {
    const terms: LoanTerms = { amount: 1, rate: 0, years: 7, grace: 6, method: 'bullet' };
    expect(grantElement(terms).grantElement).toBeCloseTo(1 - 1.05 ** -7, 12);
    expect(rateForGrantElement(terms, 0.35, 0.05)!).toBeLessThan(0);
  });
});

describe('results.pricing', () => {
  const s = scenario();
  const [sov, priv] = pricingRows(s);

  it('prices the baseline sovereign loan at 7.5 %: non-concessional, grant element −23.1 % drawn at signing', () => {
    expect(sov!.instrument).toBe('sovereign');
    expect(sov!.rate).toBeCloseTo(0.075, 12);
    expect(sov!.grantElement).toBeCloseTo(grantElement(instrumentTerms(s, 'sovereign')).grantElement, 14);
    // By hand (Python, annual rows): 0.25 % fee at signing, interest 7.5 % on the balance, 1/15 a year from year 6.
    expect(sov!.grantElement).toBeCloseTo(-0.23140887760302764, 12);
    expect(sov!.concessional).toBe(false);
    expect(sov!.rateForConcessional!).toBeLessThan(0.02);
    expect(priv!.instrument).toBe('non-sovereign');
  });

  it('break-even rate: the hurdle (1 − e) cost of funds + e cost of equity + PD × LGD + operating cost, fees netted', () => {
    // 0.65 × 6.5 % + 0.35 × 10 % + 1 % × 10 % + 0.5 % = 8.325 %; without PCS 5 % × 40 % → 10.225 %.
    expect(hurdleRate(s, 'sovereign', true)).toBeCloseTo(0.08325, 12);
    expect(hurdleRate(s, 'sovereign', false)).toBeCloseTo(0.10225, 12);
    // Fees lower the rate needed, a little.
    expect(sov!.breakEvenRate!).toBeLessThan(0.08325);
    expect(sov!.breakEvenRate!).toBeGreaterThan(0.08);
    expect(sov!.breakEvenRateWithoutPcs!).toBeGreaterThan(sov!.breakEvenRate!);
    // Without fees a loan at the hurdle rate returns exactly the hurdle: break-even = hurdle.
    const noFees = scenario({ lending: { sovereign: { frontEndFee: 0, commitmentFee: 0 } } });
    expect(pricingRows(noFees)[0]!.breakEvenRate!).toBeCloseTo(0.08325, 9);
  });
});

describe('funded loans', () => {
  it('get their own grant element and a concessional flag; others null', () => {
    const s = scenario();
    const p = project({ id: 'S', constructionYears: 3 });
    const q = project({ id: 'E', instrument: 'equity' });
    const c = { project: p, financing: projectFinancing(p, s), year: 2026, amount: 10_000 };
    const base = { name: '', countries: [], sector: 'roads' as const, score: 0, financialEconomicIndex: 0, socialIntegrationIndex: 0, npv: 0, cost: 0, requested: 0, upliftedRequest: 0, commitmentYear: null, reason: null, bindingLimit: null, shortfall: null, reasonYear: null };
    const rows = withLoanConcessionality(
      [
        { ...base, projectId: 'S', instrument: 'sovereign', approved: 10_000, funded: true },
        { ...base, projectId: 'E', instrument: 'equity', approved: 0, funded: false },
      ],
      [c, { project: q, financing: projectFinancing(q, s), year: 2027, amount: 5_000 }],
    );
    expect(rows[0]!.grantElement).toBeCloseTo(grantElement({ ...c.financing.loan!.unit, amount: 10_000 }).grantElement, 14);
    expect(rows[0]!.concessional).toBe(false);
    expect(rows[1]!.grantElement).toBeNull();
    expect(rows[1]!.concessional).toBeNull();
  });
});

describe('cost of concessional terms', () => {
  it('is the rate gap times the sovereign loans outstanding at the start of each year', async () => {
    const { concessionalCostByYear } = await import('../../src/model/pricing/index.js');
    const pricing = pricingRows(scenario());
    const row = (member: 'MLI' | 'BFA', year: number, outstanding: number) => ({ member, year, outstanding }) as never;
    const cost = concessionalCostByYear(pricing, [row('MLI', 2026, 100), row('BFA', 2026, 50), row('MLI', 2027, 200), row('BFA', 2027, 0), row('MLI', 2028, 0), row('BFA', 2028, 0)]);
    const gap = pricing[0]!.rate - pricing[0]!.rateForConcessional!;
    expect(cost.map((c) => c.year)).toEqual([2027, 2028]);
    expect(cost[0]!.cost).toBeCloseTo(gap * 150, 12);
    expect(cost[1]!.cost).toBeCloseTo(gap * 200, 12);
  });
});
