import type { RunResults } from '../../model/results.js';
import { yearLabels, type ChartContext } from './context.js';
import { LIGHT_GREEN, OKABE_ITO, THRESHOLD_COLOUR, THRESHOLD_DASHES } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec } from './spec.js';

/** The months axis is capped at this multiple of the policy so the policy line stays readable. */
export const LIQUIDITY_AXIS_CAP = 4;

/** Months of net outflows covered by liquid assets (bars) against the policy minimum (line). */
export function liquidityChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const policy = results.scenario.policy.liquidityMonths;
  const months = results.bank.map((y) => y.liquidityMonths);
  const max = Math.max(policy, ...months.filter((m): m is number => m !== null));
  const cap = policy > 0 ? LIQUIDITY_AXIS_CAP * policy : max;
  const capped = max > cap;
  return {
    id: 'liquidity',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.liquidity.title'),
    footer: ctx.footer,
    ...(capped ? { subtitle: L.t('common.cappedAxis', { max: L.months(cap, 0) }), notes: [L.t('common.cappedAxis', { max: L.months(cap, 0) })] } : {}),
    layout: 'category',
    categories: yearLabels(results),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y: { title: L.t('chart.axis.months'), format: 'months', min: 0, stacked: true, ...(capped ? { max: cap, step: policy / 2 } : {}) },
    series: [
      {
        kind: 'bar',
        id: 'liquidityMonths',
        label: L.t('col.liquidityMonths'),
        color: OKABE_ITO.bluishGreen,
        axis: 'y',
        stack: 'liquidity',
        data: months,
      },
      {
        // Years without net outflows: coverage is unlimited; shown as a full-height pale bar, not as an empty one.
        kind: 'bar',
        id: 'noOutflows',
        label: L.t('chart.liquidity.noOutflows'),
        color: LIGHT_GREEN,
        axis: 'y',
        stack: 'liquidity',
        data: months.map((m) => (m === null ? (capped ? cap : max) : null)),
      },
      {
        kind: 'line',
        id: 'policy',
        label: L.t('chart.liquidity.policy', { months: L.months(policy, 0) }),
        color: THRESHOLD_COLOUR,
        axis: 'y',
        role: 'threshold',
        dash: THRESHOLD_DASHES[0]!,
        data: results.bank.map(() => policy),
      },
    ],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
