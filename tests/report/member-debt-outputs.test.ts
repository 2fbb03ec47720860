import { describe, expect, it } from 'vitest';
import { DEBT_INDICATORS } from '../../src/model/members/index.js';
import { chartContext, memberDebtChart, quadrantChart, type LineSeries } from '../../src/report/charts/index.js';
import { createLocale } from '../../src/report/locale.js';
import { membersTable } from '../../src/report/tables.js';
import { pricingTable } from '../../src/report/tables/pricing.js';
import { makeRunResults } from './fixtures/run-results.js';

const results = makeRunResults();
const L = createLocale('en');
const ctx = chartContext(results, L, 'test');

describe('member debt charts', () => {
  it('draw each member with and without BCID-AES and the threshold of its capacity', () => {
    for (const k of DEBT_INDICATORS) {
      const chart = memberDebtChart(results, ctx, k);
      const years = chart.categories!.map(Number);
      const mli = results.members.filter((m) => m.member === 'MLI');
      const line = (id: string) => chart.series.find((s) => s.id === id) as LineSeries;
      expect(line('MLI-with').data).toEqual(years.map((y) => mli.find((m) => m.year === y)![k]));
      expect(line('MLI-without').data).toEqual(years.map((y) => mli.find((m) => m.year === y)![`${k}WithoutBcid`]));
      const threshold = chart.series.filter((s) => s.kind === 'line' && s.role === 'threshold') as LineSeries[];
      if (k === 'publicDebtToGdp') expect(threshold.map((t) => t.data[0])).toEqual([0.7]);
      // The fixture has medium (MLI, BFA) and weak (NER) capacities.
      else expect(threshold.map((t) => t.id).sort()).toEqual(['threshold-medium', 'threshold-weak']);
      expect(chart.y.max!).toBeGreaterThanOrEqual(Math.max(...results.members.map((m) => Math.max(m[k], m.thresholds[k]))));
    }
  });
});

describe('quadrant label', () => {
  it('says "concessional" only when the sovereign terms are', () => {
    expect(quadrantChart(results, ctx).quadrant!.labels.topLeft).toBe('Grants / public funding');
    const concessional = { ...results, pricing: results.pricing.map((p) => ({ ...p, concessional: true })) };
    expect(quadrantChart(concessional, ctx).quadrant!.labels.topLeft).toBe('Grants / concessional loans');
  });
});

describe('tables', () => {
  it('member-debt carries each indicator with, without, increment, threshold and breach', () => {
    const t = membersTable(results, L);
    const keys = t.columns.map((c) => c.key);
    for (const k of DEBT_INDICATORS) for (const s of ['', 'WithoutBcid', 'Increment', 'Threshold', 'Breach']) expect(keys).toContain(`${k}${s}`);
    const row = results.members.find((m) => m.member === 'MLI' && m.year === 2030)!;
    const cells = t.rows.find((r) => r[0] === 'Mali' && r[1] === 2030)!;
    expect(cells[keys.indexOf('pvPublicDebtToGdpIncrement')]).toBe(row.increments.pvPublicDebtToGdp);
    expect(cells[keys.indexOf('publicDebtToGdpThreshold')]).toBe(0.7);
  });

  it('pricing has one row per loan instrument', () => {
    const t = pricingTable(results, L);
    expect(t.id).toBe('pricing');
    expect(t.rows.map((r) => r[0])).toEqual(['Sovereign loan', 'Non-sovereign loan']);
    expect(t.columns.find((c) => c.key === 'rateForConcessional')!.header).toContain('35');
  });
});
