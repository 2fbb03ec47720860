import { describe, expect, it } from 'vitest';
import { irr } from '../../src/finance/index.js';
import { compileFormula } from '../../src/formula/index.js';
import { FORMULA_VARIABLES, appraise, ScoringError } from '../../src/model/appraisal/appraise.js';
import { appraiseFlow, benefitAnnuity, economicFlow, presentValue } from '../../src/model/appraisal/economic.js';
import { minMax, weightedIndex } from '../../src/model/appraisal/normalise.js';
import { REFERENCE_CLASSES, upliftFactor } from '../../src/model/appraisal/reference-classes.js';
import { SECTORS } from '../../src/schema/codes.js';
import { project, scenario } from './fixtures.js';

describe('reference-class uplifts (docs/domain-facts.md §5)', () => {
  it('covers every sector, with P80 ≥ P50 ≥ 1', () => {
    for (const s of SECTORS) {
      const c = REFERENCE_CLASSES[s];
      expect(c.p50).toBeGreaterThanOrEqual(1);
      expect(c.p80).toBeGreaterThanOrEqual(c.p50);
    }
  });
  it('uses the DfT roads and rail uplifts', () => {
    expect(upliftFactor('roads', 'p50')).toBe(1.15);
    expect(upliftFactor('roads', 'p80')).toBe(1.32);
    expect(upliftFactor('rail', 'p50')).toBe(1.4);
    expect(upliftFactor('rail', 'p80')).toBe(1.57);
    expect(upliftFactor('hydro', 'none')).toBe(1);
  });
});

describe('economic flow', () => {
  it('one year of construction, one of benefits: by hand', () => {
    // cost 100 at t=0, benefit B at t=2 with IRR 10 %: B = 100 × 1.1² = 121.
    const shape = { constructionYears: 1, economicLife: 1 };
    expect(benefitAnnuity(100, 0.1, shape)).toBeCloseTo(121, 10);
    expect(economicFlow(100, 121, shape)).toEqual([-100, 0, 121]);
    // NPV at 5 %: −100 + 121/1.05² = 9.750566893…
    expect(presentValue([-100, 0, 121], 0.05)).toBeCloseTo(-100 + 121 / 1.05 ** 2, 10);
  });

  it('the benefit annuity reproduces the stated EIRR', () => {
    const shape = { constructionYears: 4, economicLife: 25 };
    const b = benefitAnnuity(5000, 0.13, shape);
    expect(irr(economicFlow(5000, b, shape))).toBeCloseTo(0.13, 10);
  });

  it('NPV is zero at the EIRR and positive below it', () => {
    const shape = { constructionYears: 3, economicLife: 20 };
    expect(appraiseFlow(1000, 0.12, 1, 0.12, shape).npv).toBeCloseTo(0, 8);
    expect(appraiseFlow(1000, 0.12, 1, 0.1, shape).npv).toBeGreaterThan(0);
  });

  it('an uplift lowers the return and the NPV, with the same benefits', () => {
    const shape = { constructionYears: 3, economicLife: 20 };
    const base = appraiseFlow(1000, 0.12, 1, 0.1, shape);
    const up = appraiseFlow(1000, 0.12, 1.32, 0.1, shape);
    expect(up.benefit).toBe(base.benefit);
    expect(up.upliftedRate).toBeLessThan(0.12);
    expect(up.npv).toBeCloseTo(base.npv - 0.32 * 1000 * (1 + 1 / 1.1 + 1 / 1.21) / 3, 8);
  });
});

describe('normalisation and indices', () => {
  it('min-max maps to 0–1, constant criteria to 1', () => {
    expect(minMax([2, 4, 6])).toEqual([0, 0.5, 1]);
    expect(minMax([3, 3])).toEqual([1, 1]);
  });
  it('rescales weights to sum to 1', () => {
    expect(weightedIndex([
      [2, 1],
      [2, 0],
    ])).toBe(0.5);
    expect(weightedIndex([[0, 1]])).toBe(0);
  });
});

describe('appraise', () => {
  const a = project({ id: 'A', eirr: 0.2, firr: 0.1, jobs: 5000, populationServed: 1e6, integration: 1, readiness: 5 });
  const b = project({ id: 'B', eirr: 0.08, firr: null, jobs: 100, populationServed: 1000, integration: 0, readiness: 2 });
  const c = project({ id: 'C', eirr: 0.14, firr: 0.05, jobs: 2000, populationServed: 5e5, integration: 0.5, readiness: 3 });

  it('gives the best project 1 and the worst 0 when one dominates on every criterion', () => {
    const [ra, rb, rc] = appraise([a, b, c], scenario().appraisal);
    expect(ra!.score).toBeCloseTo(1, 12);
    expect(rb!.score).toBeCloseTo(0, 12);
    expect(rc!.score).toBeGreaterThan(0);
    expect(rc!.score).toBeLessThan(1);
  });

  it('computes the two indices as weighted means of normalised criteria', () => {
    const s = scenario();
    const [, , rc] = appraise([a, b, c], s.appraisal);
    // C: eirr (0.14−0.08)/0.12 = 0.5; firr 0.05/0.1 = 0.5; jobs 1900/4900; population (5e5−1e3)/(1e6−1e3); integration 0.5; readiness 1/3.
    const npvs = appraise([a, b, c], s.appraisal).map((r) => r.npv);
    const npvNorm = (npvs[2]! - Math.min(...npvs)) / (Math.max(...npvs) - Math.min(...npvs));
    const fei = 0.5 * 0.5 + 0.2 * 0.5 + 0.3 * npvNorm;
    const sei = 0.2 * (1900 / 4900) + 0.3 * (499_000 / 999_000) + 0.3 * 0.5 + 0.2 * (1 / 3);
    expect(rc!.financialEconomicIndex).toBeCloseTo(fei, 12);
    expect(rc!.socialIntegrationIndex).toBeCloseTo(sei, 12);
    expect(rc!.score).toBeCloseTo(0.5 * fei + 0.5 * sei, 12);
  });

  it('applies the uplift to cost and request', () => {
    const s = scenario({ appraisal: { costUplift: 'p80' } });
    const [ra] = appraise([a], s.appraisal);
    expect(ra!.uplift).toBe(1.32);
    expect(ra!.cost).toBeCloseTo(a.totalCost * 1.32, 9);
    expect(ra!.request).toBeCloseTo(a.bcidRequested * 1.32, 9);
    expect(ra!.eirr).toBeLessThan(a.eirr);
  });

  it('uses a scoring formula on raw figures when given', () => {
    const f = compileFormula('0.4*eirr + 0.6*integration', FORMULA_VARIABLES);
    if (!f.ok) throw new Error(f.message);
    const [ra] = appraise([project({ id: 'X', eirr: 0.12, integration: 0.8 })], scenario().appraisal, f.value);
    expect(ra!.score).toBeCloseTo(0.528, 12);
  });

  it('reports a formula that fails for a project as a ScoringError naming it', () => {
    const f = compileFormula('1 / (jobs - 100)', FORMULA_VARIABLES);
    if (!f.ok) throw new Error(f.message);
    expect(() => appraise([project({ id: 'Z', jobs: 100 })], scenario().appraisal, f.value)).toThrow(ScoringError);
    expect(() => appraise([project({ id: 'Z', jobs: 100 })], scenario().appraisal, f.value)).toThrow(/project Z/);
  });
});
