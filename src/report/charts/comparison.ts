/**
 * Comparison charts of `bcid compare`: one line per scenario, year by year,
 * against the policy limit where there is one — the equity-to-loans ratio and
 * its floor, liquidity and its policy, lending capacity under the floor, and the
 * heaviest member's debt service to the bank. The reference (first) scenario is
 * drawn black; the others take the Okabe–Ito colours in order.
 */
import type { ComparisonResults, SeriesYear } from '../../risk/compare.js';
import type { RiskChartContext } from './fan.js';
import { LIQUIDITY_AXIS_CAP } from './liquidity.js';
import { RATIO_AXIS_CAP } from './loans-equity.js';
import { GREY, OKABE_ITO, THRESHOLD_COLOUR, THRESHOLD_DASHES } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type AxisSpec, type ChartSpec, type LineSeries } from './spec.js';

const COLOURS = [OKABE_ITO.black, OKABE_ITO.vermillion, OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, GREY, OKABE_ITO.yellow];

export const COMPARISON_CHARTS = ['equityToLoans', 'liquidity', 'headroom', 'burden'] as const;
export type ComparisonChart = (typeof COMPARISON_CHARTS)[number];

function years(c: ComparisonResults): string[] {
  return (c.scenarios[0]?.series ?? []).map((y) => String(y.year));
}

function lines(c: ComparisonResults, f: (y: SeriesYear) => number | null): LineSeries[] {
  return c.scenarios.map((s, k) => ({
    kind: 'line',
    id: `scenario-${k}`,
    label: s.name,
    data: s.series.map(f),
    color: COLOURS[k % COLOURS.length]!,
    axis: 'y',
    role: 'data',
    // Past the palette, the colours come round again with a dashed line.
    ...(k >= COLOURS.length ? { dash: THRESHOLD_DASHES[1 + (Math.floor(k / COLOURS.length) % 2)]! } : {}),
  }));
}

export function comparisonChart(c: ComparisonResults, which: ComparisonChart, ctx: RiskChartContext): ChartSpec {
  const L = ctx.locale;
  const categories = years(c);
  const threshold = (id: string, label: string, value: number): LineSeries => ({
    kind: 'line',
    id,
    label,
    data: categories.map(() => value),
    color: THRESHOLD_COLOUR,
    axis: 'y',
    role: 'threshold',
    dash: THRESHOLD_DASHES[0]!,
  });
  let title: string;
  let y: AxisSpec;
  let series: LineSeries[];
  const notes: string[] = [];
  switch (which) {
    case 'equityToLoans': {
      const floor = c.policy.equityToLoansFloor;
      const cap = RATIO_AXIS_CAP * Math.max(0.05, floor);
      title = L.t('chart.compare.equityToLoans.title');
      y = { title: L.t('chart.axis.percent'), format: 'percent', max: cap };
      series = [...lines(c, (s) => (s.equityToLoans === null ? null : Math.min(cap, s.equityToLoans))), threshold('floor', L.t('chart.loansEquity.floor', { floor: L.percent(floor) }), floor)];
      notes.push(L.t('common.cappedAxis', { max: L.percent(cap) }));
      break;
    }
    case 'liquidity': {
      const months = c.policy.liquidityMonths;
      const cap = LIQUIDITY_AXIS_CAP * Math.max(1, months);
      title = L.t('chart.compare.liquidity.title');
      y = { title: L.t('chart.axis.months'), format: 'months', max: cap };
      series = [...lines(c, (s) => (s.liquidityMonths === null ? cap : Math.min(cap, s.liquidityMonths))), threshold('policy', L.t('chart.liquidity.policy', { months: L.months(months, 0) }), months)];
      notes.push(L.t('common.cappedAxis', { max: L.months(cap, 0) }), L.t('chart.compare.unlimitedNote'));
      break;
    }
    case 'headroom':
      title = L.t('chart.compare.headroom.title');
      y = { title: L.t('chart.axis.bnFcfa'), format: 'money' };
      series = [...lines(c, (s) => (Number.isFinite(s.headroom) ? s.headroom / 1000 : null)), threshold('zero', L.t('riskLimit.equity-to-loans'), 0)];
      break;
    case 'burden':
      title = L.t('chart.compare.burden.title');
      y = { title: L.t('chart.axis.percent'), format: 'percent', min: 0 };
      series = lines(c, (s) => s.memberBurden);
      break;
  }
  return {
    id: `compare-${which}`,
    lang: L.lang,
    dir: L.dir,
    title,
    footer: ctx.footer,
    ...(notes.length > 0 ? { notes } : {}),
    layout: 'category',
    categories,
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y,
    series,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
