/**
 * The maturity-gap table: the contractual profiles add up to the balance sheet
 * without any scaling in the plain run; every line's buckets sum to its total,
 * stressed or not; a tranche falls due as its repayment schedule says (by hand).
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, maturityGap, maturityProfile } from '../../src/model/maturity-gap.js';
import { riskSettings } from '../../src/risk/calibration.js';
import { runShocks, stressContext } from '../../src/risk/stress-run.js';
import { shocksFor } from '../../src/shocks/apply.js';
import { buildTables } from '../../src/report/tables.js';
import { createLocale } from '../../src/report/locale.js';
import type { RunResults } from '../../src/model/results.js';
import { bundled } from './fixture.js';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0);
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(b)));

function expectSums(r: RunResults): void {
  expect(r.maturityGap).toHaveLength(r.bank.length);
  r.maturityGap!.forEach((y, i) => {
    const b = r.bank[i]!;
    expect(y.year).toBe(b.year);
    near(sum(y.cash), b.cash);
    near(sum(y.loans), b.loansOutstanding);
    near(sum(y.equityInvestments), b.equityInvestments);
    near(sum(y.allowance), b.loanLossAllowance);
    near(sum(y.assets), b.totalAssets);
    near(sum(y.liabilities), b.borrowings);
    for (const line of [y.cash, y.loans, y.equityInvestments, y.assets, y.liabilities]) expect(line).toHaveLength(5);
  });
}

describe('buckets', () => {
  it('next year is under 1, then 1–3, 3–5, 5–10 and over 10', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 11, 30].map(bucketOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('a 10-year linear bond falls due a tenth a year (by hand)', () => {
    const borrowing = { enabled: true, firstYear: 2026, rate: 0.065, tenor: 10, method: 'linear', maxGearing: 2 } as const;
    const years = { start: 2026, end: 2040, count: 15 };
    const raised = [100, ...Array<number>(14).fill(0)];
    const p = maturityProfile([], years as never, raised, borrowing as never);
    // End of 2026: 10 due in each of 2027 … 2036.
    expect(Array.from(p.bonds[0]!).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([10, 20, 20, 50, 0]);
    // End of 2031 (5 repaid): 50 left, due 2032 … 2036.
    expect(Array.from(p.bonds[5]!).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([10, 20, 20, 0, 0]);
  });
});

describe('the bundled baseline', () => {
  it('the contractual profiles are the balance sheet, unscaled', async () => {
    const f = await bundled();
    const r = f.run.results;
    const p = maturityProfile(f.base.commitments, f.base.ctx.years, r.bank.map((b) => b.borrowingRaised), f.scenario.funding.borrowing);
    r.bank.forEach((b, i) => {
      near(sum(p.loans[i]!), b.loansOutstanding);
      near(sum(p.equity[i]!), b.equityInvestments);
      near(sum(p.bonds[i]!), b.borrowings);
    });
    expectSums(r);
    // 10-year bonds against 20-year loans: the loans fall due later than the bonds.
    const y = r.maturityGap!.find((x) => x.year === 2035)!;
    expect(y.loans[4]! / sum(y.loans)).toBeGreaterThan(y.liabilities[4]! / Math.max(1, sum(y.liabilities)));
  });

  it('a stressed run (default, peg exit) still adds up to its balance sheet', async () => {
    const f = await bundled('stress-peg-exit');
    const settings = riskSettings(f.scenario);
    const names = ['default-NER-2030-3y', 'peg-exit-30-2030', 'overruns-p80'];
    const r = runShocks(f.base, shocksFor(names, stressContext(f.base.ctx, f.base.commitments, settings)), settings).results;
    expectSums(r);
    expect(maturityGap(f.base.commitments, f.base.ctx.years, r.bank, f.scenario.funding.borrowing)).toHaveLength(r.bank.length);
  });

  it('is the maturity-gap table: eight lines a year, totals the buckets’ sum', async () => {
    const f = await bundled();
    const t = buildTables(f.run.results, createLocale('en')).find((x) => x.id === 'maturity-gap')!;
    expect(t.rows).toHaveLength(8 * f.run.results.bank.length);
    for (const row of t.rows.filter((r) => r[1] !== 'Cumulative gap')) near(row[7] as number, sum(row.slice(2, 7) as number[]));
    const assets2030 = t.rows.find((r) => r[0] === 2030 && r[1] === 'Total assets')!;
    near(assets2030[7] as number, f.run.results.bank.find((b) => b.year === 2030)!.totalAssets / 1000);
  });
});
