/**
 * The lending envelope (issue 14 §3) on the bundled baseline: every limit
 * holds along the path, 1 % more in any year breaks a named limit, the
 * sustainable annual amount is maximal, and the risk-adjusted capital floor
 * and the equity/loans floor bind when they are tight.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { genericCommitments, genericShapes } from '../../../src/model/capacity/generic.js';
import { BISECTION_PRECISION, lendingEnvelope, sustainableAnnual, type CapacityInput } from '../../../src/model/capacity/envelope.js';
import { worstBreach, projectOn } from '../../../src/model/capacity/limits.js';
import { capacityWindow } from '../../../src/model/capacity/window.js';
import { addCommitment, aggregate, clonePortfolio, expectedLossRates, type PortfolioFlows } from '../../../src/model/portfolio.js';
import { largestProjectExposure } from '../../../src/model/run.js';
import { bundled, type Fixture } from '../../risk/fixture.js';

let f: Fixture;
let input: CapacityInput;
beforeAll(async () => {
  f = await bundled();
  input = { ctx: f.base.ctx, named: f.base.commitments, largestProjectExposure: largestProjectExposure(f.base.ctx, f.base.commitments) };
});

const breach = (p: PortfolioFlows) => worstBreach(input.ctx, p, projectOn(input.ctx, p));

describe('lending envelope', () => {
  it('runs over the allocation window extended to the horizon end minus the longest tenor', () => {
    expect(capacityWindow(f.scenario)).toEqual({ firstYear: 2026, lastYear: 2035 });
  });

  it('every limit holds in every year along the envelope path', () => {
    const env = lendingEnvelope(input);
    expect(env.rows.length).toBe(10);
    expect(breach(env.portfolio)).toBeNull();
    expect(env.rows.some((r) => r.generic > 0)).toBe(true);
    for (const r of env.rows) expect(r.commitments).toBeCloseTo(r.named + r.generic, 6);
  });

  it('1 % more in any year of the envelope breaks a named limit', () => {
    const env = lendingEnvelope(input);
    const shapes = genericShapes(f.scenario, input.named);
    const el = expectedLossRates(f.scenario.credit);
    for (const r of env.rows) {
      // A year the envelope leaves at the bisection's floor (the named pipeline already binds): 1 % of it is below the search's precision.
      if (!(0.01 * r.commitments > BISECTION_PRECISION * Math.max(1, r.commitments))) continue;
      const p = clonePortfolio(env.portfolio);
      for (const c of genericCommitments(shapes, r.year, 0.01 * r.commitments)) addCommitment(p, c, input.ctx.years, el);
      const b = breach(p);
      expect(b, String(r.year)).not.toBeNull();
      expect(['liquidity', 'gearing', 'equity-to-loans', 'country-exposure', 'risk-adjusted-capital']).toContain(b!.limit);
    }
  });

  it('sustainable annual: feasible at the amount, broken 1 % above, with its binding limit and year', () => {
    const s = sustainableAnnual(input);
    expect(s.amount).toBeGreaterThan(0);
    expect(s.binding).not.toBeNull();
    const w = capacityWindow(f.scenario);
    const shapes = genericShapes(f.scenario, input.named);
    const el = expectedLossRates(f.scenario.credit);
    const at = (x: number) => {
      const p = aggregate([], input.ctx.years, el);
      for (let y = w.firstYear; y <= w.lastYear; y++) for (const c of genericCommitments(shapes, y, x)) addCommitment(p, c, input.ctx.years, el);
      return breach(p);
    };
    expect(at(s.amount)).toBeNull();
    expect(at(1.01 * s.amount)).not.toBeNull();
  });

  it('policy.minRiskAdjustedCapital binds when it is tight, and policy.equityToLoansFloor still works as a limit', async () => {
    const tight = await bundled('baseline', (s) => ({ ...s, policy: { ...s.policy, minRiskAdjustedCapital: 0.6 } }));
    const rac = sustainableAnnual({ ctx: tight.base.ctx, named: tight.base.commitments, largestProjectExposure: new Float64Array(31) });
    expect(rac.binding?.limit).toBe('risk-adjusted-capital');
    expect(rac.amount).toBeLessThan(sustainableAnnual(input).amount);
    const el = await bundled('baseline', (s) => ({ ...s, policy: { ...s.policy, equityToLoansFloor: 0.9 } }));
    const e = sustainableAnnual({ ctx: el.base.ctx, named: el.base.commitments, largestProjectExposure: new Float64Array(31) });
    expect(e.binding?.limit).toBe('equity-to-loans');
  });

  it('is computed in well under a second', () => {
    const t0 = performance.now();
    lendingEnvelope(input);
    sustainableAnnual(input);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
