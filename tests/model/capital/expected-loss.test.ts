/**
 * Expected loss in the central case (issue 14 §5), against the Monte Carlo
 * with defaults the only risk. The charge moves the central 2055 equity from
 * above the Monte Carlo mean towards it, but not to it within sampling error:
 * a simulated default also loses the interest of the arrears years, and a
 * defaulted member draws no more (risk/path.ts), which PD × LGD × exposure
 * does not count; while the charge keeps charging a member's exposure after a
 * default, which the paths do not. docs/capital.md gives the figures.
 * `credit.centralCase: none` keeps the old behaviour.
 */
import { describe, expect, it } from 'vitest';
import { BlockSums } from '../../../src/risk/accumulator.js';
import { riskSettings } from '../../../src/risk/calibration.js';
import { buildMcModel } from '../../../src/risk/mc-model.js';
import { PathSimulator } from '../../../src/risk/simulate.js';
import { bundled, risksOff, type RunScenario } from '../../risk/fixture.js';

/** Every Monte Carlo risk off but sovereign and non-sovereign defaults at the credit section's PD and LGD. */
function defaultsOnly(s: RunScenario): RunScenario {
  const off = risksOff(s);
  return { ...off, risk: { ...off.risk, pd: 'credit', lgd: 'credit', nonSovereignDefaults: true } };
}

describe('expected loss in the central case', () => {
  it('the charge brings 2055 equity towards the Monte Carlo mean, and charges about the mean credit loss', async () => {
    const f = await bundled('baseline', defaultsOnly);
    const n = 4000;
    const build = buildMcModel(f.base, riskSettings(f.scenario), { paths: n, seed: 20251223 });
    const sim = new PathSimulator(build.model);
    const sums = new BlockSums(build.model.layout);
    const last = f.base.ctx.years.count - 1;
    let s1 = 0;
    let s2 = 0;
    let l1 = 0;
    let l2 = 0;
    for (let path = 0; path < n; path++) {
      const r = sim.runOne(path, sums);
      const e = r.projection.equity[last]!;
      let loss = 0;
      for (let i = 0; i <= last; i++) loss += r.creditLoss[i]!;
      s1 += e;
      s2 += e * e;
      l1 += loss;
      l2 += loss * loss;
    }
    const lossMean = l1 / n;
    const lossSe = Math.sqrt((l2 / n - lossMean * lossMean) / n);
    const charged = f.run.base.bank.reduce((a, b) => a + b.creditCharge, 0);

    const mean = s1 / n;
    const se = Math.sqrt((s2 / n - mean * mean) / n);
    const central = f.run.base.bank.at(-1)!.equity;
    const none = (await bundled('baseline', (s) => ({ ...defaultsOnly(s), credit: { ...s.credit, centralCase: 'none' } }))).run.base.bank.at(-1)!.equity;
    // Without the charge the central case overstates the mean by more than sampling error;
    // the charge closes that gap by about half (bundled data: 3,642 → 3,518 bn against a mean of 3,417 ± 3.5 bn).
    expect(none - mean).toBeGreaterThan(3 * se);
    expect(central).toBeLessThan(none);
    expect(central - mean).toBeLessThan(none - mean);
    expect(central - mean).toBeGreaterThan(0);
    // The charge (Σ PD × LGD × opening exposure) against the mean loss the paths recognise: 78 against 57 ± 0.7 bn
    // (ratio 1.37) with the IPF-score allocation; 1.62 with the npv-per-capital one (issue 17), which funds 49
    // projects instead of 56.
    expect(lossMean).toBeGreaterThan(20 * lossSe);
    expect(charged / lossMean).toBeGreaterThan(1);
    expect(charged / lossMean).toBeLessThan(1.75);
  });

  it('cumulative credit cost is positive with expected-loss and nil over the life of the book with none', async () => {
    const el = (await bundled()).run.base.bank;
    const none = (await bundled('baseline', (s) => ({ ...s, credit: { ...s.credit, centralCase: 'none' } }))).run.base.bank;
    const cost = (rows: typeof el) => rows.reduce((a, b) => a + b.provisions, 0);
    expect(cost(el)).toBeGreaterThan(0);
    expect(Math.abs(cost(none))).toBeLessThan(1);
    expect(el.at(-1)!.equity).toBeLessThan(none.at(-1)!.equity);
  });
});
