/**
 * Each named stress moves the right lines of the bank's accounts, in the right
 * direction, by amounts checked by hand from the allocation's own flows. The
 * allocation is the bundled baseline's, held fixed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MemberCode } from '../../src/schema/codes.js';
import type { BankYear, RunResults } from '../../src/model/results.js';
import { REFERENCE_CLASSES } from '../../src/model/appraisal/reference-classes.js';
import { shocksFor } from '../../src/shocks/apply.js';
import { neutralShocks } from '../../src/shocks/shock-set.js';
import { riskSettings } from '../../src/risk/calibration.js';
import { runShocks, stressContext } from '../../src/risk/stress-run.js';
import { bundled, type Fixture } from '../risk/fixture.js';

let f: Fixture;
let base: RunResults;
beforeAll(async () => {
  f = await bundled();
  base = f.run.base;
});

function stressed(names: string[], fixture: Fixture = f): RunResults {
  const settings = riskSettings(fixture.scenario);
  return runShocks(fixture.base, shocksFor(names, stressContext(fixture.base.ctx, fixture.base.commitments, settings)), settings).results;
}

const row = (r: RunResults, year: number): BankYear => r.bank.find((b) => b.year === year)!;
const sum = (r: RunResults, f: (b: BankYear) => number) => r.bank.reduce((a, b) => a + f(b), 0);

/** A member's share of the sovereign loans' flow `field` in calendar year `year`. */
function sovereign(member: MemberCode, year: number, field: 'loanBalance' | 'principal' | 'disbursed' | 'interest'): number {
  let total = 0;
  for (const c of f.base.commitments) {
    if (c.project.instrument !== 'sovereign') continue;
    const share = c.project.countries.find((x) => x.member === member)?.share ?? 0;
    const t = year - c.year;
    const u = c.financing.flows;
    if (share > 0 && t >= 0 && t < u.length) total += share * c.amount * u[field][t]!;
  }
  return total;
}

function expectIdentities(r: RunResults): void {
  for (const c of r.checks) expect(c.ok, `${c.name}: ${c.largestError} in ${c.year}`).toBe(true);
}

describe('no stress', () => {
  it('a neutral shock set reproduces the run bit for bit', () => {
    const r = runShocks(f.base, neutralShocks(f.base.commitments.length, f.base.ctx.years.count)).results;
    expect(r.bank).toEqual(base.bank);
    expect(r.members).toEqual(base.members);
  });

  it('an empty stress list is the plain run', () => {
    expect(stressed([]).bank).toEqual(base.bank);
  });
});

describe('levy shortfall', () => {
  it('−50 % halves levyReceived every year and leaves paid-in capital and lending alone', () => {
    const r = stressed(['levy-shortfall-50']);
    r.bank.forEach((b, i) => {
      expect(b.levyReceived).toBe(base.bank[i]!.levyReceived * 0.5);
      expect(b.paidInReceived).toBe(base.bank[i]!.paidInReceived);
      expect(b.disbursements).toBe(base.bank[i]!.disbursements);
    });
    expect(r.bank.at(-1)!.equity).toBeLessThan(base.bank.at(-1)!.equity);
    expectIdentities(r);
  });

  it('from a year on only', () => {
    const r = stressed(['levy-shortfall-30-2035']);
    expect(row(r, 2034).levyReceived).toBe(row(base, 2034).levyReceived);
    expect(row(r, 2035).levyReceived).toBeCloseTo(0.7 * row(base, 2035).levyReceived, 9);
  });
});

describe('rate shock on the bank’s borrowing', () => {
  it('+200 bp over the horizon: interest expense = (rate + 2 %) × opening borrowings', () => {
    const r = stressed(['rate-shock-200']);
    const rate = f.scenario.funding.borrowing.rate + 0.02;
    for (let i = 1; i < r.bank.length; i++) expect(r.bank[i]!.interestExpense).toBeCloseTo(rate * r.bank[i - 1]!.borrowings, 6);
    expect(sum(r, (b) => b.interestExpense)).toBeGreaterThan(sum(base, (b) => b.interestExpense));
    expectIdentities(r);
  });

  it('+200 bp from 2030: the next year pays 2 % more on the bonds issued in 2030 only', () => {
    const r = stressed(['rate-shock-200-2030']);
    const rate = f.scenario.funding.borrowing.rate;
    // Same to ~1e-12: the stressed run's year loop sums coupons in another order (one last-bit difference).
    for (const y of [2027, 2028, 2029, 2030]) expect(Math.abs(row(r, y).interestExpense - row(base, y).interestExpense)).toBeLessThan(1e-9 * row(base, y).interestExpense + 1e-9);
    const extra = row(r, 2031).interestExpense - rate * row(r, 2030).borrowings;
    expect(extra).toBeCloseTo(0.02 * row(r, 2030).borrowingRaised, 6);
    expect(extra).toBeGreaterThan(0);
  });
});

describe('late capital calls', () => {
  it('every instalment arrives two years later; the total is unchanged', () => {
    const r = stressed(['late-capital-all-2y']);
    expect(row(r, 2026).paidInReceived + row(r, 2027).paidInReceived).toBeLessThan(row(base, 2026).paidInReceived + row(base, 2027).paidInReceived);
    for (let y = 2028; y <= 2035; y++) expect(row(r, y).paidInReceived, String(y)).toBe(row(base, y - 2).paidInReceived);
    expect(sum(r, (b) => b.paidInReceived) + r.bank[0]!.paidInCapital - r.bank[0]!.paidInReceived).toBeCloseTo(
      sum(base, (b) => b.paidInReceived) + base.bank[0]!.paidInCapital - base.bank[0]!.paidInReceived,
      6,
    );
    expectIdentities(r);
  });
});

describe('cost overruns and delays', () => {
  it('P80: the bank disburses Σ amount × (min(cap, cash-flow room, P80) − 1) more', () => {
    const r = stressed(['overruns-p80']);
    const cap = riskSettings(f.scenario).overruns.financingCap;
    let extra = 0;
    for (const c of f.base.commitments) {
      const room = Math.max(1, c.financing.capacity / c.amount);
      extra += c.amount * (Math.min(cap, room, REFERENCE_CLASSES[c.project.sector].p80) - 1);
    }
    expect(extra).toBeGreaterThan(0);
    expect(sum(r, (b) => b.disbursements) - sum(base, (b) => b.disbursements)).toBeCloseTo(extra, 3);
    // The rail class (P80 1.57) is capped at +50 %.
    const rail = f.base.commitments.find((c) => c.project.sector === 'rail' && c.project.instrument === 'sovereign')!;
    expect(rail).toBeDefined();
    expect(Math.min(cap, REFERENCE_CLASSES.rail.p80)).toBe(1.5);
    expect(Math.max(...r.bank.map((b) => b.loansOutstanding))).toBeGreaterThan(Math.max(...base.bank.map((b) => b.loansOutstanding)));
    expectIdentities(r);
  });

  it('2-year delays: the same amounts are disbursed, later', () => {
    const r = stressed(['delays-2y']);
    expect(sum(r, (b) => b.disbursements)).toBeCloseTo(sum(base, (b) => b.disbursements), 3);
    const until = (x: RunResults, y: number) => x.bank.filter((b) => b.year <= y).reduce((a, b) => a + b.disbursements, 0);
    expect(until(r, 2029)).toBeLessThan(until(base, 2029));
    // Repayments start later too.
    expect(until(r, 2055) - until(base, 2055)).toBeCloseTo(0, 3);
    expect(r.bank.filter((b) => b.year <= 2035).reduce((a, b) => a + b.principalRepaid, 0)).toBeLessThan(base.bank.filter((b) => b.year <= 2035).reduce((a, b) => a + b.principalRepaid, 0));
    expectIdentities(r);
  });
});

describe('member default', () => {
  it('Niger in arrears 2030–2032, 90 % recovered: the exposure at default is non-performing, 10 % written off in 2033, the rest repaid over 10 years', () => {
    const r = stressed(['default-NER-2030-3y-r90']);
    const ead = sovereign('NER', 2029, 'loanBalance');
    expect(ead).toBeGreaterThan(0);
    for (const y of [2030, 2031, 2032]) {
      const b = row(r, y);
      expect(b.nplRatio * b.loansOutstanding, String(y)).toBeCloseTo(ead, 4);
      expect(b.writeOffs).toBe(0);
    }
    expect(row(r, 2033).writeOffs).toBeCloseTo(0.1 * ead, 4);
    expect(sum(r, (b) => b.writeOffs)).toBeCloseTo(0.1 * ead, 4);
    // Niger draws nothing more and pays nothing until the settlement; then 9 % of the exposure a year.
    expect(row(base, 2030).disbursements - row(r, 2030).disbursements).toBeCloseTo(sovereign('NER', 2030, 'disbursed'), 4);
    expect(row(base, 2031).principalRepaid - row(r, 2031).principalRepaid).toBeCloseTo(sovereign('NER', 2031, 'principal'), 4);
    expect(row(r, 2034).principalRepaid - (row(base, 2034).principalRepaid - sovereign('NER', 2034, 'principal'))).toBeCloseTo((0.9 * ead) / 10, 4);
    // Provisions jump in the year of default (LGD × exposure against the 1 % × 10 % allowance).
    expect(row(r, 2030).provisions).toBeGreaterThan(row(base, 2030).provisions);
    expectIdentities(r);
  });

  it('without a recovery rate, the scenario’s sovereign LGD applies', () => {
    const r = stressed(['default-MLI-2031-2y']);
    expect(row(r, 2033).writeOffs).toBeCloseTo(f.scenario.credit.lgd.sovereign * sovereign('MLI', 2030, 'loanBalance'), 4);
  });

  it('joint default: 40 % of every member’s exposure is written off after the arrears', () => {
    const r = stressed(['joint-default-2032-3y-r60']);
    const ead = (['MLI', 'BFA', 'NER'] as const).reduce((a, m) => a + sovereign(m, 2031, 'loanBalance'), 0);
    expect(row(r, 2035).writeOffs).toBeCloseTo(0.4 * ead, 3);
    expect(Math.min(...r.bank.map((b) => b.equityToLoans ?? Infinity))).toBeLessThan(Math.min(...base.bank.map((b) => b.equityToLoans ?? Infinity)));
    expectIdentities(r);
  });
});

describe('loss of preferred-creditor treatment', () => {
  it('the allowance uses PD × LGD without PCS on every instrument', () => {
    const r = stressed(['pcs-loss']);
    const c = f.scenario.credit;
    for (const y of [2030, 2035]) {
      let expected = 0;
      for (const k of f.base.commitments) {
        const t = y - k.year;
        const u = k.financing.flows;
        if (t < 0 || t >= u.length) continue;
        const rate = c.pdWithoutPcs[k.project.instrument] * c.lgdWithoutPcs[k.project.instrument];
        expected += rate * k.amount * (u.loanBalance[t]! + u.equityHeld[t]!);
      }
      expect(-row(r, y).loanLossAllowance).toBeCloseTo(expected, 4);
      expect(-row(r, y).loanLossAllowance).toBeGreaterThan(-row(base, y).loanLossAllowance);
    }
    expectIdentities(r);
  });
});

describe('peg exit', () => {
  it('a 30 % devaluation in 2030 costs (1/0.7 − 1) × the EUR share of the opening borrowings', async () => {
    const g = await bundled('stress-peg-exit');
    const r = stressed(g.scenario.stresses ?? [], g);
    const opening = row(r, 2029).borrowings;
    expect(opening).toBeGreaterThan(0);
    expect(row(r, 2030).fxLoss).toBeCloseTo(0.5 * (1 / 0.7 - 1) * opening, 6);
    expect(row(r, 2029).fxLoss).toBe(0);
    // The same allocation without the stress: identical until the exit.
    expect(row(g.run.base, 2029)).toEqual({ ...row(r, 2029), fxLoss: undefined });
    expect(row(r, 2030).netIncome).toBeLessThan(row(g.run.base, 2030).netIncome - 0.9 * (row(r, 2030).fxLoss ?? 0));
    expectIdentities(r);
    // A plain run never carries the field.
    expect(base.bank.some((b) => 'fxLoss' in b)).toBe(false);
  });
});

describe('combined', () => {
  it('every shipped stress scenario runs through `runModel` with its identities holding', async () => {
    for (const name of ['stress-rates', 'stress-levy', 'stress-overruns', 'stress-default-one', 'stress-joint-default', 'stress-pcs-loss', 'stress-combined', 'stress-late-capital']) {
      const g = await bundled(name);
      expect(g.run.results.allocation, name).toEqual(base.allocation);
      expectIdentities(g.run.results);
      expect(g.run.results.bank, name).not.toEqual(base.bank);
    }
  });
});
