import type { BankYear, RunResults } from '../../model/results.js';
import { bn } from '../tables.js';
import { yearLabels, type ChartContext } from './context.js';
import { GREY, OKABE_ITO } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type BarSeries, type ChartSpec } from './spec.js';


/** The bank's sources of funds in one year, millions FCFA, in the order stacked. */
export function sourcesOf(y: BankYear) {
  return {
    paidIn: y.paidInReceived,
    levy: y.levyReceived,
    borrowing: y.borrowingRaised,
    loanReflows: y.principalRepaid + y.otherReflows,
    treasury: y.treasuryIncome,
  };
}

/** The bank's uses of funds in one year, millions FCFA (positive numbers). */
export function usesOf(y: BankYear) {
  return {
    disbursements: y.disbursements,
    borrowingService: y.borrowingRepaid + y.interestExpense,
    operating: y.operatingExpenses,
  };
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

/**
 * Capital sources (above zero) and uses (below zero) per year, stacked bars, with
 * their difference as a line. With the bank engine's cash identity the difference
 * is the change in cash over the year.
 */
export function sourcesUsesChart(results: RunResults, ctx: ChartContext): ChartSpec {
  const { locale: L } = ctx;
  const years = results.bank;
  const src = (label: string, id: keyof ReturnType<typeof sourcesOf>, color: string): BarSeries => ({
    kind: 'bar',
    id,
    label,
    color,
    axis: 'y',
    stack: 'flows',
    data: years.map((y) => bn(sourcesOf(y)[id])),
  });
  const use = (label: string, id: keyof ReturnType<typeof usesOf>, color: string): BarSeries => ({
    kind: 'bar',
    id,
    label,
    color,
    axis: 'y',
    stack: 'flows',
    data: years.map((y) => -bn(usesOf(y)[id])),
  });
  return {
    id: 'sources-uses',
    lang: L.lang,
    dir: L.dir,
    title: L.t('chart.sourcesUses.title'),
    subtitle: L.t('chart.sourcesUses.subtitle'),
    footer: ctx.footer,
    layout: 'category',
    categories: yearLabels(results),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y: { title: L.t('chart.axis.bnFcfa'), format: 'money', stacked: true },
    series: [
      src(L.t('col.paidInReceived'), 'paidIn', OKABE_ITO.blue),
      src(L.t('col.levyReceived'), 'levy', OKABE_ITO.skyBlue),
      src(L.t('col.borrowingRaised'), 'borrowing', OKABE_ITO.reddishPurple),
      src(L.t('chart.sourcesUses.loanReflows'), 'loanReflows', OKABE_ITO.bluishGreen),
      src(L.t('col.treasuryIncome'), 'treasury', OKABE_ITO.yellow),
      use(L.t('col.disbursements'), 'disbursements', OKABE_ITO.vermillion),
      use(L.t('chart.sourcesUses.borrowingService'), 'borrowingService', OKABE_ITO.orange),
      use(L.t('col.operatingExpenses'), 'operating', GREY),
      {
        kind: 'line',
        id: 'net',
        label: L.t('chart.sourcesUses.net'),
        color: OKABE_ITO.black,
        axis: 'y',
        role: 'data',
        data: years.map((y) => bn(sum(sourcesOf(y)) - sum(usesOf(y)))),
      },
    ],
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
