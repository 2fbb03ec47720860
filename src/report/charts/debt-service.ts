import type { RunResults } from '../../model/results.js';
import { DEBT_CAPACITIES, MEMBER_CODES } from '../../schema/codes.js';
import type { ChartContext } from './context.js';
import { MEMBER_COLOURS, THRESHOLD_COLOUR, THRESHOLD_DASHES } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec, type LineSeries } from './spec.js';

/**
 * Each member's debt service to the bank as a share of government revenue (one line
 * per member), with the LIC-DSF debt-service-to-revenue threshold of each
 * debt-carrying capacity present (dashed).
 */
export function debtServiceChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const years = [...new Set(results.members.map((m) => m.year))].sort((a, b) => a - b);
  const at = new Map(results.members.map((m) => [`${m.member}:${m.year}`, m]));
  const members = MEMBER_CODES.filter((c) => results.members.some((m) => m.member === c));
  const lines: LineSeries[] = members.map((c) => ({
    kind: 'line',
    id: c,
    label: L.t(`member.${c}`),
    color: MEMBER_COLOURS[c],
    axis: 'y',
    role: 'data',
    data: years.map((y) => at.get(`${c}:${y}`)?.debtServiceToRevenue ?? null),
  }));
  const capacities = DEBT_CAPACITIES.filter((cap) => results.members.some((m) => m.debtCapacity === cap));
  const thresholds: LineSeries[] = capacities.map((cap, i) => {
    const data = years.map((y) => results.members.find((m) => m.year === y && m.debtCapacity === cap)?.thresholdRevenue ?? null);
    const values = [...new Set(data.filter((v): v is number => v !== null))];
    const value = values.length === 1 ? L.percent(values[0]!) : values.map((v) => L.percent(v)).join('–');
    return {
      kind: 'line',
      id: `threshold-${cap}`,
      label: L.t('chart.debtService.threshold', { capacity: L.t(`capacity.${cap}`), value }),
      color: THRESHOLD_COLOUR,
      axis: 'y',
      role: 'threshold',
      dash: THRESHOLD_DASHES[i % THRESHOLD_DASHES.length]!,
      data,
    };
  });
  const top = Math.max(0, ...results.members.map((m) => Math.max(m.thresholdRevenue, m.debtServiceToRevenue)));
  return {
    id: 'member-debt-service',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.debtService.title'),
    subtitle: L.t('chart.debtService.subtitle'),
    footer: ctx.footer,
    layout: 'category',
    categories: years.map(String),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y: { title: L.t('chart.debtService.axis'), format: 'percent', min: 0, max: Math.max(0.05, Math.ceil((top * 1.1) / 0.05) * 0.05), step: 0.05 },
    series: [...lines, ...thresholds],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
