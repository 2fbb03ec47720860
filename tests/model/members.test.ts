import { describe, expect, it } from 'vitest';
import { grantElement } from '../../src/finance/index.js';
import { LIC_DSF_THRESHOLDS, macroFor, memberRows } from '../../src/model/members/index.js';
import { projectFinancing } from '../../src/model/repayment/unit-flows.js';
import { memberYears, project, scenario } from './fixtures.js';

const years = { start: 2026, end: 2035, count: 10 };

describe('LIC-DSF thresholds (docs/domain-facts.md §4)', () => {
  it('debt service / revenue and / exports by capacity', () => {
    expect(LIC_DSF_THRESHOLDS).toEqual({
      weak: { revenue: 0.14, exports: 0.1 },
      medium: { revenue: 0.18, exports: 0.15 },
      strong: { revenue: 0.23, exports: 0.21 },
    });
  });
});

describe('macro projection', () => {
  it('uses the data year, then grows at the nominal rate', () => {
    const rows = memberYears(2025);
    expect(macroFor(rows, 'MLI', 2025, 0.075)!.revenue).toBe(2_600_000);
    expect(macroFor(rows, 'MLI', 2027, 0.075)!.revenue).toBeCloseTo(2_600_000 * 1.075 ** 2, 6);
  });
});

describe('member rows', () => {
  const s = scenario();
  const sov = project({ id: 'S', countries: [{ member: 'MLI', share: 0.6 }, { member: 'BFA', share: 0.4 }], constructionYears: 1 });
  const priv = project({ id: 'N', instrument: 'non-sovereign', countries: [{ member: 'NER', share: 1 }], cfadsYear1: 3000, cfadsGrowth: 0, constructionYears: 1 });
  const commitments = [
    { project: sov, financing: projectFinancing(sov, s), year: 2026, amount: 10_000 },
    { project: priv, financing: projectFinancing(priv, s), year: 2026, amount: 5_000 },
  ];
  const rows = memberRows(commitments, memberYears(2025), s, years);
  const at = (m: string, y: number) => rows.find((r) => r.member === m && r.year === y)!;

  it('splits sovereign debt service by country share and sets it against revenue and exports', () => {
    // 2027: interest 7.5 % on 10,000 drawn in 2026 (front-end fee in 2026, no principal in grace)
    const mli = at('MLI', 2027);
    expect(mli.debtService).toBeCloseTo(0.6 * 750, 6);
    expect(mli.revenue).toBeCloseTo(2_600_000 * 1.075 ** 2, 4);
    expect(mli.debtServiceToRevenue).toBeCloseTo((0.6 * 750) / (2_600_000 * 1.075 ** 2), 12);
    expect(mli.thresholdRevenue).toBe(0.18);
    expect(mli.breachesRevenue).toBe(false);
    expect(at('BFA', 2027).debtService).toBeCloseTo(0.4 * 750, 6);
    expect(at('MLI', 2026).disbursed).toBeCloseTo(6000, 6);
    expect(at('MLI', 2026).outstanding).toBeCloseTo(6000, 6);
  });

  it('keeps non-sovereign loans out of the member’s own debt', () => {
    const ner = at('NER', 2027);
    expect(ner.debtService).toBe(0);
    expect(ner.nonSovereignDebtService).toBeGreaterThan(0);
  });

  it('weights the grant element of loans signed so far', () => {
    const ge = grantElement({ ...commitments[0]!.financing.loan!.unit, amount: 10_000 }).grantElement;
    expect(at('MLI', 2026).grantElement).toBeCloseTo(ge, 12);
    expect(at('NER', 2026).grantElement).toBeNull();
  });
});
