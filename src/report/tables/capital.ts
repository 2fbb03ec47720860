/**
 * tables/capital.csv: the components of capital and the capital ratios by
 * year, beside their floors (issue 14). Ratios as decimals; the band is S&P's
 * capital-adequacy band of the risk-adjusted capital ratio.
 */
import { capitalSettings } from '../../model/capital/settings.js';
import type { RunResults } from '../../model/results.js';
import type { Locale } from '../locale.js';
import { column, type Cell, type TableSpec } from '../table.js';

const bn = (millions: number): number => millions / 1000;

export function capitalTable(results: RunResults, locale: Locale): TableSpec {
  const t = locale.t.bind(locale);
  const money = t('unit.bnFcfa');
  const pct = t('unit.percent');
  const floor = capitalSettings(results.scenario).minRiskAdjustedCapital;
  const columns = [
    column('year', t('col.year'), 'year'),
    column('paidInCapital', t('col.paidInCapital'), 'money', money),
    column('levyContributions', t('col.levyContributions'), 'money', money),
    column('retainedEarnings', t('col.retainedEarnings'), 'money', money),
    column('equity', t('col.equity'), 'money', money),
    column('callableCapital', t('col.callableCapital'), 'money', money),
    column('usableCapital', t('col.usableCapital'), 'money', money),
    column('riskWeightedAssets', t('col.riskWeightedAssets'), 'money', money),
    column('riskAdjustedCapitalRatio', t('col.riskAdjustedCapitalRatio'), 'ratio', pct),
    column('minRiskAdjustedCapital', t('col.minRiskAdjustedCapital'), 'ratio', pct),
    column('capitalBand', t('col.capitalBand'), 'text'),
    column('equityToLoans', t('col.equityToLoans'), 'ratio', pct),
    column('equityToLoansFloor', t('col.equityToLoansFloor'), 'ratio', pct),
  ];
  const rows = results.bank.map((b): Cell[] => [
    b.year,
    bn(b.paidInCapital),
    bn(b.levyContributions),
    bn(b.retainedEarnings),
    bn(b.equity),
    bn(b.callableCapital),
    bn(b.usableCapital),
    bn(b.riskWeightedAssets),
    b.riskAdjustedCapitalRatio,
    floor,
    b.capitalBand === null ? null : t(`band.${b.capitalBand}`),
    b.equityToLoans,
    results.scenario.policy.equityToLoansFloor,
  ]);
  return { id: 'capital', title: t('table.capital.title'), columns, rows };
}
