/**
 * Capital as the agencies see it (issue 14 §1–2): the components of equity,
 * usable capital, risk weights and the risk-adjusted capital ratio, by hand
 * and on the bundled baseline; the ratio falls under a member default, an
 * overrun and a downgrade.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { capitalBand, concentrationFactor } from '../../../src/model/capital/ratio.js';
import { capitalSettings, CAPITAL_DEFAULTS } from '../../../src/model/capital/settings.js';
import { commitmentRwa, projectRiskWeight } from '../../../src/model/capital/weights.js';
import type { BankYear, RunResults } from '../../../src/model/results.js';
import { aggregate, expectedLossRates } from '../../../src/model/portfolio.js';
import { riskSettings } from '../../../src/risk/calibration.js';
import { runShocks, stressContext } from '../../../src/risk/stress-run.js';
import { shocksFor } from '../../../src/shocks/apply.js';
import { bundled, type Fixture } from '../../risk/fixture.js';

let f: Fixture;
let base: RunResults;
beforeAll(async () => {
  f = await bundled();
  base = f.run.base;
});

function stressed(names: string[]): RunResults {
  const settings = riskSettings(f.scenario);
  return runShocks(f.base, shocksFor(names, stressContext(f.base.ctx, f.base.commitments, settings)), settings).results;
}
const ratio = (b: BankYear) => b.riskAdjustedCapitalRatio ?? Infinity;
const lowest = (r: RunResults) => Math.min(...r.bank.map(ratio));

describe('weights and bands, by hand', () => {
  const s = capitalSettings(f0());
  function f0() {
    // Only the defaults matter here: a scenario-shaped object with no capital section.
    return { policy: {}, credit: {} } as unknown as Parameters<typeof capitalSettings>[0];
  }

  it('a CCC sovereign weighs 150 %, halved while preferred-creditor treatment holds; cross-border loans blend by share', () => {
    expect(projectRiskWeight({ instrument: 'sovereign', countries: [{ member: 'MLI', share: 1 }] }, s, true)).toEqual({ base: 0.75, withoutPcs: 1.5 });
    const mixed = { ...s, memberRatings: { ...s.memberRatings, NER: 'B' as const } };
    const w = projectRiskWeight({ instrument: 'sovereign', countries: [{ member: 'MLI', share: 0.5 }, { member: 'NER', share: 0.5 }] }, mixed, false);
    expect(w.base).toBeCloseTo(0.5 * 1.5 + 0.5 * 1.0, 15);
    expect(projectRiskWeight({ instrument: 'non-sovereign', countries: [{ member: 'BFA', share: 1 }] }, s, true).base).toBe(CAPITAL_DEFAULTS.nonSovereign);
    expect(projectRiskWeight({ instrument: 'equity', countries: [{ member: 'BFA', share: 1 }] }, s, true).base).toBe(CAPITAL_DEFAULTS.equity);
  });

  it('three equal borrowers add 0.5 × (1/3 − 0.05) / 0.95 to credit RWA; one borrower adds the whole 50 %', () => {
    expect(concentrationFactor(1, 1, 1, s)).toBeCloseTo(1 + (0.5 * (1 / 3 - 0.05)) / 0.95, 14);
    expect(concentrationFactor(7, 0, 0, s)).toBeCloseTo(1.5, 14);
    expect(concentrationFactor(0, 0, 0, s)).toBe(1);
  });

  it('S&P bands: 23 % extremely strong, 15 % very strong, 10 % strong, 7 % adequate, 5 % moderate, 3 % weak', () => {
    expect([0.3, 0.23, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.04, 0.01].map(capitalBand)).toEqual([
      'extremely-strong', 'extremely-strong', 'very-strong', 'very-strong', 'strong', 'strong', 'adequate', 'moderate', 'weak', 'very-weak',
    ]);
    expect(capitalBand(null)).toBeNull();
  });
});

describe('capital components on the bundled baseline', () => {
  it('equity = paid-in capital + levy contributions + retained earnings every year; paid-in is only subscriptions', () => {
    let paid = base.bank[0]!.paidInCapital - base.bank[0]!.paidInReceived;
    for (const b of base.bank) {
      expect(Math.abs(b.equity - (b.paidInCapital + b.levyContributions + b.retainedEarnings))).toBeLessThan(1e-6 * b.equity);
      paid += b.paidInReceived;
      expect(b.paidInCapital).toBeCloseTo(paid, 6);
    }
    // 500 bn subscribed and paid in; the levy is its own line.
    expect(base.bank.at(-1)!.paidInCapital).toBeCloseTo(500_000, 0);
    expect(base.bank.at(-1)!.levyContributions).toBeGreaterThan(0);
    expect(base.checks.find((c) => c.name === 'balance-sheet')!.ok).toBe(true);
  });

  it('no member is rated AA− or better: callable capital adds nothing; usable capital is equity while the levy counts', () => {
    for (const b of base.bank) {
      expect(b.usableCapital).toBe(b.equity);
      expect(b.callableCapital).toBe(0);
    }
  });

  it('risk-weighted assets = Σ single-commitment RWA × concentration + treasury weight × cash', () => {
    const ctx = f.base.ctx;
    const s = capitalSettings(ctx.scenario);
    const sum = new Float64Array(ctx.years.count + 1);
    for (const c of f.base.commitments) commitmentRwa(c, ctx.years).forEach((v, i) => (sum[i]! += v));
    const p = aggregate(f.base.commitments, ctx.years, expectedLossRates(ctx.scenario.credit));
    base.bank.forEach((b, i) => {
      expect(p.riskWeighted[i]).toBeCloseTo(sum[i]!, 3);
      const conc = concentrationFactor(p.memberExposure.MLI[i]!, p.memberExposure.BFA[i]!, p.memberExposure.NER[i]!, s);
      expect(b.riskWeightedAssets).toBeCloseTo(sum[i]! * conc + 0.25 * b.cash, 3);
      if (b.riskWeightedAssets > 0) expect(b.riskAdjustedCapitalRatio).toBeCloseTo(b.equity / b.riskWeightedAssets, 12);
    });
  });
});

describe('the ratio moves the right way', () => {
  it('falls under a member default', () => {
    const r = stressed(['default-NER-2030-3y']);
    expect(lowest(r)).toBeLessThan(lowest(base));
    const y = r.bank.findIndex((b) => b.year === 2033);
    expect(ratio(r.bank[y]!)).toBeLessThan(ratio(base.bank[y]!));
  });

  it('falls under cost overruns (more exposure on the same capital)', () => {
    expect(lowest(stressed(['overruns-p80']))).toBeLessThan(lowest(base));
  });

  it('falls when a member is downgraded', async () => {
    const down = await bundled('baseline', (s) => ({ ...s, capital: { ...s.capital, memberRatings: { MLI: 'CCC', BFA: 'CCC', NER: 'CC' } } }));
    const d = down.run.base;
    d.bank.forEach((b, i) => {
      expect(ratio(b), String(b.year)).toBeLessThanOrEqual(ratio(base.bank[i]!));
      // While Niger still owes the bank (its loans run into the 2040s), strictly lower.
      if (b.year >= 2028 && b.year <= 2040) expect(ratio(b), String(b.year)).toBeLessThan(ratio(base.bank[i]!));
    });
  });

  it('falls when the levy does not count as capital', async () => {
    const no = await bundled('baseline', (s) => ({ ...s, capital: { ...s.capital, levyCountsAsCapital: false } }));
    const b = no.run.base.bank.at(-5)!;
    expect(b.usableCapital).toBeCloseTo(b.equity - b.levyContributions, 6);
    expect(ratio(b)).toBeLessThan(ratio(base.bank.at(-5)!));
  });
});
