import { describe, expect, it } from 'vitest';
import { grantElement, loanSchedule, sculptedDebtCapacity } from '../../src/finance/index.js';
import { bankShareOfFinancing, loanTermsFor, projectCfads } from '../../src/model/repayment/terms.js';
import { equityUnitFlows, projectFinancing } from '../../src/model/repayment/unit-flows.js';
import { project, scenario } from './fixtures.js';

describe('loan terms from the scenario', () => {
  const s = scenario();

  it('lends at the cost of funds plus the spread, drawn over construction', () => {
    const t = loanTermsFor(project({ id: 'A', constructionYears: 3 }), s);
    expect(t.unit.rate).toBeCloseTo(0.065 + 0.01, 15);
    expect(t.unit.years).toBe(20);
    expect(t.unit.grace).toBe(5);
    expect(t.unit.method).toBe('linear');
    expect(t.unit.disbursement).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(t.graceExtended).toBe(false);
    expect(t.debtCapacity).toBe(Infinity);
  });

  it('extends grace when construction outlasts it', () => {
    const t = loanTermsFor(project({ id: 'A', constructionYears: 8 }), s);
    expect(t.unit.grace).toBe(7);
    expect(t.unit.years).toBe(20);
    expect(t.graceExtended).toBe(true);
  });

  it('sculpts non-sovereign loans on the bank share of CFADS from the first operating year', () => {
    const p = project({ id: 'N', instrument: 'non-sovereign', constructionYears: 2, cfadsYear1: 1000, cfadsGrowth: 0.02, bcidRequested: 3000, coFinancing: 1000 });
    expect(bankShareOfFinancing(p)).toBe(0.75);
    const cfads = projectCfads(p, 15)!;
    expect(cfads.slice(0, 3)).toEqual([0, 0, 750]);
    expect(cfads[3]).toBeCloseTo(750 * 1.02, 12);
    const t = loanTermsFor(p, s);
    expect(t.unit.method).toBe('sculpted');
    expect(t.unit.rate).toBeCloseTo(0.1, 15);
    expect(t.debtCapacity).toBeCloseTo(sculptedDebtCapacity(cfads, 0.1, 1.3, 3), 9);
  });

  it('gives a sculpted loan grace over the whole construction, so no repayment year lacks cash flow', () => {
    // non-sovereign baseline grace is 3; construction of 5 years puts the first CFADS in loan year 6
    const p = project({ id: 'L', instrument: 'non-sovereign', constructionYears: 5, cfadsYear1: 2000, cfadsGrowth: 0.02 });
    const t = loanTermsFor(p, s);
    expect(t.unit.grace).toBe(5);
    const schedule = loanSchedule({ ...t.unit, amount: Math.min(5000, t.debtCapacity) });
    for (const row of schedule.rows) expect(row.principal, `year ${row.year}`).toBeGreaterThanOrEqual(-1e-9);
  });

  it('falls back to an annuity when a sculpted loan has no CFADS', () => {
    const t = loanTermsFor(project({ id: 'N', instrument: 'non-sovereign', cfadsYear1: null }), s);
    expect(t.unit.method).toBe('annuity');
    expect(t.fallback).toMatch(/no CFADS/);
  });
});

describe('unit flows', () => {
  const s = scenario();

  it('scale linearly to the engine schedule of the real amount (sovereign)', () => {
    const p = project({ id: 'A', constructionYears: 2 });
    const fin = projectFinancing(p, s);
    const sched = loanSchedule({ ...fin.loan!.unit, amount: 7000 });
    sched.rows.forEach((r, t) => {
      expect(7000 * fin.flows.disbursed[t]!).toBeCloseTo(r.disbursed, 8);
      expect(7000 * fin.flows.principal[t]!).toBeCloseTo(r.principal, 8);
      expect(7000 * fin.flows.interest[t]!).toBeCloseTo(r.interest, 8);
      expect(7000 * fin.flows.fees[t]!).toBeCloseTo(r.fees, 8);
      expect(7000 * fin.flows.loanBalance[t]!).toBeCloseTo(r.closing, 8);
    });
  });

  it('scale linearly for sculpted loans below capacity (DSCR above target)', () => {
    const p = project({ id: 'N', instrument: 'non-sovereign', constructionYears: 1, cfadsYear1: 2000, cfadsGrowth: 0 });
    const fin = projectFinancing(p, s);
    const amount = fin.capacity / 2;
    const sched = loanSchedule({ ...fin.loan!.unit, amount });
    sched.rows.forEach((r, t) => {
      const service = fin.flows.interest[t]! - fin.flows.capitalised[t]! + fin.flows.fees[t]! + fin.flows.principal[t]!;
      expect(amount * service).toBeCloseTo(r.debtService, 6);
    });
    // debt service at half the capacity is half of CFADS / DSCR in repayment years
    const cfads = projectCfads(p, fin.loan!.unit.years)!;
    const t = fin.loan!.unit.grace + 2;
    expect(amount * (fin.flows.interest[t]! + fin.flows.principal[t]!)).toBeCloseTo(cfads[t - 1]! / 1.3 / 2, 6);
  });

  it('equity: drawn over construction, dividends while held, sold at the multiple', () => {
    const f = equityUnitFlows(project({ id: 'E', instrument: 'equity', constructionYears: 2 }), { dividendYield: 0.04, holdingYears: 6, exitMultiple: 1.5 });
    expect([...f.invested]).toEqual([0.5, 0.5, 0, 0, 0, 0, 0]);
    expect([...f.dividends]).toEqual([0, 0, 0, 0.04, 0.04, 0.04, 0]);
    expect([...f.exitProceeds]).toEqual([0, 0, 0, 0, 0, 0, 1.5]);
    expect([...f.exitCost]).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect([...f.equityHeld]).toEqual([0.5, 1, 1, 1, 1, 1, 0]);
  });

  it('equity held shorter than construction is sold the year after completion', () => {
    const f = equityUnitFlows(project({ id: 'E', instrument: 'equity', constructionYears: 4 }), { dividendYield: 0.04, holdingYears: 2, exitMultiple: 1 });
    expect(f.length).toBe(6);
    expect(f.exitProceeds[5]).toBe(1);
  });

  it('grant element of the baseline sovereign terms is negative at 7.5 % (not concessional)', () => {
    const fin = projectFinancing(project({ id: 'A', constructionYears: 1 }), s);
    expect(grantElement({ ...fin.loan!.unit, amount: 1000 }).grantElement).toBeLessThan(0);
  });
});
