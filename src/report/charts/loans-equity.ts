import type { RunResults } from '../../model/results.js';
import { bn } from '../tables.js';
import { yearLabels, type ChartContext } from './context.js';
import { OKABE_ITO, THRESHOLD_COLOUR, THRESHOLD_DASHES } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type ChartSpec } from './spec.js';

/** The ratio axis is capped at this multiple of the floor so the floor stays readable. */
export const RATIO_AXIS_CAP = 4;

/** Loans outstanding and equity (bars, bn FCFA) with the equity-to-loans ratio and its policy floor (lines, %). */
export function loansEquityChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const L = ctx.locale;
  const floor = results.scenario.policy.equityToLoansFloor;
  const ratios = results.bank.map((y) => y.equityToLoans);
  const maxRatio = Math.max(floor, ...ratios.filter((r): r is number => r !== null));
  const cap = floor > 0 ? RATIO_AXIS_CAP * floor : 1;
  const capped = maxRatio > cap;
  return {
    id: 'loans-equity',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.loansEquity.title'),
    footer: ctx.footer,
    ...(capped ? { subtitle: L.t('common.cappedAxis', { max: L.percent(cap) }), notes: [L.t('common.cappedAxis', { max: L.percent(cap) })] } : {}),
    layout: 'category',
    categories: yearLabels(results),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y: { title: L.t('chart.axis.bnFcfa'), format: 'money', min: 0 },
    y2: { title: L.t('chart.loansEquity.ratioAxis'), format: 'percent', min: 0, ...(capped ? { max: cap } : {}) },
    series: [
      {
        kind: 'bar',
        id: 'loansOutstanding',
        label: L.t('col.loansOutstanding'),
        color: OKABE_ITO.skyBlue,
        axis: 'y',
        data: results.bank.map((y) => bn(y.loansOutstanding)),
      },
      {
        kind: 'bar',
        id: 'equity',
        label: L.t('col.equity'),
        color: OKABE_ITO.blue,
        axis: 'y',
        data: results.bank.map((y) => bn(y.equity)),
      },
      {
        kind: 'line',
        id: 'equityToLoans',
        label: L.t('col.equityToLoans'),
        color: OKABE_ITO.vermillion,
        axis: 'y2',
        role: 'data',
        data: ratios,
      },
      {
        kind: 'line',
        id: 'floor',
        label: L.t('chart.loansEquity.floor', { floor: L.percent(floor) }),
        color: THRESHOLD_COLOUR,
        axis: 'y2',
        role: 'threshold',
        dash: THRESHOLD_DASHES[0]!,
        data: results.bank.map(() => floor),
      },
    ],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
