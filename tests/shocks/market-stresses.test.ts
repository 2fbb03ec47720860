/**
 * The market stresses of issue 15: market closure, downgrade and the default of
 * the largest borrower. Grammar (as scenario files validate it) and effects on
 * the bundled baseline's allocation, held fixed.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario-loader.js';
import type { BankYear, RunResults } from '../../src/model/results.js';
import { MEMBER_CODES, type MemberCode } from '../../src/schema/codes.js';
import { shocksFor } from '../../src/shocks/apply.js';
import { parseStress, suggestStress } from '../../src/schema/stress-names.js';
import { largestBorrower } from '../../src/shocks/largest-borrower-default.js';
import { riskSettings } from '../../src/risk/calibration.js';
import { runShocks, stressContext, type StressedRun } from '../../src/risk/stress-run.js';
import { BlockSums } from '../../src/risk/accumulator.js';
import { buildMcModel } from '../../src/risk/mc-model.js';
import { PathSimulator } from '../../src/risk/simulate.js';
import { bundled, risksOff, type Fixture } from '../risk/fixture.js';

let f: Fixture;
let base: RunResults;
beforeAll(async () => {
  f = await bundled();
  base = f.run.base;
});

function run(names: string[]): StressedRun {
  const settings = riskSettings(f.scenario);
  return runShocks(f.base, shocksFor(names, stressContext(f.base.ctx, f.base.commitments, settings)), settings);
}
const row = (r: RunResults, year: number): BankYear => r.bank.find((b) => b.year === year)!;
function expectIdentities(r: RunResults): void {
  for (const c of r.checks) expect(c.ok, `${c.name}: ${c.largestError} in ${c.year}`).toBe(true);
}

describe('grammar', () => {
  it('reads the parameters and rejects what is outside', () => {
    expect(parseStress('market-closure-2030-2y')).toEqual({ kind: 'market-closure', year: 2030, years: 2 });
    expect(parseStress('downgrade-300-2030')).toEqual({ kind: 'downgrade', bp: 300, year: 2030 });
    expect(parseStress('largest-borrower-default-2031-3y')).toEqual({ kind: 'largest-borrower-default', year: 2031, arrearsYears: 3, recovery: null });
    expect(parseStress('largest-borrower-default-2031-3y-r60')).toEqual({ kind: 'largest-borrower-default', year: 2031, arrearsYears: 3, recovery: 0.6 });
    for (const bad of ['market-closure-2030', 'market-closure-2030-0y', 'market-closure-2y', 'downgrade-300', 'downgrade-0-2030', 'downgrade-300-30', 'largest-borrower-default-2030', 'largest-borrower-default-2030-3y-r120', 'largest-default-2030-3y']) {
      expect(parseStress(bad), bad).toBeNull();
    }
    expect(suggestStress('market-closur-2030-2y')).toBe('market-closure-2030-2y');
    expect(suggestStress('downgrad-300-2030')).toBe('downgrade-300-2030');
  });

  it('validates in a scenario file: a typo is an invalid value at its position with "did you mean"', () => {
    const baseline = readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8');
    const files: Record<string, string> = { baseline, ok: 'extends: baseline\nstresses: [market-closure-2030-2y, downgrade-300-2030, largest-borrower-default-2030-3y]\n', bad: 'extends: baseline\nstresses: [downgrade-300-2030, market-closure-2030]\n' };
    const reader = (name: string) => (files[name] === undefined ? null : { file: `scenarios/${name}.yaml`, text: files[name]! });
    expect(loadScenario('ok', reader).diagnostics).toEqual([]);
    const out = loadScenario('bad', reader);
    expect(out.value).toBeNull();
    expect(out.diagnostics.find((d) => d.field === 'stresses.1')).toMatchObject({ file: 'scenarios/bad.yaml', line: 2, code: 'invalid-value' });
  });
});

describe('market closure', () => {
  it('issues no bond in the closed years, lowers cash and liquidity months, and issuance resumes after', () => {
    const closedYears = [2030, 2031];
    // The baseline borrows in those years: the closure bites.
    for (const y of closedYears) expect(row(base, y).borrowingRaised).toBeGreaterThan(0);
    const r = run(['market-closure-2030-2y']).results;
    expectIdentities(r);
    for (const y of closedYears) {
      expect(row(r, y).borrowingRaised, String(y)).toBe(0);
      expect(row(r, y).cash).toBeLessThan(row(base, y).cash);
      expect(row(r, y).liquidityMonths!).toBeLessThan(row(base, y).liquidityMonths!);
    }
    // Before the closure, nothing changes.
    for (const b of base.bank.filter((x) => x.year < 2030)) expect(row(r, b.year)).toEqual(b);
    // After it, the bank issues again to rebuild its buffer: more than the baseline that year.
    expect(row(r, 2032).borrowingRaised).toBeGreaterThan(row(base, 2032).borrowingRaised);
    // Cash at the end of the first closed year is the baseline's less what it would have raised:
    // nothing else in 2030 depends on the issue at its end.
    expect(row(r, 2030).cash).toBeCloseTo(row(base, 2030).cash - row(base, 2030).borrowingRaised, 6);
  });

  it('a longer closure leaves less liquidity in its last year', () => {
    const two = run(['market-closure-2030-2y']).results;
    const four = run(['market-closure-2030-4y']).results;
    expect(row(four, 2031).cash).toBe(row(two, 2031).cash);
    expect(row(four, 2032).cash).toBeLessThan(row(two, 2032).cash);
    expect(row(four, 2032).liquidityMonths!).toBeLessThan(row(two, 2032).liquidityMonths!);
    // Just-in-time funding leaves no reserve: two closed years take cash below zero.
    expect(row(two, 2031).cash).toBeLessThan(0);
  });
});

describe('downgrade', () => {
  it('raises the funding cost from the year after the event, as a rate shock from that year', () => {
    const r = run(['downgrade-300-2030']);
    expectIdentities(r.results);
    // Same to ~1e-12: the stressed run's year loop sums coupons in another order (one last-bit difference).
    for (const b of base.bank.filter((x) => x.year <= 2030)) expect(Math.abs(row(r.results, b.year).interestExpense - b.interestExpense)).toBeLessThan(1e-9 * b.interestExpense + 1e-9);
    let higher = 0;
    for (const b of base.bank.filter((x) => x.year > 2030)) {
      expect(row(r.results, b.year).interestExpense).toBeGreaterThanOrEqual(b.interestExpense - 1e-9);
      if (row(r.results, b.year).interestExpense > b.interestExpense + 1e-6) higher++;
    }
    expect(higher).toBeGreaterThan(0);
    // In 2031 only the 2030 issue differs: (6.5 % + 300 bp) × its stressed size against 6.5 % × the
    // baseline's (the buffer rule raises a little more when the coupon is higher).
    const rate = f.scenario.funding.borrowing.rate;
    const extra = row(r.results, 2031).interestExpense - row(base, 2031).interestExpense;
    expect(extra).toBeCloseTo((rate + 0.03) * row(r.results, 2030).borrowingRaised - rate * row(base, 2030).borrowingRaised, 4);
    expect(row(r.results, 2030).borrowingRaised).toBeGreaterThanOrEqual(row(base, 2030).borrowingRaised);
    expect(r.shocks.issueRateShift).toEqual(run(['rate-shock-300-2030']).shocks.issueRateShift);
  });
});

describe('largest borrower default', () => {
  it('picks the member with the largest sovereign exposure at the end of the year before', () => {
    // Independently: each member's default books LGD × exposure at default; the largest loss is the largest borrower's.
    const loss = (m: MemberCode) => run([`default-${m}-2031-3y-r50`]).path.creditLoss.reduce((a, b) => a + b, 0);
    const losses = MEMBER_CODES.map((m) => ({ m, loss: loss(m) }));
    const expected = losses.reduce((a, b) => (b.loss > a.loss ? b : a)).m;
    const ctx = stressContext(f.base.ctx, f.base.commitments, riskSettings(f.scenario));
    expect(largestBorrower(ctx, 2031)).toBe(expected);
    const r = run(['largest-borrower-default-2031-3y-r50']);
    expect(r.shocks.memberDefault[expected]).toMatchObject({ yearIndex: 2031 - 2026, arrearsYears: 3, lgd: 0.5 });
    for (const m of MEMBER_CODES) if (m !== expected) expect(r.shocks.memberDefault[m]).toBeNull();
    expect(r.results.bank).toEqual(run([`default-${expected}-2031-3y-r50`]).results.bank);
    expectIdentities(r.results);
  });

  it('ranks by the exposure the context gives (a toy context)', () => {
    const ctx = { ...stressContext(f.base.ctx, f.base.commitments, riskSettings(f.scenario)), sovereignExposure: (m: MemberCode) => ({ MLI: 1, BFA: 3, NER: 2 })[m] };
    expect(largestBorrower(ctx, 2030)).toBe('BFA');
  });
});

describe('in the Monte Carlo', () => {
  it('every path of a market-closure scenario keeps the market closed (risks off: the stressed run itself)', async () => {
    // Paths draw their own defaults and book no expected-loss charge: compare with the stressed run that books none either.
    const g = await bundled('stress-market-closure', (s) => ({ ...risksOff(s), credit: { ...s.credit, centralCase: 'none' } }));
    const build = buildMcModel(g.base, riskSettings(g.scenario), { paths: 5, seed: 1 });
    const sim = new PathSimulator(build.model);
    const det = g.run.results.bank;
    for (let k = 0; k < 5; k++) {
      const r = sim.runOne(k, new BlockSums(build.model.layout));
      det.forEach((b, i) => {
        expect(r.projection.borrowingRaised[i], `${k} ${b.year}`).toBe(b.borrowingRaised);
        expect(r.projection.cash[i]).toBe(b.cash);
      });
    }
    expect(det.find((b) => b.year === 2031)!.borrowingRaised).toBe(0);
  });
});
