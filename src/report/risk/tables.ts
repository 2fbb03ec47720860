/**
 * Format-neutral tables of the risk results: the Monte Carlo summary
 * (montecarlo.json) and the scenario comparison (bcid compare). Each is a
 * TableSpec, drawn as CSV, XLSX sheet, terminal text or dossier table.
 */
import { METRICS, type Metric } from '../../risk/accumulator.js';
import { INDICATORS, INDICATOR_KIND, type ComparisonResults, type Indicator, type IndicatorKey } from '../../risk/compare.js';
import type { RiskResults } from '../../risk/results.js';
import { tornadoLabel } from '../charts/tornado.js';
import type { Locale } from '../locale.js';
import { column, type Cell, type ColumnKind, type TableSpec } from '../table.js';
import { describeStresses } from './stress-labels.js';

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const bn = (m: number | null): number | null => (m === null ? null : m / 1000);

export function breachesTable(r: RiskResults, L: Locale): TableSpec {
  const rows: Cell[][] = r.breaches.map((b) => [L.t(`riskLimit.${b.limit}`), b.probability]);
  rows.push([L.t('riskLimit.any'), r.anyBreachProbability]);
  return {
    id: 'risk-breaches',
    title: L.t('table.risk.breaches.title'),
    columns: [column('limit', L.t('col.riskLimit'), 'text'), column('probability', L.t('col.probability'), 'ratio', '%')],
    rows,
  };
}

export function lossTable(r: RiskResults, L: Locale): TableSpec {
  const c = r.creditLoss;
  const unit = L.t('unit.bnFcfa');
  return {
    id: 'risk-credit-loss',
    title: L.t('table.risk.loss.title'),
    columns: [
      column('expected', L.t('col.expectedLoss'), 'money', unit),
      column('standardError', L.t('col.standardError'), 'money', unit, 2),
      column('var95', L.t('col.var95'), 'money', unit),
      column('cvar95', L.t('col.cvar95'), 'money', unit),
      column('var99', L.t('col.var99'), 'money', unit),
      column('cvar99', L.t('col.cvar99'), 'money', unit),
      column('var999', L.t('col.var999'), 'money', unit),
      column('cvar999', L.t('col.cvar999'), 'money', unit),
      column('deterministic', L.t('col.deterministic'), 'money', unit),
    ],
    rows: [[bn(c.expected), bn(c.standardError), bn(c.var95), bn(c.cvar95), bn(c.var99), bn(c.cvar99), bn(c.var999), bn(c.cvar999), bn(c.deterministic)]],
  };
}

/** One-year economic capital: each year's credit loss alone, against the central case's equity. */
export function economicCapitalTable(r: RiskResults, L: Locale): TableSpec {
  const unit = L.t('unit.bnFcfa');
  return {
    id: 'risk-economic-capital',
    title: L.t('riskEc.title'),
    columns: [
      column('year', L.t('col.year'), 'year'),
      column('expectedLoss', L.t('riskEc.col.expectedLoss'), 'money', unit, 2),
      column('loss99', L.t('riskEc.col.loss99'), 'money', unit),
      column('loss999', L.t('riskEc.col.loss999'), 'money', unit),
      column('equity', L.t('riskEc.col.equity'), 'money', unit),
      column('utilisation', L.t('riskEc.col.utilisation'), 'ratio', '%'),
    ],
    rows: r.economicCapital.map((y) => [y.year, bn(y.expectedLoss), bn(y.loss99), bn(y.loss999), bn(y.equity), y.utilisation]),
  };
}

/** Each limit's breach probability in each year, and of a breach at least once by its end. */
export function breachesByYearTable(r: RiskResults, L: Locale): TableSpec {
  const rows: Cell[][] = [];
  for (const b of r.breaches) r.years.forEach((year, i) => rows.push([L.t(`riskLimit.${b.limit}`), year, b.byYear[i] ?? 0, b.cumulativeByYear[i] ?? 0]));
  return {
    id: 'risk-breaches-by-year',
    title: L.t('riskBreachYear.title'),
    columns: [
      column('limit', L.t('col.riskLimit'), 'text'),
      column('year', L.t('col.year'), 'year'),
      column('inYear', L.t('riskBreachYear.col.inYear'), 'ratio', '%'),
      column('byYear', L.t('riskBreachYear.col.byYear'), 'ratio', '%'),
    ],
    rows,
  };
}

function metricKind(m: Metric): { kind: ColumnKind; scale: number; unit: string | null } {
  return m === 'equityToLoans' ? { kind: 'ratio', scale: 1, unit: null } : m === 'liquidityMonths' ? { kind: 'number', scale: 1, unit: null } : { kind: 'money', scale: 1 / 1000, unit: null };
}

/** Every metric and year: the long table behind the fan charts (CSV, workbook). */
export function fanTable(r: RiskResults, L: Locale): TableSpec {
  const rows: Cell[][] = [];
  for (const m of METRICS) {
    const { scale } = metricKind(m);
    const v = (x: number | null) => (x === null ? null : x * scale);
    for (const y of r.fan[m]) rows.push([L.t(`metric.${m}`), y.year, v(y.p5), v(y.p25), v(y.p50), v(y.p75), v(y.p95), v(y.mean), v(y.deterministic)]);
  }
  return {
    id: 'risk-fan',
    title: L.t('table.risk.fan.title'),
    columns: [
      column('metric', L.t('col.metric'), 'text'),
      column('year', L.t('col.year'), 'year'),
      ...(['p5', 'p25', 'p50', 'p75', 'p95', 'mean', 'deterministic'] as const).map((k) => column(k, L.t(`col.${k}`), 'number', null, 3)),
    ],
    rows,
    notes: [L.t('dossier.units')],
  };
}

/** Milestone years of one metric, in its own unit (dossier). */
export function fanMilestones(r: RiskResults, metric: Metric, keep: ReadonlySet<number>, L: Locale): TableSpec {
  const { kind, scale } = metricKind(metric);
  const unit = metric === 'equityToLoans' ? '%' : metric === 'liquidityMonths' ? L.t('unit.months') : L.t('unit.bnFcfa');
  const v = (x: number | null) => (x === null ? null : x * scale);
  const unlimited = metric === 'liquidityMonths';
  const cell = (x: number | null, upper: boolean, p5: number | null): Cell => (x === null && unlimited && upper && p5 !== null ? L.t('risk.unlimited') : v(x));
  return {
    id: `risk-fan-${metric}`,
    title: `${L.t('table.risk.fan.title')} — ${L.t(`metric.${metric}`)}`,
    columns: [
      column('year', L.t('col.year'), 'year'),
      ...(['p5', 'p25', 'p50', 'p75', 'p95', 'deterministic'] as const).map((k) => column(k, L.t(`col.${k}`), kind, unit, kind === 'number' ? 1 : undefined)),
    ],
    rows: r.fan[metric]
      .filter((y) => keep.has(y.year))
      .map((y): Cell[] => [y.year, cell(y.p5, false, y.p5), cell(y.p25, true, y.p5), cell(y.p50, true, y.p5), cell(y.p75, true, y.p5), cell(y.p95, true, y.p5), cell(y.deterministic, true, y.p5)]),
  };
}

export function tornadoTable(r: RiskResults, L: Locale): TableSpec {
  const base = r.tornado.base;
  return {
    id: 'risk-tornado',
    title: L.t('table.risk.tornado.title'),
    columns: [
      column('input', L.t('col.input'), 'text'),
      column('favourable', L.t('col.favourable'), 'ratio', '%'),
      column('adverse', L.t('col.adverse'), 'ratio', '%'),
      column('swing', L.t('col.swing'), 'ratio', '%'),
    ],
    rows: r.tornado.bars.map((b): Cell[] => [tornadoLabel(b, L), b.favourable, b.adverse, b.favourable === null || b.adverse === null ? null : Math.abs(b.adverse - b.favourable)]),
    notes: base === null ? [] : [L.t('chart.tornado.subtitle', { base: L.percent(base, 1) })],
  };
}

export function defaultsTable(r: RiskResults, L: Locale): TableSpec {
  const last = r.years[r.years.length - 1]!;
  return {
    id: 'risk-defaults',
    title: L.t('table.risk.defaults.title'),
    columns: [column('member', L.t('col.member'), 'text'), column('probability', L.t('col.byHorizon', { year: L.year(last) }), 'ratio', '%')],
    rows: r.defaults.map((d): Cell[] => [d.member === 'joint' ? capitalise(L.t('stress.allMembers')) : L.t(`member.${d.member}`), d.byYear[d.byYear.length - 1] ?? 0]),
  };
}

/** One row per indicator, one column per scenario: numbers in their presentation unit, years in a "when" note. */
export function comparisonTable(c: ComparisonResults, L: Locale): TableSpec {
  // A table column has one kind; indicators mix them, so cells carry the value already formatted.
  const format = (key: IndicatorKey, ind: Indicator): Cell => {
    if (ind.value === null || !Number.isFinite(ind.value)) return L.t('common.notApplicable');
    const k = INDICATOR_KIND[key];
    const v = k === 'ratio' ? L.percent(ind.value, key === 'heaviestMemberBurden' ? 2 : 1) : k === 'money' ? L.number(ind.value / 1000, 1) : k === 'months' ? L.number(ind.value, 1) : L.integer(ind.value);
    const when = [ind.member ? L.t(`member.${ind.member}`) : null, ind.year !== undefined ? L.year(ind.year) : null].filter((x): x is string => x !== null).join(', ');
    return when ? L.t('indicator.at', { value: v, when }) : v;
  };
  const unitOf = (key: IndicatorKey) => {
    switch (INDICATOR_KIND[key]) {
      case 'ratio':
        return '%';
      case 'money':
        return L.t('unit.bnFcfa');
      case 'months':
        return L.t('unit.months');
      case 'count':
        return null;
    }
  };
  return {
    id: 'comparison',
    title: L.t('table.compare.title'),
    columns: [column('indicator', L.t('col.indicator'), 'text'), ...c.scenarios.map((s, k) => column(`s${k}`, s.name, 'text'))],
    rows: INDICATORS.map((key): Cell[] => {
      const unit = unitOf(key);
      const label = unit ? L.t('table.headerWithUnit', { header: L.t(`indicator.${key}`), unit }) : L.t(`indicator.${key}`);
      return [label, ...c.scenarios.map((s) => format(key, s.indicators[key]))];
    }),
  };
}

/** The same indicators as numbers (CSV and workbook: one row per scenario). */
export function comparisonDataTable(c: ComparisonResults, L: Locale): TableSpec {
  const kindOf = (key: IndicatorKey): ColumnKind => ({ ratio: 'ratio', money: 'money', months: 'number', count: 'int' } as const)[INDICATOR_KIND[key]];
  const unitOf = (key: IndicatorKey) => (INDICATOR_KIND[key] === 'money' ? L.t('unit.bnFcfa') : INDICATOR_KIND[key] === 'ratio' ? '%' : INDICATOR_KIND[key] === 'months' ? L.t('unit.months') : null);
  return {
    id: 'comparison',
    title: L.t('table.compare.title'),
    columns: [
      column('scenario', L.t('col.scenario'), 'text'),
      column('shocks', L.t('col.shocks'), 'text'),
      ...INDICATORS.map((key) => column(key, L.t(`indicator.${key}`), kindOf(key), unitOf(key))),
    ],
    rows: c.scenarios.map((s): Cell[] => [
      s.name,
      describeStresses(s.stresses, L),
      ...INDICATORS.map((key) => {
        const v = s.indicators[key].value;
        return v === null || !Number.isFinite(v) ? null : INDICATOR_KIND[key] === 'money' ? v / 1000 : v;
      }),
    ]),
  };
}

/** Year-by-year series of every scenario, long format. */
export function comparisonSeriesTable(c: ComparisonResults, L: Locale): TableSpec {
  return {
    id: 'comparison-by-year',
    title: L.t('table.compare.series.title'),
    columns: [
      column('scenario', L.t('col.scenario'), 'text'),
      column('year', L.t('col.year'), 'year'),
      column('equityToLoans', L.t('col.equityToLoans'), 'ratio', '%'),
      column('liquidityMonths', L.t('col.liquidityMonths'), 'number', L.t('unit.months'), 1),
      column('headroom', L.t('col.headroom'), 'money', L.t('unit.bnFcfa')),
      column('equity', L.t('col.equity'), 'money', L.t('unit.bnFcfa')),
      column('borrowings', L.t('col.borrowings'), 'money', L.t('unit.bnFcfa')),
      column('memberBurden', L.t('col.memberBurden'), 'ratio', '%', 2),
      column('member', L.t('col.member'), 'text'),
    ],
    rows: c.scenarios.flatMap((s) =>
      s.series.map((y): Cell[] => [
        s.name,
        y.year,
        y.equityToLoans,
        y.liquidityMonths,
        Number.isFinite(y.headroom) ? y.headroom / 1000 : null,
        y.equity / 1000,
        y.borrowings / 1000,
        y.memberBurden,
        y.memberBurdenMember ?? '',
      ]),
    ),
  };
}

/** Which shocks each scenario applies, in words. */
export function scenariosTable(c: ComparisonResults, L: Locale): TableSpec {
  return {
    id: 'comparison-scenarios',
    title: L.t('table.compare.scenarios.title'),
    columns: [column('scenario', L.t('col.scenario'), 'text'), column('shocks', L.t('col.shocks'), 'text')],
    rows: c.scenarios.map((s): Cell[] => [s.name, describeStresses(s.stresses, L)]),
  };
}
