import { describe, expect, it } from 'vitest';
import { buildCharts, chartContext, type ChartSpec, type LineSeries, type BarSeries, type BubbleSeries } from '../../src/report/charts/index.js';
import { GREY, LIGHT_GREEN, OKABE_ITO } from '../../src/report/charts/palette.js';
import { sourcesOf, usesOf } from '../../src/report/charts/sources-uses.js';
import { BUBBLE_MAX_RADIUS, BUBBLE_MIN_RADIUS, median } from '../../src/report/charts/quadrant.js';
import { createLocale } from '../../src/report/locale.js';
import { makeRunResults } from './fixtures/run-results.js';

const results = makeRunResults();
const SOURCE = 'Données de test (fixture)';
const charts = (lang: 'fr' | 'en' | 'ar' = 'fr') => buildCharts(results, chartContext(results, createLocale(lang), SOURCE));
const fr = charts('fr');
const series = <T extends ChartSpec['series'][number]>(c: ChartSpec, id: string) => c.series.find((s) => s.id === id) as T;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('chart specs: snapshots', () => {
  for (const [id, spec] of Object.entries(fr)) {
    it(`${id} (fr)`, () => expect(spec).toMatchSnapshot());
  }
  it('loans-equity (ar)', () => expect(charts('ar')['loans-equity']).toMatchSnapshot());
  it('prioritisation-quadrant (en)', () => expect(charts('en')['prioritisation-quadrant']).toMatchSnapshot());
});

describe('chart specs: what every chart must have', () => {
  const allowed = new Set<string>([...Object.values(OKABE_ITO), GREY, LIGHT_GREEN]);
  for (const lang of ['fr', 'en', 'ar'] as const) {
    it(`title, axis titles, footer and palette (${lang})`, () => {
      for (const c of Object.values(charts(lang))) {
        expect(c.title).not.toBe('');
        expect(c.x.title).not.toBe('');
        expect(c.y.title).not.toBe('');
        expect(c.footer).toContain('baseline');
        expect(c.footer).toContain(SOURCE);
        expect(c.lang).toBe(lang);
        expect(c.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        for (const s of c.series) expect(allowed, `${c.id}/${s.id} ${s.color}`).toContain(s.color);
        if (lang === 'ar') expect(c.title).toMatch(/[\u0600-\u06ff]/);
      }
    });
  }

  it('category charts have one value per category in every series', () => {
    for (const c of Object.values(fr)) {
      if (c.layout !== 'category') continue;
      for (const s of c.series) if (s.kind !== 'bubble') expect(s.data.length, `${c.id}/${s.id}`).toBe(c.categories?.length);
    }
  });
});

describe('chart specs: the numbers mean what they say', () => {
  it('sources and uses: stacked sources sum to total sources, uses are negative, the net is the change in cash', () => {
    const c = fr['sources-uses'];
    const bars = c.series.filter((s): s is BarSeries => s.kind === 'bar');
    const pos = bars.filter((s) => s.data.every((v) => (v ?? 0) >= 0));
    const neg = bars.filter((s) => !pos.includes(s));
    expect(pos.map((s) => s.id)).toEqual(['paidIn', 'levy', 'borrowing', 'loanReflows', 'treasury']);
    expect(neg.map((s) => s.id)).toEqual(['disbursements', 'borrowingService', 'operating']);
    results.bank.forEach((y, i) => {
      expect(sum(pos.map((s) => s.data[i] ?? 0))).toBeCloseTo(sum(Object.values(sourcesOf(y))) / 1000, 9);
      expect(-sum(neg.map((s) => s.data[i] ?? 0))).toBeCloseTo(sum(Object.values(usesOf(y))) / 1000, 9);
      const previous = i === 0 ? 166667 : results.bank[i - 1]!.cash;
      expect(series<LineSeries>(c, 'net').data[i]).toBeCloseTo((y.cash - previous) / 1000, 6);
    });
  });

  it('loans vs equity: the floor line equals the policy floor at every point, on the ratio axis', () => {
    const c = fr['loans-equity'];
    const floor = series<LineSeries>(c, 'floor');
    expect(floor.role).toBe('threshold');
    expect(floor.axis).toBe('y2');
    expect(floor.data).toHaveLength(results.bank.length);
    for (const v of floor.data) expect(v).toBe(results.scenario.policy.equityToLoansFloor);
    expect(series<LineSeries>(c, 'equityToLoans').data).toEqual(results.bank.map((y) => y.equityToLoans));
    expect(c.y2?.format).toBe('percent');
    expect(c.y2?.max).toBeCloseTo(4 * 0.35, 12);
    expect(c.notes?.[0]).toMatch(/140/);
  });

  it('liquidity: the policy line is constant, years without outflows are marked, not left empty', () => {
    const c = fr.liquidity;
    for (const v of series<LineSeries>(c, 'policy').data) expect(v).toBe(12);
    const months = series<BarSeries>(c, 'liquidityMonths').data;
    const none = series<BarSeries>(c, 'noOutflows').data;
    months.forEach((m, i) => expect(m === null).toBe(none[i] !== null));
  });

  it('reflows: stacked cash received matches the total reflow rows', () => {
    const c = fr['portfolio-reflows'];
    const total = results.reflows.filter((r) => r.dimension === 'total');
    const bars = c.series.filter((s): s is BarSeries => s.kind === 'bar');
    total.forEach((r, i) => {
      expect(sum(bars.map((s) => s.data[i] ?? 0))).toBeCloseTo((r.principal + r.interest - r.capitalised + r.fees + r.dividends + r.exitProceeds) / 1000, 9);
    });
  });

  it('commitments by member add up to the approved amounts, by sector too', () => {
    const approved = results.allocation.reduce((a, r) => a + r.approved, 0) / 1000;
    const m = fr['commitments-by-member'];
    expect(sum(m.series.flatMap((s) => (s.kind === 'bar' ? s.data.map((v) => v ?? 0) : [])))).toBeCloseTo(approved, 9);
    const s = fr['commitments-by-sector'];
    const data = (s.series[0] as BarSeries).data as number[];
    expect(sum(data)).toBeCloseTo(approved, 9);
    expect(data).toEqual([...data].sort((a, b) => b - a));
    expect(s.horizontal).toBe(true);
  });

  it('quadrant: funded and unfunded marked differently, bubble area grows with cost, lines at the medians', () => {
    const c = fr['prioritisation-quadrant'];
    const funded = series<BubbleSeries>(c, 'funded');
    const unfunded = series<BubbleSeries>(c, 'unfunded');
    expect(funded.points.length + unfunded.points.length).toBe(results.allocation.length);
    expect(funded.points.map((p) => p.label).sort()).toEqual(results.allocation.filter((r) => r.funded).map((r) => r.projectId).sort());
    expect([funded.color, funded.shape, funded.filled]).not.toEqual([unfunded.color, unfunded.shape, unfunded.filled]);
    expect(funded.shape).not.toBe(unfunded.shape);
    const points = [...funded.points, ...unfunded.points].sort((a, b) => a.size - b.size);
    for (const p of points) {
      expect(p.r).toBeGreaterThanOrEqual(BUBBLE_MIN_RADIUS);
      expect(p.r).toBeLessThanOrEqual(BUBBLE_MAX_RADIUS);
    }
    for (let i = 1; i < points.length; i++) expect(points[i]!.r).toBeGreaterThanOrEqual(points[i - 1]!.r);
    expect(c.quadrant?.x).toBe(median(results.allocation.map((r) => r.financialEconomicIndex)));
    expect(c.quadrant?.y).toBe(median(results.allocation.map((r) => r.socialIntegrationIndex)));
    expect([c.x.min, c.x.max, c.y.min, c.y.max]).toEqual([0, 1, 0, 1]);
  });

  it('debt service: one line per member, and each LIC-DSF threshold line carries its capacity’s threshold', () => {
    const c = fr['member-debt-service'];
    expect(c.series.filter((s) => s.kind === 'line' && s.role === 'data').map((s) => s.id)).toEqual(['MLI', 'BFA', 'NER']);
    const weak = series<LineSeries>(c, 'threshold-weak');
    const medium = series<LineSeries>(c, 'threshold-medium');
    for (const v of weak.data) expect(v).toBe(0.14);
    for (const v of medium.data) expect(v).toBe(0.18);
    expect(c.y.max).toBeGreaterThanOrEqual(0.18);
    const ner = series<LineSeries>(c, 'NER').data;
    results.members.filter((m) => m.member === 'NER').forEach((m, i) => expect(ner[i]).toBe(m.debtServiceToRevenue));
  });
});
