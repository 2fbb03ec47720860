import type { ReflowRow, RunResults } from '../../model/results.js';
import { bn } from '../tables.js';
import type { ChartContext } from './context.js';
import { OKABE_ITO } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec } from './spec.js';

/** The portfolio-total reflow rows, one per year, in year order. */
export function totalReflows(results: RunResults): ReflowRow[] {
  return results.reflows.filter((r) => r.dimension === 'total').sort((a, b) => a.year - b.year);
}

/** Cash the portfolio pays the bank in a year, by kind, millions FCFA. */
export function reflowCash(r: ReflowRow) {
  return {
    principal: r.principal,
    interest: r.interest - r.capitalised,
    fees: r.fees,
    equity: r.dividends + r.exitProceeds,
  };
}

/** The repayment profile: cash received per year by kind (stacked bars), portfolio outstanding (line). */
export function reflowsChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const rows = totalReflows(results);
  const bar = (id: keyof ReturnType<typeof reflowCash>, label: string, color: string) => ({
    kind: 'bar' as const,
    id,
    label,
    color,
    axis: 'y' as const,
    stack: 'reflows',
    data: rows.map((r) => bn(reflowCash(r)[id])),
  });
  return {
    id: 'portfolio-reflows',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.reflows.title'),
    footer: ctx.footer,
    layout: 'category',
    categories: rows.map((r) => String(r.year)),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y: { title: L.t('chart.axis.bnFcfa'), format: 'money', stacked: true, min: 0 },
    y2: { title: L.t('chart.reflows.outstandingAxis'), format: 'money', min: 0 },
    series: [
      bar('principal', L.t('col.principal'), OKABE_ITO.blue),
      bar('interest', L.t('chart.reflows.interestPaid'), OKABE_ITO.orange),
      bar('fees', L.t('col.fees'), OKABE_ITO.reddishPurple),
      bar('equity', L.t('chart.reflows.equity'), OKABE_ITO.skyBlue),
      {
        kind: 'line',
        id: 'outstanding',
        label: L.t('col.loansOutstanding'),
        color: OKABE_ITO.black,
        axis: 'y2',
        role: 'data',
        data: rows.map((r) => bn(r.outstanding)),
      },
    ],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
