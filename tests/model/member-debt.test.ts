import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMembers } from '../../src/io/parse-members.js';
import { bcidFlows, breaches, DEBT_INDICATORS, DEBT_THRESHOLDS, debtDynamicsFor, debtPath, heaviestBurden, memberRows, pvFactor } from '../../src/model/members/index.js';
import { projectFinancing } from '../../src/model/repayment/unit-flows.js';
import { NO_MEMBER_SHOCK } from '../../src/shocks/member-macro.js';
import { memberYears, project, scenario } from './fixtures.js';

const years = { start: 2026, end: 2035, count: 10 };
const dynamics = { externalInterestRate: 0.02, domesticInterestRate: 0.06, primaryBalance: -0.01, externalAmortisation: 0.05, externalFinancingShare: 0.5 };

describe('existing debt path (hand calculation)', () => {
  // MLI fixture 2025: GDP 15,000,000, public debt 50 %, external 25 %; growth 7.5 %.
  const path = debtPath({ member: 'MLI', data: memberYears(2025), dynamics, growth: 0.075, shock: NO_MEMBER_SHOCK, analyst: [], from: 2026, to: 2027 })!;
  const at = (y: number) => path.years.find((r) => r.year === y)!;

  it('starts at the last data year with the data', () => {
    expect(path.years[0]!.year).toBe(2025);
    expect(at(2025).publicDebt).toBe(7_500_000);
    expect(at(2025).externalDebt).toBe(3_750_000);
  });

  it('follows D_t = D + iE E + iD (D − E) − pb GDP_t for two years', () => {
    // 2026: interest 0.02 × 3.75e6 + 0.06 × 3.75e6 = 300,000; GDP 16,125,000; primary deficit 161,250.
    expect(at(2026).gdp).toBeCloseTo(16_125_000, 6);
    expect(at(2026).publicDebt).toBeCloseTo(7_961_250, 6);
    expect(at(2026).externalDebt).toBeCloseTo(3_980_625, 6);
    expect(at(2026).externalDebtService).toBeCloseTo(262_500, 6);
    expect(at(2026).pvExternalDebt).toBeCloseTo(3_980_625 * 0.7, 6);
    // 2027: interest 0.08 × 3,980,625 = 318,450; GDP 17,334,375; primary deficit 173,343.75.
    expect(at(2027).gdp).toBeCloseTo(17_334_375, 6);
    expect(at(2027).publicDebt).toBeCloseTo(8_453_043.75, 6);
    expect(at(2027).externalDebt).toBeCloseTo(4_226_521.875, 6);
    expect(at(2027).externalDebtService).toBeCloseTo(278_643.75, 6);
  });
});

describe('PV of external debt', () => {
  it('equals the discounted service of a stock repaid at a constant rate (series summed term by term)', () => {
    for (const d of [dynamics, { ...dynamics, externalInterestRate: 0.015, externalAmortisation: 0.04 }, { ...dynamics, externalInterestRate: 0.05 }]) {
      let pv = 0;
      for (let k = 1; k <= 3000; k++) pv += ((d.externalInterestRate + d.externalAmortisation) * (1 - d.externalAmortisation) ** (k - 1)) / 1.05 ** k;
      expect(pvFactor(d)).toBeCloseTo(pv, 10);
    }
    // At the discount rate itself the PV is the face value.
    expect(pvFactor({ ...dynamics, externalInterestRate: 0.05 })).toBeCloseTo(1, 14);
  });

  it('BCID-AES loans at 5 % without fees are worth their balance; dearer loans more', () => {
    const s = scenario({ funding: { borrowing: { rate: 0.04 } }, lending: { sovereign: { frontEndFee: 0, commitmentFee: 0 } } });
    // Drawn over three years: the PV nets out what is still to be drawn.
    const p = project({ id: 'S', constructionYears: 3 });
    const c = { project: p, financing: projectFinancing(p, s), year: 2026, amount: 10_000 };
    const f = bcidFlows([c], 'MLI', 2026, 25);
    for (let i = 0; i < 25; i++) expect(f.pv[i]).toBeCloseTo(f.outstanding[i]!, 6);
    const dear = scenario();
    const d = bcidFlows([{ ...c, financing: projectFinancing(p, dear) }], 'MLI', 2026, 25);
    expect(d.pv[5]!).toBeGreaterThan(d.outstanding[5]!);
  });
});

describe('member rows from members.csv', () => {
  const data = parseMembers(readFileSync('data/members.csv', 'utf8'), 'data/members.csv').value;
  const s = scenario();
  const rows = memberRows([], data, s, years);

  it('start at the last data year, whose ratios equal the data', () => {
    for (const m of ['MLI', 'BFA', 'NER'] as const) {
      const d = data.find((r) => r.code === m && r.year === 2025)!;
      const d24 = data.find((r) => r.code === m && r.year === 2024)!;
      const row = rows.find((r) => r.member === m && r.year === 2025)!;
      const dyn = debtDynamicsFor(m, undefined);
      expect(row.publicDebtToGdp).toBeCloseTo(d.publicDebt / d.gdp, 14);
      expect(row.publicDebtToGdpWithoutBcid).toBeCloseTo(d.publicDebt / d.gdp, 14);
      expect(row.pvExternalDebtToGdp).toBeCloseTo((d.externalDebt * pvFactor(dyn)) / d.gdp, 14);
      expect(row.pvPublicDebtToGdp).toBeCloseTo((d.externalDebt * pvFactor(dyn) + d.publicDebt - d.externalDebt) / d.gdp, 14);
      expect(row.externalDebtServiceToRevenue).toBeCloseTo(((dyn.externalInterestRate + dyn.externalAmortisation) * d24.externalDebt) / d.revenue, 14);
      expect(row.gdp).toBe(d.gdp);
      expect(rows.filter((r) => r.member === m).map((r) => r.year)).toEqual(Array.from({ length: 11 }, (_, i) => 2025 + i));
    }
  });

  it('have zero increments without a funded project', () => {
    for (const r of rows) for (const k of DEBT_INDICATORS) expect(r.increments[k]).toBe(0);
  });

  it('carry the thresholds of the member’s capacity and flag breaches', () => {
    for (const r of rows) {
      expect(r.thresholds).toEqual(DEBT_THRESHOLDS[r.debtCapacity]);
      for (const k of DEBT_INDICATORS) expect(r.breaches[k]).toBe(r[k] > r.thresholds[k]);
    }
  });
});

describe('BCID-AES flows on top of the existing debt', () => {
  const sov = project({ id: 'S', countries: [{ member: 'MLI', share: 0.6 }, { member: 'BFA', share: 0.4 }], constructionYears: 2 });
  const base = scenario();
  const commitments = [{ project: sov, financing: projectFinancing(sov, base), year: 2026, amount: 100_000 }];
  const rowsFor = (bcidDebtIs: 'domestic' | 'external') => memberRows(commitments, memberYears(2025), scenario({ members: { bcidDebtIs } }), years);
  const domestic = rowsFor('domestic');
  const external = rowsFor('external');

  it('increments equal the BCID-AES flows', () => {
    for (const r of [...domestic, ...external]) {
      expect(r.increments.publicDebtToGdp * r.gdp).toBeCloseTo(r.outstanding, 6);
      expect(r.publicDebt - r.publicDebtWithoutBcid).toBeCloseTo(r.outstanding, 6);
    }
    for (const r of external) {
      expect(r.increments.externalDebtServiceToRevenue * r.revenue).toBeCloseTo(r.debtService, 6);
      expect(r.increments.externalDebtServiceToExports * r.exports).toBeCloseTo(r.debtService, 6);
      expect(r.increments.pvExternalDebtToGdp * r.gdp).toBeCloseTo(r.bcidPresentValue, 6);
      expect(r.increments.pvPublicDebtToGdp * r.gdp).toBeCloseTo(r.bcidPresentValue, 6);
    }
    const mli2030 = domestic.find((r) => r.member === 'MLI' && r.year === 2030)!;
    expect(mli2030.outstanding).toBeGreaterThan(0);
    expect(domestic.find((r) => r.member === 'NER' && r.year === 2030)!.outstanding).toBe(0);
  });

  it('switching bcidDebtIs moves the flows between indicators', () => {
    for (const r of domestic) {
      expect(r.increments.pvExternalDebtToGdp).toBe(0);
      expect(r.increments.externalDebtServiceToRevenue).toBe(0);
      expect(r.increments.pvPublicDebtToGdp * r.gdp).toBeCloseTo(r.outstanding, 6);
    }
    const d = domestic.find((r) => r.member === 'MLI' && r.year === 2032)!;
    const e = external.find((r) => r.member === 'MLI' && r.year === 2032)!;
    expect(e.increments.externalDebtServiceToRevenue).toBeGreaterThan(0);
    expect(e.increments.publicDebtToGdp).toBe(d.increments.publicDebtToGdp);
    // At 7.5 % the loans are worth more than their face at 5 %: the PV of public debt rises more when external.
    expect(e.increments.pvPublicDebtToGdp).toBeGreaterThan(d.increments.pvPublicDebtToGdp);
    expect(e.publicDebtToGdpWithoutBcid).toBe(d.publicDebtToGdpWithoutBcid);
  });
});

describe('breach flags', () => {
  it('fire when a threshold is crossed, not at it', () => {
    const th = DEBT_THRESHOLDS.medium;
    const at = { ...th };
    const above = { ...th, pvExternalDebtToGdp: th.pvExternalDebtToGdp + 1e-9 };
    expect(Object.values(breaches(at, th)).some(Boolean)).toBe(false);
    expect(breaches(above, th)).toEqual({ ...breaches(at, th), pvExternalDebtToGdp: true });
  });

  it('turn on in the year the WAEMU 70 % ceiling is crossed', () => {
    const s = scenario({ members: { debt: { NER: { primaryBalance: -0.08 } } } });
    const rows = memberRows([], memberYears(2025), s, years).filter((r) => r.member === 'NER');
    const first = rows.findIndex((r) => r.publicDebtToGdp > 0.7);
    expect(first).toBeGreaterThan(0);
    rows.forEach((r, i) => expect(r.breaches.publicDebtToGdp).toBe(i >= first));
  });
});

describe('member stresses', () => {
  const run = (stresses: string[]) => memberRows([], memberYears(2025), scenario(), years, { stresses }).filter((r) => r.member === 'MLI');
  const base = run([]);
  it('a growth shock lowers GDP and revenue in projection years 2 and 3 and keeps the level lower', () => {
    const shocked = run(['member-growth-shock-3']);
    expect(shocked[1]!.gdp).toBe(base[1]!.gdp);
    expect(shocked[2]!.gdp / base[2]!.gdp).toBeCloseTo(1.045 / 1.075, 12);
    expect(shocked[5]!.gdp / base[5]!.gdp).toBeCloseTo((1.045 / 1.075) ** 2, 12);
    expect(shocked[5]!.publicDebtToGdp).toBeGreaterThan(base[5]!.publicDebtToGdp);
  });
  it('an export shock moves only the export ratios', () => {
    const shocked = run(['member-exports-shock-10']);
    expect(shocked[3]!.exports / base[3]!.exports).toBeCloseTo((0.975 / 1.075) ** 2, 12);
    expect(shocked[3]!.publicDebtToGdp).toBe(base[3]!.publicDebtToGdp);
    expect(shocked[3]!.externalDebtServiceToExports).toBeGreaterThan(base[3]!.externalDebtServiceToExports);
  });
  it('a depreciation revalues external debt only, in projection year 2', () => {
    const shocked = run(['member-depreciation-30']);
    expect(shocked[1]!.externalDebt).toBe(base[1]!.externalDebt);
    expect(shocked[2]!.externalDebtService).toBeCloseTo(base[2]!.externalDebtService * 1.3, 6);
    expect(shocked[2]!.gdp).toBe(base[2]!.gdp);
    expect(shocked[2]!.publicDebt - base[2]!.publicDebt).toBeGreaterThan(0.3 * base[1]!.externalDebt);
  });
});

describe('analyst path', () => {
  it('replaces the projected year, and the projection continues from it', () => {
    const row = { code: 'MLI' as const, year: 2027, gdp: 20_000_000, revenue: 3_000_000, exports: 4_000_000, publicDebt: 12_000_000, externalDebt: 6_000_000, externalDebtService: 500_000, pvExternalDebt: 4_000_000 };
    const rows = memberRows([], memberYears(2025), scenario(), years, { paths: [row] }).filter((r) => r.member === 'MLI');
    const y27 = rows.find((r) => r.year === 2027)!;
    expect(y27.publicDebtToGdp).toBeCloseTo(0.6, 14);
    expect(y27.pvExternalDebtToGdp).toBeCloseTo(0.2, 14);
    expect(y27.externalDebtServiceToRevenue).toBeCloseTo(500_000 / 3_000_000, 14);
    expect(rows.find((r) => r.year === 2028)!.gdp).toBeCloseTo(20_000_000 * 1.075, 6);
  });
});

describe('heaviest burden (terminal summary)', () => {
  it('is the member-year with the largest binding value / threshold', () => {
    const rows = memberRows([], memberYears(2025), scenario({ members: { debt: { BFA: { primaryBalance: -0.06 } } } }), years);
    const h = heaviestBurden(rows)!;
    expect(h.bindingRatio).toBe(Math.max(...rows.map((r) => r.bindingRatio)));
    expect(h.member).toBe('BFA');
    expect(h.bindingRatio).toBeCloseTo(h[h.bindingIndicator] / h.thresholds[h.bindingIndicator], 14);
    expect(heaviestBurden([])).toBeNull();
  });
});

describe('growth shock on the deficit (hand calculation)', () => {
  it('keeps primary spending on its baseline path: the revenue lost adds to the deficit', () => {
    const shock = { growthCut: 0.03, exportsCut: 0, depreciation: 0 };
    const input = { member: 'MLI' as const, data: memberYears(2025), dynamics, growth: 0.075, analyst: [], from: 2026, to: 2027 };
    const base = debtPath({ ...input, shock: NO_MEMBER_SHOCK })!;
    const hit = debtPath({ ...input, shock })!;
    // 2026 (projection year 1) is not shocked.
    expect(hit.years[1]!.publicDebt).toBeCloseTo(base.years[1]!.publicDebt, 6);
    // 2027: GDP 16,125,000 × 1.045 = 16,850,625 instead of 17,334,375; revenue (2,600,000 in 2025) likewise.
    const y = hit.years[2]!;
    expect(y.gdp).toBeCloseTo(16_850_625, 6);
    const revenueBase = 2_600_000 * 1.075 ** 2;
    const revenue = 2_600_000 * 1.075 * 1.045;
    expect(y.revenue).toBeCloseTo(revenue, 6);
    // Same interest as the base path (the 2026 stocks are the same); primary deficit on baseline GDP plus the revenue lost.
    const deficit = 318_450 + 0.01 * 17_334_375 + (revenueBase - revenue);
    expect(y.publicDebt).toBeCloseTo(7_961_250 + deficit, 6);
    expect(y.externalDebt).toBeCloseTo(3_980_625 + 0.5 * deficit, 6);
  });
});
