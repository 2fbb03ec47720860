import { describe, expect, it } from 'vitest';
import { trancheRemaining, trancheRepaid } from '../../src/model/bank/borrowing.js';
import { projectBank, type BankPolicy } from '../../src/model/bank/project.js';
import { bankRows } from '../../src/model/bank/rows.js';
import { emptyPortfolio } from '../../src/model/portfolio.js';

const years = { start: 2026, end: 2028, count: 3 };

function policy(overrides: Partial<BankPolicy> = {}): BankPolicy {
  return {
    treasuryYield: 0.03,
    borrowing: { enabled: false, firstYear: 2026, rate: 0.065, tenor: 10, method: 'linear', maxGearing: 1 },
    operatingExpenses: { fixed: 100, growth: 0.1, shareOfLoans: 0.01 },
    liquidityMonths: 12,
    ...overrides,
  };
}

/** One loan of 100 disbursed in 2026, interest 7.5 a year, front-end fee 0.25, expected loss 0.1 %. */
function oneLoan() {
  const p = emptyPortfolio(years);
  p.disbursed[0] = 100;
  p.fees[0] = 0.25;
  for (let i = 0; i <= 3; i++) {
    p.loans[i] = 100;
    p.expectedLoss[i] = 0.1;
    p.memberExposure.MLI[i] = 100;
  }
  p.interest[1] = 7.5;
  p.interest[2] = 7.5;
  p.interest[3] = 7.5;
  p.commitments[0] = 100;
  return p;
}

const funding = () => ({
  years,
  openingPaidIn: 1000,
  paidIn: Float64Array.from([0, 50, 0, 0]),
  levy: Float64Array.from([10, 10, 10, 10]),
});

describe('bank projection, one loan, by hand', () => {
  const p = oneLoan();
  const b = projectBank({ ...funding(), portfolio: p }, policy());

  it('year 1 (2026)', () => {
    // treasury 3 % × 1000 = 30; opex 100 + 1 % × 100 = 101; provisions 0.1; fees 0.25
    expect(b.treasuryIncome[0]).toBeCloseTo(30, 12);
    expect(b.operatingExpenses[0]).toBeCloseTo(101, 12);
    expect(b.provisions[0]).toBeCloseTo(0.1, 12);
    expect(b.netIncome[0]).toBeCloseTo(0.25 + 30 - 101 - 0.1, 12); // −70.85
    // The levy is its own line of equity, not paid-in capital.
    expect(b.paidInCapital[0]).toBeCloseTo(1000, 12);
    expect(b.levyContributions[0]).toBeCloseTo(10, 12);
    expect(b.equity[0]).toBeCloseTo(939.15, 10);
    // cash 1000 + 10 levy − 101 opex + 30 − 100 disbursed + 0.25 fee
    expect(b.cash[0]).toBeCloseTo(839.25, 10);
    // next year's net outflows: opex 110 + 1 − interest 7.5
    expect(b.nextNetOutflows[0]).toBeCloseTo(103.5, 10);
    expect(b.buffer[0]).toBeCloseTo(103.5, 10);
  });

  it('year 2 (2027)', () => {
    expect(b.treasuryIncome[1]).toBeCloseTo(0.03 * 839.25, 12); // 25.1775
    expect(b.operatingExpenses[1]).toBeCloseTo(111, 12);
    expect(b.provisions[1]).toBeCloseTo(0, 12);
    expect(b.netIncome[1]).toBeCloseTo(7.5 + 25.1775 - 111, 10); // −78.3225
    expect(b.paidInCapital[1]).toBeCloseTo(1050, 12);
    expect(b.levyContributions[1]).toBeCloseTo(20, 12);
    expect(b.equity[1]).toBeCloseTo(b.paidInCapital[1]! + b.levyContributions[1]! + b.retainedEarnings[1]!, 10);
    expect(b.retainedEarnings[1]).toBeCloseTo(-70.85 - 78.3225, 10);
    expect(b.equity[1]).toBeCloseTo(920.8275, 10);
    expect(b.cash[1]).toBeCloseTo(839.25 + 50 + 10 - 111 + 25.1775 + 7.5, 10); // 820.9275
  });

  it('report rows balance and show the ratios', () => {
    const rows = bankRows(years, p, b, {
      equityToLoansFloor: 0.35,
      paidIn: funding().paidIn,
      levy: funding().levy,
      largestProjectExposure: Float64Array.from([100, 100, 100, 100]),
    });
    const r = rows[1]!;
    expect(r.totalAssets).toBeCloseTo(820.9275 + 100 - 0.1, 10);
    expect(r.totalAssets).toBeCloseTo(r.borrowings + r.equity, 10);
    expect(r.loanLossAllowance).toBeCloseTo(-0.1, 12);
    expect(r.equityToLoans).toBeCloseTo(920.8275 / 100, 10);
    expect(r.headroom).toBeCloseTo(920.8275 / 0.35 - 100, 8);
    expect(r.capitalUtilisation).toBeCloseTo((0.35 * 100) / 920.8275, 12);
    expect(r.largestCountryShare).toBe(1);
    expect(r.largestProjectShare).toBe(1);
    // ROE on average equity: opening 939.15, closing 920.8275
    expect(r.roe).toBeCloseTo(-78.3225 / ((939.15 + 920.8275) / 2), 12);
    expect(r.liquidityMonths).toBeCloseTo(820.9275 / (b.nextNetOutflows[1]! / 12), 10);
  });
});

describe('expected loss in the central case (credit.centralCase: expected-loss)', () => {
  const p = oneLoan();
  const plain = projectBank({ ...funding(), portfolio: p }, policy());
  const b = projectBank({ ...funding(), portfolio: p }, policy({ expectedLossCharge: true }));

  it('year 1: the allowance is built, nothing is lost yet', () => {
    expect(b.creditCharge[0]).toBe(0);
    expect(b.provisions[0]).toBeCloseTo(0.1, 12);
    expect(b.cash[0]).toBeCloseTo(plain.cash[0]!, 10);
  });

  it('year 2: last year-end allowance (PD × LGD × opening exposure = 0.1) is lost in cash and charged to income', () => {
    expect(b.creditCharge[1]).toBeCloseTo(0.1, 12);
    // provisions = Δ allowance (0) + the loss (0.1)
    expect(b.provisions[1]).toBeCloseTo(0.1, 12);
    expect(b.netIncome[1]).toBeCloseTo(plain.netIncome[1]! - 0.1 - 0.03 * 0, 10);
    expect(b.cash[1]).toBeCloseTo(plain.cash[1]! - 0.1, 10);
  });

  it('cumulative credit cost = the sum of the allowances, so positive; without the charge it is the last allowance', () => {
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(b.provisions)).toBeCloseTo(0.3, 12);
    expect(sum(plain.provisions)).toBeCloseTo(0.1, 12);
  });
});

describe('bank borrowing', () => {
  it('linear tranches repay 1/tenor a year', () => {
    const rem = trancheRemaining({ enabled: true, firstYear: 2026, rate: 0.065, tenor: 4, method: 'linear', maxGearing: 1 });
    expect([...rem]).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(trancheRepaid(rem, 1)).toBeCloseTo(0.25, 15);
    expect(trancheRepaid(rem, 5)).toBe(0);
  });

  it('issues just enough to restore the buffer, pays interest on it, repays it', () => {
    const p = oneLoan();
    p.disbursed[1] = 900; // a big draw in 2027 that 2026 cash must cover
    for (let i = 1; i <= 3; i++) p.loans[i] = 1000;
    const pol = policy({ borrowing: { enabled: true, firstYear: 2026, rate: 0.065, tenor: 10, method: 'linear', maxGearing: 1 } });
    const b = projectBank({ ...funding(), portfolio: p }, pol);
    expect(b.borrowingRaised[0]).toBeGreaterThan(0);
    expect(b.cash[0]).toBeCloseTo(b.buffer[0]!, 8);
    expect(b.interestExpense[1]).toBeCloseTo(0.065 * b.borrowings[0]!, 10);
    expect(b.borrowingRepaid[1]).toBeCloseTo(b.borrowingRaised[0]! / 10, 10);
    // equity is unaffected in the year of issue
    const without = projectBank({ ...funding(), portfolio: p }, policy());
    expect(b.equity[0]).toBeCloseTo(without.equity[0]!, 10);
    expect(without.cash[0]).toBeLessThan(without.buffer[0]!);
  });

  it('never borrows beyond the gearing limit', () => {
    const p = oneLoan();
    p.disbursed[1] = 5000;
    const pol = policy({ borrowing: { enabled: true, firstYear: 2026, rate: 0.065, tenor: 10, method: 'bullet', maxGearing: 0.5 } });
    const b = projectBank({ ...funding(), portfolio: p }, pol);
    expect(b.borrowings[0]).toBeCloseTo(0.5 * b.equity[0]!, 8);
    expect(b.cash[0]).toBeLessThan(b.buffer[0]!);
  });

  it('does not borrow before the first year allowed', () => {
    const p = oneLoan();
    p.disbursed[1] = 900;
    const pol = policy({ borrowing: { enabled: true, firstYear: 2027, rate: 0.065, tenor: 10, method: 'linear', maxGearing: 1 } });
    expect(projectBank({ ...funding(), portfolio: p }, pol).borrowingRaised[0]).toBe(0);
  });
});

describe('write-offs flow through provisions', () => {
  it('a write-off is a provision charge and leaves the allowance at its target', () => {
    const p = oneLoan();
    p.writeOffs[2] = 20;
    p.loans[2] = 80;
    p.expectedLoss[2] = 0.08;
    const b = projectBank({ ...funding(), portfolio: p }, policy());
    expect(b.provisions[2]).toBeCloseTo(0.08 - 0.1 + 20, 12);
    expect(b.allowance[2]).toBeCloseTo(0.08, 12);
  });
});
