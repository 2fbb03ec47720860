/**
 * Fan charts of the Monte Carlo (bcid risk): per year the band holding 90 % of
 * the paths (P5–P95), the band holding half of them (P25–P75), the median and
 * the projection without random shocks, with the policy limit where there is one.
 * Liquidity is capped like the deterministic liquidity chart (4 × the policy);
 * a quantile among paths with no net outflow (unlimited coverage) sits at the cap.
 */
import type { Metric } from '../../risk/accumulator.js';
import type { FanYear, RiskResults } from '../../risk/results.js';
import type { Locale } from '../locale.js';
import { LIQUIDITY_AXIS_CAP } from './liquidity.js';
import { OKABE_ITO, THRESHOLD_COLOUR, THRESHOLD_DASHES } from './palette.js';
import { CHART_HEIGHT, CHART_WIDTH, type AxisSpec, type ChartSpec, type LineSeries, type ValueFormat } from './spec.js';

const BAND_OUTER = 'rgba(0, 114, 178, 0.18)';
const BAND_INNER = 'rgba(0, 114, 178, 0.38)';

export interface RiskChartContext {
  readonly locale: Locale;
  readonly footer: string;
}

const TITLES = {
  equityToLoans: 'chart.fan.equityToLoans.title',
  liquidityMonths: 'chart.fan.liquidityMonths.title',
  equity: 'chart.fan.equity.title',
  creditLosses: 'chart.fan.creditLosses.title',
} as const;

export function fanChart(results: RiskResults, metric: Metric, ctx: RiskChartContext): ChartSpec {
  const L = ctx.locale;
  const rows = results.fan[metric];
  const money = metric === 'equity' || metric === 'creditLosses';
  const policyMonths = results.policy.liquidityMonths;
  const cap = metric === 'liquidityMonths' ? LIQUIDITY_AXIS_CAP * Math.max(1, policyMonths) : metric === 'equityToLoans' ? 4 * Math.max(0.05, results.policy.equityToLoansFloor) : null;
  const value = (v: number | null, unlimitedAtCap = false): number | null => {
    if (v === null) return unlimitedAtCap && cap !== null ? cap : null;
    const x = money ? v / 1000 : v;
    return cap !== null ? Math.min(cap, x) : x;
  };
  // Liquidity quantiles are null where paths have no net outflow: coverage is unlimited, drawn at the cap.
  const unlimited = metric === 'liquidityMonths';
  const pick = (f: (r: FanYear) => number | null, upper: boolean) => rows.map((r) => value(f(r), unlimited && upper && r.p5 !== null));
  const format: ValueFormat = metric === 'equityToLoans' ? 'percent' : metric === 'liquidityMonths' ? 'months' : 'money';
  const axisTitle = metric === 'equityToLoans' ? L.t('chart.axis.percent') : metric === 'liquidityMonths' ? L.t('chart.axis.months') : L.t('chart.axis.bnFcfa');
  const y: AxisSpec = {
    title: axisTitle,
    format,
    ...(metric === 'creditLosses' ? { min: 0 } : {}),
    ...(cap !== null ? { max: cap } : {}),
  };
  const band = (id: string, label: string, data: (number | null)[], fill?: string, hide = false): LineSeries => ({
    kind: 'line',
    id,
    label,
    data,
    color: fill ?? 'rgba(0, 114, 178, 0.35)',
    axis: 'y',
    role: 'band',
    ...(fill !== undefined ? { fill } : {}),
    ...(hide ? { hideInLegend: true } : {}),
  });
  const series: LineSeries[] = [
    band('p5', 'P5', pick((r) => r.p5, false), undefined, true),
    band('p95', L.t('chart.fan.band90'), pick((r) => r.p95, true), BAND_OUTER),
    band('p25', 'P25', pick((r) => r.p25, false), undefined, true),
    band('p75', L.t('chart.fan.band50'), pick((r) => r.p75, true), BAND_INNER),
    { kind: 'line', id: 'p50', label: L.t('chart.fan.median'), data: pick((r) => r.p50, true), color: OKABE_ITO.blue, axis: 'y', role: 'data' },
    {
      kind: 'line',
      id: 'deterministic',
      label: L.t('chart.fan.deterministic'),
      data: rows.map((r) => value(r.deterministic, unlimited)),
      color: OKABE_ITO.vermillion,
      axis: 'y',
      role: 'data',
    },
  ];
  if (metric === 'equityToLoans') {
    series.push({
      kind: 'line',
      id: 'floor',
      label: L.t('chart.loansEquity.floor', { floor: L.percent(results.policy.equityToLoansFloor) }),
      data: rows.map(() => results.policy.equityToLoansFloor),
      color: THRESHOLD_COLOUR,
      axis: 'y',
      role: 'threshold',
      dash: THRESHOLD_DASHES[0]!,
    });
  }
  if (metric === 'liquidityMonths') {
    series.push({
      kind: 'line',
      id: 'policy',
      label: L.t('chart.liquidity.policy', { months: L.months(policyMonths, 0) }),
      data: rows.map(() => policyMonths),
      color: THRESHOLD_COLOUR,
      axis: 'y',
      role: 'threshold',
      dash: THRESHOLD_DASHES[0]!,
    });
  }
  const notes = cap !== null ? [L.t('common.cappedAxis', { max: format === 'percent' ? L.percent(cap) : L.months(cap, 0) })] : [];
  if (metric === 'liquidityMonths') notes.push(L.t('chart.compare.unlimitedNote'));
  return {
    id: `risk-fan-${metric}`,
    lang: L.lang,
    dir: L.dir,
    title: L.t(TITLES[metric]),
    subtitle: L.t('chart.fan.subtitle', { paths: L.integer(results.paths), seed: String(results.seed) }),
    footer: ctx.footer,
    ...(notes.length > 0 ? { notes } : {}),
    layout: 'category',
    categories: results.years.map(String),
    x: { title: L.t('chart.axis.year'), format: 'year' },
    y,
    series,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}
