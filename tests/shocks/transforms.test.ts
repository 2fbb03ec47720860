import { describe, expect, it } from 'vitest';
import { shocksFor } from '../../src/shocks/apply.js';
import type { StressContext } from '../../src/shocks/context.js';
import { applyLevyShortfall } from '../../src/shocks/levy-shortfall.js';
import { pegAfterExit } from '../../src/shocks/peg-exit.js';
import { isNeutral, neutralShocks, NEVER } from '../../src/shocks/shock-set.js';

const ctx: StressContext = {
  years: { start: 2026, count: 10 },
  projects: [
    { id: 'A', sector: 'rail', instrument: 'sovereign', constructionYears: 4, overrunRoom: Infinity },
    { id: 'B', sector: 'solar', instrument: 'non-sovereign', constructionYears: 2, overrunRoom: 1.05 },
    { id: 'C', sector: 'roads', instrument: 'sovereign', constructionYears: 3, overrunRoom: Infinity },
  ],
  appliedUplift: () => 1,
  referenceUplift: (sector, level) => ({ rail: { p50: 1.4, p80: 1.57 }, solar: { p50: 1.0, p80: 1.1 }, roads: { p50: 1.15, p80: 1.32 } })[sector as 'rail'][level],
  overrunFinancingCap: 1.5,
  expectedDelay: (p) => p.constructionYears * 0.5,
  rescheduleYears: 10,
  members: ['MLI', 'BFA', 'NER'],
  sovereignExposure: (m, i) => ({ MLI: 10, BFA: 30, NER: 20 })[m] * (i + 1),
};

describe('shock transforms', () => {
  it('are pure: the input shock set is never changed', () => {
    const s = neutralShocks(3, 10);
    const out = applyLevyShortfall(s, 50, 0);
    expect(isNeutral(s)).toBe(true);
    expect(out.levyFactor.every((x) => x === 0.5)).toBe(true);
  });

  it('overruns: P80 over the uplift already approved, capped by the financing cap and the project’s cash flow', () => {
    const s = shocksFor(['overruns-p80'], ctx);
    expect(Array.from(s.amountFactor)).toEqual([1.5, 1.05, 1.32]);
    expect(Array.from(shocksFor(['overruns-p50'], { ...ctx, appliedUplift: (x) => (x === 'roads' ? 1.15 : 1) }).amountFactor)).toEqual([1.4, 1, 1]);
  });

  it('compose: factors multiply, delays and rate shifts add, the earliest default counts', () => {
    const s = shocksFor(['levy-shortfall-50', 'levy-shortfall-20-2030', 'delays-1y', 'delays-sector', 'rate-shock-200', 'rate-shock-100-2028', 'default-NER-2031-3y', 'default-NER-2029-2y-r70', 'joint-default-2033-1y', 'pcs-loss-2030', 'pcs-loss-2028', 'late-capital-MLI-2y', 'late-capital-all-1y'], ctx);
    expect(s.levyFactor[3]).toBe(0.5);
    expect(s.levyFactor[4]).toBeCloseTo(0.4, 12);
    expect(Array.from(s.delayYears)).toEqual([1 + 2, 1 + 1, 1 + 2]);
    expect(s.issueRateShift[1]).toBeCloseTo(0.02, 12);
    expect(s.issueRateShift[2]).toBeCloseTo(0.03, 12);
    expect(s.memberDefault.NER).toEqual({ yearIndex: 3, arrearsYears: 2, lgd: 0.30000000000000004, rescheduleYears: 10 });
    expect(s.memberDefault.MLI?.yearIndex).toBe(7);
    expect(s.pcsLossFrom).toBe(2);
    expect(s.paidInDelay).toEqual({ MLI: 3, BFA: 1, NER: 1 });
  });

  it('peg exit: the second projected year by default; 30 % puts the euro at 937.08 FCFA', () => {
    expect(shocksFor(['peg-exit-30'], ctx).pegExit).toEqual({ yearIndex: 1, devaluation: 0.3 });
    expect(shocksFor(['peg-exit-30-2031', 'peg-exit-50-2033'], ctx).pegExit).toEqual({ yearIndex: 5, devaluation: 0.3 });
    expect(pegAfterExit(0.3)).toBeCloseTo(937.081, 3);
  });

  it('a neutral set is neutral; NEVER is beyond any horizon', () => {
    expect(isNeutral(shocksFor([], ctx))).toBe(true);
    expect(NEVER).toBeGreaterThan(1000);
  });
});
